import type { DbHandle } from "../client";

/**
 * Runs a bulk load (benchmark seeding into a throw-away database) with the tables' secondary indexes dropped, then
 * builds each of them again in one pass over the loaded rows: sorting millions of keys once is many times faster
 * than inserting them one by one into twenty B-trees. The primary keys and indexes that back a constraint stay.
 * The rebuilt indexes are the same definitions (unique ones check their rows when built).
 */
export async function withIndexesBuiltAfter<T>(
  handle: DbHandle,
  tables: readonly string[],
  load: () => Promise<T>,
): Promise<T> {
  const client = await handle.pool.connect();
  try {
    const indexes = await client.query<{ name: string; definition: string }>(
      `select quote_ident(n.nspname) || '.' || quote_ident(c.relname) as name,
              pg_get_indexdef(i.indexrelid) as definition
       from pg_index i
       join pg_class c on c.oid = i.indexrelid
       join pg_namespace n on n.oid = c.relnamespace
       where i.indrelid = any (select to_regclass(t)::oid from unnest($1::text[]) t)
         and not i.indisprimary
         and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)
       order by c.relname`,
      [[...tables]],
    );
    for (const index of indexes.rows) {
      await client.query(`drop index ${index.name}`);
    }
    const result = await load();
    await client.query("set maintenance_work_mem = '512MB'");
    for (const index of indexes.rows) {
      await client.query(index.definition);
    }
    await client.query("reset maintenance_work_mem");
    for (const table of tables) {
      await client.query(`analyze ${client.escapeIdentifier(table)}`);
    }
    return result;
  } finally {
    client.release();
  }
}
