import { and, asc, eq, gt } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { partnerEvents } from "../schema/index";

/** Stores a callback; returns null when this event ID was stored before (a re-delivery). */
export async function insertPartnerEvent(db: DbOrTx, row: typeof partnerEvents.$inferInsert) {
  const rows = await db
    .insert(partnerEvents)
    .values(row)
    .onConflictDoNothing({ target: partnerEvents.eventId })
    .returning();
  return rows[0] ?? null;
}

/** Events of an order after a sequence number that are still waiting, in order. */
export async function findWaitingPartnerEvents(db: DbOrTx, partnerOrderId: string, afterSequence: number) {
  return db
    .select()
    .from(partnerEvents)
    .where(
      and(
        eq(partnerEvents.partnerOrderId, partnerOrderId),
        eq(partnerEvents.status, "RECEIVED"),
        gt(partnerEvents.sequence, afterSequence),
      ),
    )
    .orderBy(asc(partnerEvents.sequence), asc(partnerEvents.id));
}

export async function markPartnerEvent(
  db: DbOrTx,
  id: number,
  values: { status: string; detail?: string | null; appliedAt?: Date | null; orderId?: string | null },
) {
  await db.update(partnerEvents).set(values).where(eq(partnerEvents.id, id));
}

export async function findOrderPartnerEvents(db: DbOrTx, orderId: string) {
  return db
    .select()
    .from(partnerEvents)
    .where(eq(partnerEvents.orderId, orderId))
    .orderBy(asc(partnerEvents.sequence), asc(partnerEvents.id));
}
