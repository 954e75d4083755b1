import { and, asc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import {
  manualRequests,
  orderHistory,
  outbox,
  portOrders,
  portOrderTns,
  portRequests,
  rejections,
  supps,
} from "../schema/index";
import { insertRows, updateRowsByVersion } from "./bulk";

export type OrderRowUpdate = Partial<typeof portOrders.$inferInsert>;

/** Locks one order for the rest of the transaction; with an account ID, another account's order is not found. */
export async function lockOrder(db: DbOrTx, where: { orderId: string; accountId?: string }) {
  const filters = [eq(portOrders.id, where.orderId)];
  if (where.accountId) {
    filters.push(eq(portOrders.accountId, where.accountId));
  }
  const rows = await db
    .select()
    .from(portOrders)
    .where(and(...filters))
    .for("update");
  return rows[0] ?? null;
}

export async function lockOrderByPartnerId(db: DbOrTx, partnerOrderId: string) {
  const rows = await db.select().from(portOrders).where(eq(portOrders.partnerOrderId, partnerOrderId)).for("update");
  return rows[0] ?? null;
}

export async function findOrderLines(db: DbOrTx, orderId: string) {
  return db.select().from(portOrderTns).where(eq(portOrderTns.orderId, orderId)).orderBy(asc(portOrderTns.id));
}

export async function findOpenRejections(db: DbOrTx, orderId: string) {
  return db
    .select()
    .from(rejections)
    .where(and(eq(rejections.orderId, orderId), isNull(rejections.resolvedAt)))
    .orderBy(asc(rejections.id));
}

export async function findHistorySince(db: DbOrTx, orderId: string, version: number) {
  return db
    .select()
    .from(orderHistory)
    .where(and(eq(orderHistory.orderId, orderId), gt(orderHistory.version, version)))
    .orderBy(asc(orderHistory.id));
}

/** Writes new state only when the version is still the one read (a second line of defence behind the row lock). */
export async function updateOrderRow(db: DbOrTx, orderId: string, expectedVersion: number, values: OrderRowUpdate) {
  const rows = await db
    .update(portOrders)
    .set(values)
    .where(and(eq(portOrders.id, orderId), eq(portOrders.version, expectedVersion)))
    .returning({ id: portOrders.id });
  return rows.length === 1;
}

/**
 * Writes new state to many orders in one statement (per set of columns), each only when its version is still the
 * one read. Returns the IDs written (a missing one lost a race).
 */
export async function updateOrderRows(
  db: DbOrTx,
  updates: readonly { orderId: string; expectedVersion: number; values: OrderRowUpdate }[],
): Promise<Set<string>> {
  return updateRowsByVersion(
    db,
    portOrders,
    updates.map((update) => ({ id: update.orderId, expectedVersion: update.expectedVersion, values: update.values })),
  );
}

export async function insertOrderLines(
  db: DbOrTx,
  lines: { orderId: string; accountId: string; tn: string; status?: string; active?: boolean }[],
) {
  // Large orders: insert in slices to stay under the bind-parameter limit.
  for (let start = 0; start < lines.length; start += 5_000) {
    await db.insert(portOrderTns).values(lines.slice(start, start + 5_000));
  }
}

export async function deleteOrderLines(db: DbOrTx, orderId: string, tns: string[]) {
  if (tns.length > 0) {
    await db.delete(portOrderTns).where(and(eq(portOrderTns.orderId, orderId), inArray(portOrderTns.tn, tns)));
  }
}

export async function updateOrderLine(
  db: DbOrTx,
  orderId: string,
  tn: string,
  values: { status: string; excludedReason?: string | null; activatedAt?: Date | null; active: boolean },
) {
  await db
    .update(portOrderTns)
    .set(values)
    .where(and(eq(portOrderTns.orderId, orderId), eq(portOrderTns.tn, tn)));
}

/** A terminal order releases its TNs, so they may be ported again in another order. */
export async function releaseOrderLines(db: DbOrTx, orderId: string) {
  await db.update(portOrderTns).set({ active: false }).where(eq(portOrderTns.orderId, orderId));
}

export async function insertHistoryEntries(db: DbOrTx, entries: (typeof orderHistory.$inferInsert)[]) {
  await insertRows(db, orderHistory, entries);
}

export async function insertOutboxJobs(db: DbOrTx, jobs: (typeof outbox.$inferInsert)[]) {
  if (jobs.length > 0) {
    await db.insert(outbox).values(jobs);
  }
}

export async function insertRejections(db: DbOrTx, rows: (typeof rejections.$inferInsert)[]) {
  if (rows.length > 0) {
    await db.insert(rejections).values(rows);
  }
}

export async function resolveRejections(db: DbOrTx, orderId: string, at: Date) {
  await db
    .update(rejections)
    .set({ resolvedAt: at })
    .where(and(eq(rejections.orderId, orderId), isNull(rejections.resolvedAt)));
}

export async function insertSupp(db: DbOrTx, row: typeof supps.$inferInsert) {
  const [inserted] = await db.insert(supps).values(row).returning();
  if (!inserted) {
    throw new Error("SUPP not inserted");
  }
  return inserted;
}

/** Marks the order's unresolved cancel/reschedule SUPPs with the LSP's answer. */
export async function resolveOpenSupps(
  db: DbOrTx,
  orderId: string,
  answer: { status: string; resolution: string; at: Date },
) {
  await db
    .update(supps)
    .set({ status: answer.status, resolution: answer.resolution, resolvedAt: answer.at })
    .where(and(eq(supps.orderId, orderId), isNull(supps.resolvedAt), inArray(supps.type, ["CANCEL", "RESCHEDULE"])));
}

export async function insertManualRequest(db: DbOrTx, row: typeof manualRequests.$inferInsert) {
  const [inserted] = await db.insert(manualRequests).values(row).returning();
  if (!inserted) {
    throw new Error("manual request not inserted");
  }
  return inserted;
}

export async function resolveOpenManualRequests(
  db: DbOrTx,
  orderId: string,
  kinds: string[],
  answer: { status: string; resolution: string; resolvedBy: string | null; at: Date },
) {
  await db
    .update(manualRequests)
    .set({ status: answer.status, resolution: answer.resolution, resolvedBy: answer.resolvedBy, resolvedAt: answer.at })
    .where(
      and(eq(manualRequests.orderId, orderId), eq(manualRequests.status, "OPEN"), inArray(manualRequests.kind, kinds)),
    );
}

/** Number of orders in an account whose PON starts with a prefix (for sequential PONs). */
export async function countOrdersWithPonPrefix(db: DbOrTx, prefix: string) {
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(portOrders)
    .where(sql`${portOrders.pon} like ${`${prefix}%`}`);
  return rows[0]?.n ?? 0;
}

export async function insertOrderRow(db: DbOrTx, row: typeof portOrders.$inferInsert) {
  const [inserted] = await db.insert(portOrders).values(row).returning();
  if (!inserted) {
    throw new Error("order not inserted");
  }
  return inserted;
}

export async function insertPortRequest(db: DbOrTx, row: typeof portRequests.$inferInsert) {
  const [inserted] = await db.insert(portRequests).values(row).returning();
  if (!inserted) {
    throw new Error("port request not inserted");
  }
  return inserted;
}

export async function findPortRequestByReference(db: DbOrTx, accountId: string, customerReference: string) {
  const rows = await db
    .select()
    .from(portRequests)
    .where(and(eq(portRequests.accountId, accountId), eq(portRequests.customerReference, customerReference)))
    .limit(1);
  return rows[0] ?? null;
}

/** The next PON sequence number (our ON_NET and PROJECT PONs); one database sequence for every process. */
export async function nextPonSequence(db: DbOrTx): Promise<number> {
  const result = await db.execute<{ n: string }>(sql`select nextval('pon_sequence') as n`);
  return Number(result.rows[0]?.n ?? 0) % 1_000_000;
}

export async function setPartnerOrderId(db: DbOrTx, orderId: string, partnerOrderId: string) {
  await db.update(portOrders).set({ partnerOrderId }).where(eq(portOrders.id, orderId));
}

export async function findSupp(db: DbOrTx, suppId: string) {
  const rows = await db.select().from(supps).where(eq(supps.id, suppId)).limit(1);
  return rows[0] ?? null;
}

export async function markSuppSent(db: DbOrTx, suppId: string, partnerSuppId: string) {
  await db
    .update(supps)
    .set({ status: "SENT", resolution: `Partner SUPP ${partnerSuppId}` })
    .where(eq(supps.id, suppId));
}

export async function resolveSupp(
  db: DbOrTx,
  suppId: string,
  values: { status: string; resolution: string; at: Date },
) {
  await db
    .update(supps)
    .set({ status: values.status, resolution: values.resolution, resolvedAt: values.at })
    .where(and(eq(supps.id, suppId), isNull(supps.resolvedAt)));
}

export async function setLastPartnerSequence(db: DbOrTx, orderId: string, sequence: number) {
  await db.update(portOrders).set({ lastPartnerSequence: sequence }).where(eq(portOrders.id, orderId));
}
