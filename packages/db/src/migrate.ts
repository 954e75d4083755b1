import path from "node:path";
import { fileURLToPath } from "node:url";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import type { Db } from "./client";

/** The committed migrations folder. Inside a Next server bundle pass it explicitly instead. */
export const defaultMigrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../drizzle");

// Any process may call this: an advisory lock makes one apply the migrations while the others wait.
const MIGRATION_LOCK_ID = 7_240_611;

export async function migrateDatabase(db: Db, migrationsFolder = defaultMigrationsFolder): Promise<void> {
  const client = await db.$client.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_ID]);
    try {
      await migrate(db, { migrationsFolder });
    } finally {
      await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_ID]);
    }
  } finally {
    client.release();
  }
}
