import pg from "pg";

export type Queryable = Pick<pg.PoolClient, "query">;

/**
 * The simulator's database access. SQL is written against the schema alias `sim.`, replaced by the configured
 * schema name, so tests can give every test file its own schema in one database.
 */
export interface SimDatabase {
  schema: string;
  pool: pg.Pool;
  query<R extends pg.QueryResultRow>(client: Queryable, text: string, params?: unknown[]): Promise<pg.QueryResult<R>>;
  transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export function createSimDatabase(databaseUrl: string, schema: string): SimDatabase {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new Error(`"${schema}" is not a plain lower-case schema name.`);
  }
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 8,
    application_name: "carrier-sim",
    // A sandbox of an outside partner: its commits need not wait for the disk, so that under load the simulator
    // is not what limits Portway. A crash of the machine may lose its last moments, never Portway's.
    options: "-c synchronous_commit=off",
  });
  // An idle connection dropped by the server must not crash the simulator; the next query reconnects.
  pool.on("error", () => undefined);
  const rewrite = (text: string) => text.replace(/\bsim\./g, `"${schema}".`);
  const database: SimDatabase = {
    schema,
    pool,
    query: (client, text, params) => client.query(rewrite(text), params),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await work(client);
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
  return database;
}
