import { and, eq, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { portOrders, portOrderTns } from "../schema/index";

/**
 * The active TNs of the other orders of a port request (the split set of one submission), of one account: the BTN
 * rules of an edit look at the LSP account as a whole.
 */
export async function findSiblingOrderTns(
  db: DbOrTx,
  where: { accountId: string; portRequestId: string; exceptOrderId: string },
): Promise<string[]> {
  const rows = await db
    .select({ tn: portOrderTns.tn })
    .from(portOrderTns)
    .innerJoin(portOrders, eq(portOrders.id, portOrderTns.orderId))
    .where(
      and(
        eq(portOrders.accountId, where.accountId),
        eq(portOrders.portRequestId, where.portRequestId),
        ne(portOrders.id, where.exceptOrderId),
        sql`${portOrderTns.active}`,
      ),
    );
  return rows.map((row) => row.tn);
}
