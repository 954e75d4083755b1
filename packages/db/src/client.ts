import { logger } from "@portway/observability";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import { drizzle, type NodePgDatabase, type NodePgQueryResultHKT } from "drizzle-orm/node-postgres";
import { PgTransaction } from "drizzle-orm/pg-core";
import pg from "pg";
import * as schema from "./schema/index";

export type Schema = typeof schema;
export type Db = NodePgDatabase<Schema> & { $client: pg.Pool };
export type Tx = PgTransaction<NodePgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Query functions take this first, so a service can pass its transaction down. */
export type DbOrTx = NodePgDatabase<Schema> | Tx;

/**
 * Independent reads, together: at once on the pool (each on a connection of its own), one after the other on a
 * transaction, whose one connection runs one query at a time. Answers their results in order.
 */
export async function readTogether<T extends readonly unknown[]>(
  db: DbOrTx,
  ...reads: { [K in keyof T]: () => Promise<T[K]> }
): Promise<T> {
  if (db instanceof PgTransaction) {
    const results: unknown[] = [];
    for (const read of reads) {
      results.push(await read());
    }
    return results as unknown as T;
  }
  return (await Promise.all(reads.map((read) => read()))) as unknown as T;
}

export interface DbHandle {
  db: Db;
  pool: pg.Pool;
  close: () => Promise<void>;
}

/**
 * A client losing its connection must not end the process, nor go unsaid. An idle one is the pool's (it replaces it,
 * and emits 'error' on the pool); a checked-out one (a transaction in flight when PostgreSQL restarts) has no listener
 * of pg's, and the 'error' event it emits beside failing its queries would be unhandled. Each is logged with its
 * cause (PostgreSQL's code and message, e.g. 57P01 when an administrator terminated the backend); the process goes on.
 */
export function guardPoolClients(pool: pg.Pool, name = "portway"): void {
  pool.on("error", (error) => {
    // pg hangs the lost client on the error: the connection's state, not a cause, and far too long a line.
    delete (error as Error & { client?: unknown }).client;
    logger().error(
      { err: error, pool: name, client: "idle" },
      `PostgreSQL: an idle client of the ${name} pool lost its connection (${error.message}); the pool replaces it`,
    );
  });
  pool.on("connect", (client) => {
    client.on("error", (error) => {
      logger().error(
        { err: error, pool: name, client: "checked out" },
        `PostgreSQL: a client of the ${name} pool in use lost its connection (${error.message}); its queries fail`,
      );
    });
  });
}

export function createDb(connectionString: string, options: { max?: number; applicationName?: string } = {}): DbHandle {
  const name = options.applicationName ?? "portway";
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    application_name: name,
    connectionTimeoutMillis: 10_000,
  });
  guardPoolClients(pool, name);
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
