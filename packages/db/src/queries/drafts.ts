import { and, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { portDrafts } from "../schema/index";

export async function insertDraft(db: DbOrTx, row: typeof portDrafts.$inferInsert) {
  const [inserted] = await db.insert(portDrafts).values(row).returning();
  if (!inserted) {
    throw new Error("draft not inserted");
  }
  return inserted;
}

/** Saves a draft if it is still at the version the caller saw; returns null when it is not (or is gone). */
export async function updateDraft(
  db: DbOrTx,
  where: { draftId: string; accountId: string; baseVersion: number },
  values: { data: Record<string, unknown>; tnCount: number; updatedAt: Date },
) {
  const rows = await db
    .update(portDrafts)
    .set({ ...values, version: where.baseVersion + 1 })
    .where(
      and(
        eq(portDrafts.id, where.draftId),
        eq(portDrafts.accountId, where.accountId),
        eq(portDrafts.version, where.baseVersion),
      ),
    )
    .returning();
  return rows[0] ?? null;
}

export async function findDraft(db: DbOrTx, where: { draftId: string; accountId: string }) {
  const rows = await db
    .select()
    .from(portDrafts)
    .where(and(eq(portDrafts.id, where.draftId), eq(portDrafts.accountId, where.accountId)))
    .limit(1);
  return rows[0] ?? null;
}

export async function findDrafts(db: DbOrTx, accountId: string) {
  return db
    .select({
      id: portDrafts.id,
      tnCount: portDrafts.tnCount,
      version: portDrafts.version,
      data: portDrafts.data,
      createdAt: portDrafts.createdAt,
      updatedAt: portDrafts.updatedAt,
    })
    .from(portDrafts)
    .where(eq(portDrafts.accountId, accountId))
    .orderBy(desc(portDrafts.updatedAt));
}

export async function deleteDraft(db: DbOrTx, where: { draftId: string; accountId: string }) {
  const rows = await db
    .delete(portDrafts)
    .where(and(eq(portDrafts.id, where.draftId), eq(portDrafts.accountId, where.accountId)))
    .returning({ id: portDrafts.id });
  return rows.length === 1;
}
