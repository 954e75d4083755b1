import { asc, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { carriers, portOrders, portOrderTns } from "../schema/index";

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
