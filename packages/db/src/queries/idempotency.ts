import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { apiIdempotencyKeys, apiPendingSubmissions, portOrders, portRequests } from "../schema/index";

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

export async function insertPendingSubmission(db: DbOrTx, row: typeof apiPendingSubmissions.$inferInsert) {
  await db.insert(apiPendingSubmissions).values(row).onConflictDoNothing();
}

export async function isPendingSubmission(db: DbOrTx, where: { accountId: string; draftId: string }) {
  const rows = await db
    .select({ draftId: apiPendingSubmissions.draftId })
    .from(apiPendingSubmissions)
    .where(and(eq(apiPendingSubmissions.accountId, where.accountId), eq(apiPendingSubmissions.draftId, where.draftId)))
    .limit(1);
  return rows.length > 0;
}

/** The orders a submitted draft became (a port request keeps the ID of the draft it came from), in sequence. */
export async function findOrderIdsOfDraft(db: DbOrTx, where: { accountId: string; draftId: string }) {
  const rows = await db
    .select({ id: portOrders.id })
    .from(portOrders)
    .innerJoin(portRequests, eq(portRequests.id, portOrders.portRequestId))
    .where(and(eq(portRequests.accountId, where.accountId), eq(portRequests.draftId, where.draftId)))
    .orderBy(asc(portOrders.sequence));
  return rows.map((row) => row.id);
}
