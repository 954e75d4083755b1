import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb } from "../client";
import { migrateDatabase } from "../migrate";
import { ensureDatabase, findFreePort, startEmbeddedPostgres } from "../server/index";

export interface TestDatabase {
  url: string;
  teardown: () => Promise<void>;
}

/**
 * A fresh, migrated database for one test package. With DATABASE_URL it is `<that database>_<name>` on that server
 * (dropped and recreated); without, a throw-away embedded PostgreSQL server in a temporary folder.
 */
export async function createTestDatabase(name: string, databaseUrl = process.env.DATABASE_URL): Promise<TestDatabase> {
  let url: string;
  let stopServer: () => Promise<void> = async () => undefined;
  if (databaseUrl) {
    const parsed = new URL(databaseUrl);
    const base = parsed.pathname.replace(/^\//, "") || "portway";
    parsed.pathname = `/${base}_test_${name}`.replace(/[^a-zA-Z0-9_/]/g, "_");
    url = parsed.toString();
  } else {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), `portway-${name}-`));
    const server = await startEmbeddedPostgres({ dataDir, port: await findFreePort() });
    url = server.urlFor(`portway_test_${name}`);
    stopServer = async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    };
  }
  await ensureDatabase(url, { recreate: true });
  const handle = createDb(url, { max: 2 });
  try {
    await migrateDatabase(handle.db);
  } finally {
    await handle.close();
  }
  return { url, teardown: stopServer };
}
export * from "./bulk-seed";
