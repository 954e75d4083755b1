/**
 * Applies the committed migrations to `MIGRATION_DATABASE_URL` (the owner's login), else `DATABASE_URL`, and exits: the one step of a release that needs the database
 * owner's rights (`npm run migrate`). `npm start` does the same before it starts the apps. Several processes may run
 * it at once: an advisory lock makes one apply the migrations while the others wait.
 */
import { createDb } from "@portway/db";
import { checkReachable, migrateDatabase } from "@portway/db/server";

async function main() {
  const url = process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL;
  if (!url) {
    throw new Error("DATABASE_URL is missing: set it to the PostgreSQL 15+ server to migrate.");
  }
  await checkReachable(url);
  const handle = createDb(url, { max: 1, applicationName: "portway-migrate" });
  try {
    await migrateDatabase(handle.db);
    process.stdout.write("Migrations applied.\n");
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Migrations failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
