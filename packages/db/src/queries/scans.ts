import { and, asc, eq, inArray, isNotNull, isNull, lte, notInArray, sql } from "drizzle-orm";
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
 * Flags orders that stayed in a status longer than its expected time (hours per status), and unflags those that
 * moved on. Returns how many are flagged now.
 */
export async function flagStuckOrders(db: DbOrTx, now: Date, expectedHours: Readonly<Record<string, number>>) {
  const statuses = Object.keys(expectedHours);
  const cases = sql.join(
    statuses.map((status) => sql`when ${status} then ${String(expectedHours[status])}::int`),
    sql` `,
  );
  await db
    .update(portOrders)
    .set({ stuckSince: now })
    .where(
      and(
        isNull(portOrders.stuckSince),
        inArray(portOrders.status, statuses),
        sql`${portOrders.lastProgressAt} + make_interval(hours => case ${portOrders.status} ${cases} end) < ${now}`,
      ),
    );
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(portOrders)
    .where(isNotNull(portOrders.stuckSince));
  return rows[0]?.n ?? 0;
}
