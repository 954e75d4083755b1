import { type AnyColumn, getTableColumns, getTableName, is, type SQL, sql } from "drizzle-orm";
import { PgJson, PgJsonb, type PgTable } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../client";

/** The type a column takes in a `jsonb_to_recordset` column list (serials are their integer type). */
function recordType(column: AnyColumn): string {
  const type = column.getSQLType();
  return type === "serial" ? "integer" : type === "bigserial" ? "bigint" : type;
}

/** A value as JSON for `jsonb_to_recordset`: JSON columns as themselves, the rest as the driver would send them. */
function recordValue(column: AnyColumn, value: unknown): unknown {
  if (value === null || is(column, PgJsonb) || is(column, PgJson)) {
    return value;
  }
  return column.mapToDriverValue(value);
}

/** The columns the keys name, in order; an unknown key is a programming error, named. */
function columnsOf(table: PgTable, keys: readonly string[]): AnyColumn[] {
  const columns = getTableColumns(table) as Record<string, AnyColumn | undefined>;
  return keys.map((key) => {
    const column = columns[key];
    if (!column) {
      throw new Error(`${getTableName(table)} has no column ${key}`);
    }
    return column;
  });
}

/** Splits rows into consecutive runs that set the same columns, so every run is one statement and order is kept. */
function runsByKeys<T extends Record<string, unknown>>(rows: readonly T[]): { keys: string[]; rows: T[] }[] {
  const runs: { keys: string[]; rows: T[] }[] = [];
  for (const row of rows) {
    const keys = Object.keys(row)
      .filter((key) => row[key] !== undefined)
      .sort();
    const last = runs.at(-1);
    if (last && last.keys.join(",") === keys.join(",")) {
      last.rows.push(row);
    } else {
      runs.push({ keys, rows: [row] });
    }
  }
  return runs;
}

/**
 * The rows as one `jsonb_to_recordset` source: a single bind parameter however many rows and columns, so a large
 * batch costs one statement to build, send and plan.
 */
function recordset(
  table: PgTable,
  keys: readonly string[],
  rows: readonly Record<string, unknown>[],
  /** Fields beside the table's columns (name to SQL type), taken from the rows as they are. */
  extra: Record<string, string> = {},
) {
  const columns = columnsOf(table, keys);
  const json = rows.map((row) => ({
    ...Object.fromEntries(columns.map((column, i) => [column.name, recordValue(column, row[keys[i] ?? ""])])),
    ...Object.fromEntries(Object.keys(extra).map((name) => [name, row[name]])),
  }));
  const definition = sql.raw(
    [
      ...columns.map((column) => `"${column.name}" ${recordType(column)}`),
      ...Object.entries(extra).map(([name, type]) => `"${name}" ${type}`),
    ].join(", "),
  );
  const names = sql.raw(columns.map((column) => `"${column.name}"`).join(", "));
  return { source: sql`jsonb_to_recordset(${JSON.stringify(json)}::jsonb) as x(${definition})`, names };
}

/** Inserts many rows of one table in as few statements as their column sets allow, in the order given. */
export async function insertRows<T extends PgTable>(
  db: DbOrTx,
  table: T,
  rows: readonly T["$inferInsert"][],
  returning?: SQL,
): Promise<Record<string, unknown>[]> {
  const returned: Record<string, unknown>[] = [];
  for (const run of runsByKeys(rows as readonly Record<string, unknown>[])) {
    const { source, names } = recordset(table, run.keys, run.rows);
    const result = await db.execute(
      sql`insert into ${table} (${names}) select ${names} from ${source}${returning ? sql` returning ${returning}` : sql``}`,
    );
    returned.push(...result.rows);
  }
  return returned;
}

/**
 * Updates many rows of one table by ID in as few statements as their column sets allow, each only while its
 * `version` is still the expected one. Returns the IDs written (a missing one lost a race).
 */
export async function updateRowsByVersion<T extends PgTable>(
  db: DbOrTx,
  table: T,
  updates: readonly { id: string; expectedVersion: number; values: Partial<T["$inferInsert"]> }[],
): Promise<Set<string>> {
  const written = new Set<string>();
  const rows = updates.map((update) => ({ ...update.values, __id: update.id, __expected: update.expectedVersion }));
  for (const run of runsByKeys(rows as Record<string, unknown>[])) {
    const keys = run.keys.filter((key) => key !== "__id" && key !== "__expected");
    const { source } = recordset(table, keys, run.rows, { __id: "uuid", __expected: "integer" });
    const sets = sql.raw(
      columnsOf(table, keys)
        .map((column) => `"${column.name}" = x."${column.name}"`)
        .join(", "),
    );
    const result = await db.execute<{ id: string }>(
      sql`update ${table} as t set ${sets} from ${source} where t.id = x.__id and t.version = x.__expected returning t.id`,
    );
    for (const row of result.rows) {
      written.add(row.id);
    }
  }
  return written;
}
