import { and, asc, eq, inArray, isNotNull, isNull, lte, notInArray, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { portOrders } from "../schema/index";

/** Orders whose activation time has come, not held by a SUPP and not yet sent. */
export async function findDueActivations(db: DbOrTx, now: Date, limit: number) {
  return db
    .select({ id: portOrders.id })
    .from(portOrders)
    .where(
      and(
        isNotNull(portOrders.activationDueAt),
        lte(portOrders.activationDueAt, now),
        eq(portOrders.activationSent, false),
        eq(portOrders.activationHeld, false),
        eq(portOrders.status, "FOC"),
      ),
    )
    .orderBy(asc(portOrders.activationDueAt))
    .limit(limit);
}

/** Open orders at the partner without news since `quietSince`, oldest first. */
export async function findOrdersToReconcile(db: DbOrTx, quietSince: Date, limit: number) {
  return db
    .select({
      id: portOrders.id,
      partnerOrderId: portOrders.partnerOrderId,
      lastPartnerSequence: portOrders.lastPartnerSequence,
    })
    .from(portOrders)
    .where(
      and(
        isNotNull(portOrders.partnerOrderId),
        notInArray(portOrders.status, ["COMPLETE", "CANCELLED"]),
        lte(portOrders.updatedAt, quietSince),
      ),
    )
    .orderBy(asc(portOrders.updatedAt))
    .limit(limit);
}

export async function touchOrder(db: DbOrTx, orderId: string, at: Date) {
  await db.update(portOrders).set({ updatedAt: at }).where(eq(portOrders.id, orderId));
}

/**
 * Open orders not flagged yet that may be stuck: in one of the statuses with their last progress at least
 * `minHours` wall-clock hours ago (business hours never exceed wall-clock ones), or in FOC with their activation due
 * at least `activationHours` ago. The caller decides in business hours.
 */
export async function findStuckCandidates(
  db: DbOrTx,
  now: Date,
  input: { statuses: string[]; minHours: number; activationHours: number; limit: number },
) {
  const progressBefore = new Date(now.getTime() - input.minHours * 3_600_000);
  const dueBefore = new Date(now.getTime() - input.activationHours * 3_600_000);
  return db
    .select({
      id: portOrders.id,
      status: portOrders.status,
      carrierId: portOrders.carrierId,
      lastProgressAt: portOrders.lastProgressAt,
      activationDueAt: portOrders.activationDueAt,
    })
    .from(portOrders)
    .where(
      and(
        isNull(portOrders.stuckSince),
        or(
          and(inArray(portOrders.status, input.statuses), lte(portOrders.lastProgressAt, progressBefore)),
          and(eq(portOrders.status, "FOC"), lte(portOrders.activationDueAt, dueBefore)),
        ),
      ),
    )
    .orderBy(asc(portOrders.lastProgressAt))
    .limit(input.limit);
}

export async function markOrdersStuck(db: DbOrTx, orderIds: string[], now: Date) {
  if (orderIds.length > 0) {
    await db
      .update(portOrders)
      .set({ stuckSince: now })
      .where(and(inArray(portOrders.id, orderIds), isNull(portOrders.stuckSince)));
  }
}

export async function countStuckOrders(db: DbOrTx) {
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(portOrders)
    .where(isNotNull(portOrders.stuckSince));
  return rows[0]?.n ?? 0;
}

/** Moves an order's planned activation (the scan re-plans one whose time the domain says has not come). */
export async function setActivationDueAt(db: DbOrTx, orderId: string, at: Date) {
  await db.update(portOrders).set({ activationDueAt: at }).where(eq(portOrders.id, orderId));
}
