import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { apiIdempotencyKeys } from "../schema/index";

export async function findIdempotencyKey(db: DbOrTx, where: { accountId: string; key: string }) {
  const rows = await db
    .select()
    .from(apiIdempotencyKeys)
    .where(and(eq(apiIdempotencyKeys.accountId, where.accountId), eq(apiIdempotencyKeys.key, where.key)))
    .limit(1);
  return rows[0] ?? null;
}

/** Keeps the first answer to a key; a concurrent first answer wins and this one answers false. */
export async function insertIdempotencyKey(db: DbOrTx, row: typeof apiIdempotencyKeys.$inferInsert) {
  const inserted = await db
    .insert(apiIdempotencyKeys)
    .values(row)
    .onConflictDoNothing()
    .returning({ key: apiIdempotencyKeys.key });
  return inserted.length > 0;
}
