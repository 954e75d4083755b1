import { and, count, eq, inArray, like } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { customerAccounts, portOrders, supps } from "../schema/index";

export async function findAccountIdBySlug(db: DbOrTx, slug: string): Promise<string | null> {
  const [row] = await db
    .select({ id: customerAccounts.id })
    .from(customerAccounts)
    .where(eq(customerAccounts.slug, slug))
    .limit(1);
  return row?.id ?? null;
}

/** Whether the account has an order whose customer reference starts with `prefix`. */
export async function hasOrderWithReferencePrefix(db: DbOrTx, accountId: string, prefix: string): Promise<boolean> {
  const rows = await db
    .select({ id: portOrders.id })
    .from(portOrders)
    .where(and(eq(portOrders.accountId, accountId), like(portOrders.customerReference, `${prefix}%`)))
    .limit(1);
  return rows.length > 0;
}

/** Status, version and partner order ID of some orders, by ID. */
export async function findOrderProgress(db: DbOrTx, orderIds: readonly string[]) {
  if (orderIds.length === 0) {
    return [];
  }
  return db
    .select({
      id: portOrders.id,
      status: portOrders.status,
      version: portOrders.version,
      partnerOrderId: portOrders.partnerOrderId,
      portType: portOrders.portType,
    })
    .from(portOrders)
    .where(inArray(portOrders.id, [...orderIds]));
}

/** How many SUPPs of these orders still wait to be sent to the partner. */
export async function countUnsentSupps(db: DbOrTx, orderIds: readonly string[]): Promise<number> {
  if (orderIds.length === 0) {
    return 0;
  }
  const [row] = await db
    .select({ n: count() })
    .from(supps)
    .where(and(inArray(supps.orderId, [...orderIds]), eq(supps.status, "PENDING")));
  return row?.n ?? 0;
}
