import type { ExtractTablesWithRelations } from "drizzle-orm";
import { drizzle, type NodePgDatabase, type NodePgQueryResultHKT } from "drizzle-orm/node-postgres";
import type { PgTransaction } from "drizzle-orm/pg-core";
import pg from "pg";
import * as schema from "./schema/index";

export type Schema = typeof schema;
export type Db = NodePgDatabase<Schema> & { $client: pg.Pool };
export type Tx = PgTransaction<NodePgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Query functions take this first, so a service can pass its transaction down. */
export type DbOrTx = NodePgDatabase<Schema> | Tx;

export interface DbHandle {
  db: Db;
  pool: pg.Pool;
  close: () => Promise<void>;
}

/**
 * A client losing its connection must not end the process. An idle one is the pool's (it replaces it); a checked-out
 * one (a transaction in flight when PostgreSQL restarts) has no listener of pg's, and the 'error' event it emits
 * beside failing its queries would be unhandled. Its queries still fail with the error, so nothing is hidden.
 */
export function guardPoolClients(pool: pg.Pool): void {
  pool.on("error", () => undefined);
  pool.on("connect", (client) => {
    client.on("error", () => undefined);
  });
}

export function createDb(connectionString: string, options: { max?: number; applicationName?: string } = {}): DbHandle {
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    application_name: options.applicationName ?? "portway",
    connectionTimeoutMillis: 10_000,
  });
  guardPoolClients(pool);
  const db = drizzle(pool, { schema }) as Db;
  return { db, pool, close: () => pool.end() };
}

export type SqlExecutor = (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }>;

/**
 * A transaction on one dedicated connection, seen both through Drizzle and as a raw executor, so a library that
 * takes raw SQL (the job queue) writes in the same transaction as our queries.
 */
export async function withSharedTransaction<T>(
  pool: pg.Pool,
  fn: (db: DbOrTx, execute: SqlExecutor) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("begin");
    const db = drizzle(client, { schema });
    const execute: SqlExecutor = async (text, values) => {
      const result = await client.query(text, values);
      return { rows: result.rows };
    };
    const result = await fn(db, execute);
    await client.query("commit");
    return result;
  } catch (error) {
    await client.query("rollback").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
