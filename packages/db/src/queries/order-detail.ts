import { and, asc, desc, eq, getTableColumns, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { apiKeys, authUsers, carriers, csrs, manualRequests, orderHistory, rejections, supps } from "../schema/index";

/**
 * An order's history, oldest first, with the name of who caused each entry: the user (customer or staff) or the API
 * key (its name, kept after the key is revoked). Partner and system entries have none.
 */
export async function findOrderHistory(db: DbOrTx, orderId: string) {
  return db
    .select({
      ...getTableColumns(orderHistory),
      actorName: sql<string | null>`coalesce(${authUsers.name}, ${apiKeys.name})`,
    })
    .from(orderHistory)
    .leftJoin(
      authUsers,
      and(sql`${orderHistory.actorKind} in ('USER', 'STAFF')`, eq(authUsers.id, orderHistory.actorId)),
    )
    .leftJoin(apiKeys, and(eq(orderHistory.actorKind, "API_KEY"), sql`${apiKeys.id}::text = ${orderHistory.actorId}`))
    .where(eq(orderHistory.orderId, orderId))
    .orderBy(asc(orderHistory.id));
}

export async function findOrderRejections(db: DbOrTx, orderId: string) {
  return db.select().from(rejections).where(eq(rejections.orderId, orderId)).orderBy(desc(rejections.id));
}

export async function findOrderCsrs(db: DbOrTx, orderId: string) {
  return db.select().from(csrs).where(eq(csrs.orderId, orderId)).orderBy(desc(csrs.id));
}

export async function insertCsr(db: DbOrTx, row: typeof csrs.$inferInsert) {
  await db.insert(csrs).values(row);
}

export async function findOrderSupps(db: DbOrTx, orderId: string) {
  return db.select().from(supps).where(eq(supps.orderId, orderId)).orderBy(desc(supps.createdAt));
}

export async function findOrderManualRequests(db: DbOrTx, orderId: string) {
  return db
    .select()
    .from(manualRequests)
    .where(eq(manualRequests.orderId, orderId))
    .orderBy(desc(manualRequests.createdAt));
}

export async function findCarrier(db: DbOrTx, carrierId: string) {
  const rows = await db.select().from(carriers).where(eq(carriers.id, carrierId)).limit(1);
  return rows[0] ?? null;
}
