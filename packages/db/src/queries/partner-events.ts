import { and, asc, eq, gt, inArray, isNull, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { orderHistory, partnerEvents, portOrders } from "../schema/index";

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

/** An order's parked events, oldest first (by sequence). */
export async function findParkedPartnerEvents(db: DbOrTx, orderId: string) {
  return db
    .select()
    .from(partnerEvents)
    .where(and(eq(partnerEvents.orderId, orderId), eq(partnerEvents.status, "PARKED")))
    .orderBy(asc(partnerEvents.sequence), asc(partnerEvents.id));
}

/**
 * Orders with parked events that may apply now: no SUPP in flight any more (or the order is final), so a retry point
 * that another path missed (e.g. a SUPP answer the porting team recorded) is caught up by a scan.
 */
export async function findOrdersWithParkedEvents(db: DbOrTx, limit: number) {
  const rows = await db
    .selectDistinct({ orderId: partnerEvents.orderId, partnerOrderId: partnerEvents.partnerOrderId })
    .from(partnerEvents)
    .innerJoin(portOrders, sql`${portOrders.id}::text = ${partnerEvents.orderId}`)
    .where(
      and(
        eq(partnerEvents.status, "PARKED"),
        or(isNull(portOrders.supp), inArray(portOrders.status, ["COMPLETE", "CANCELLED"])),
      ),
    )
    .limit(limit);
  return rows.flatMap((row) => (row.orderId ? [{ orderId: row.orderId, partnerOrderId: row.partnerOrderId }] : []));
}

/** When the order was submitted, in business time (its SUBMIT history entry); null for a draft. */
export async function findSubmittedAt(db: DbOrTx, orderId: string): Promise<Date | null> {
  const rows = await db
    .select({ at: sql<Date | null>`min(${orderHistory.at})` })
    .from(orderHistory)
    .where(and(eq(orderHistory.orderId, orderId), eq(orderHistory.event, "SUBMIT")));
  const at = rows[0]?.at ?? null;
  return at === null ? null : new Date(at);
}
