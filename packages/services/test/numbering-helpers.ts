import { createDb, type DbHandle } from "@portway/db";
import { createTestDatabase } from "@portway/db/testing";
import { inject } from "vitest";

/**
 * A fresh migrated database of its own for one numbering test file, on the server of the package's test database:
 * the sample seed loads only into an empty carriers table, so these tests must not depend on what other files insert.
 */
export async function createNumberingDatabase(name: string): Promise<DbHandle> {
  const database = await createTestDatabase(`numbering_${name}`, inject("databaseUrl"));
  return createDb(database.url, { max: 4 });
}
