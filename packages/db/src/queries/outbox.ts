import { asc, inArray, isNull } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { outbox } from "../schema/index";

/** Claims up to `limit` unrelayed jobs for this transaction; other relays skip them (SKIP LOCKED). */
export async function claimOutboxJobs(db: DbOrTx, limit: number) {
  return db
    .select()
    .from(outbox)
    .where(isNull(outbox.relayedAt))
    .orderBy(asc(outbox.id))
    .limit(limit)
    .for("update", { skipLocked: true });
}

export async function markOutboxRelayed(db: DbOrTx, ids: number[], at: Date) {
  if (ids.length > 0) {
    await db.update(outbox).set({ relayedAt: at }).where(inArray(outbox.id, ids));
  }
}
