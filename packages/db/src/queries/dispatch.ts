import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { carriers, partnerEvents, portOrders, portOrderTns, rejections } from "../schema/index";

/** Several orders at once, for a batch of dispatch jobs. */
export async function findOrderRows(db: DbOrTx, orderIds: readonly string[]) {
  if (orderIds.length === 0) {
    return [];
  }
  return db
    .select()
    .from(portOrders)
    .where(inArray(portOrders.id, [...orderIds]));
}

export async function findCarriersByIds(db: DbOrTx, carrierIds: readonly string[]) {
  if (carrierIds.length === 0) {
    return [];
  }
  return db
    .select()
    .from(carriers)
    .where(inArray(carriers.id, [...carrierIds]));
}

/** The TN lines of several orders, in each order's line order. */
export async function findLinesOfOrders(db: DbOrTx, orderIds: readonly string[]) {
  if (orderIds.length === 0) {
    return [];
  }
  return db
    .select()
    .from(portOrderTns)
    .where(inArray(portOrderTns.orderId, [...orderIds]))
    .orderBy(asc(portOrderTns.orderId), asc(portOrderTns.id));
}

/**
 * Lets this transaction's commit return before its WAL reaches disk. Only for writes that are safe to redo: a
 * later durable commit (the job's completion) flushes it too, and a lost one is redone by the job's retry.
 */
export async function relaxCommitDurability(db: DbOrTx) {
  await db.execute(sql`set local synchronous_commit = off`);
}

/** Locks several orders for this transaction, always in ID order (two batches never deadlock each other). */
export async function lockOrders(db: DbOrTx, orderIds: readonly string[]) {
  if (orderIds.length === 0) {
    return [];
  }
  return db
    .select()
    .from(portOrders)
    .where(inArray(portOrders.id, [...orderIds]))
    .orderBy(asc(portOrders.id))
    .for("update");
}

export async function findOpenRejectionsOfOrders(db: DbOrTx, orderIds: readonly string[]) {
  if (orderIds.length === 0) {
    return [];
  }
  return db
    .select()
    .from(rejections)
    .where(and(inArray(rejections.orderId, [...orderIds]), isNull(rejections.resolvedAt)))
    .orderBy(asc(rejections.orderId), asc(rejections.id));
}

/** Which of these partner orders have callbacks stored but not applied yet. */
export async function findPartnerOrdersWithWaitingEvents(db: DbOrTx, partnerOrderIds: readonly string[]) {
  if (partnerOrderIds.length === 0) {
    return [];
  }
  const rows = await db
    .selectDistinct({ partnerOrderId: partnerEvents.partnerOrderId })
    .from(partnerEvents)
    .where(and(inArray(partnerEvents.partnerOrderId, [...partnerOrderIds]), eq(partnerEvents.status, "RECEIVED")));
  return rows.map((row) => row.partnerOrderId);
}
