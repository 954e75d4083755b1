import { and, asc, count, desc, eq, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { portOrders } from "../schema/index";

export const orderSortColumns = {
  createdAt: portOrders.createdAt,
  status: portOrders.status,
  focAt: portOrders.focAt,
  pon: portOrders.pon,
} as const;
export type OrderSortColumn = keyof typeof orderSortColumns;

export interface OrderPageQuery {
  accountId: string;
  page: number;
  pageSize: number;
  sort: OrderSortColumn;
  direction: "asc" | "desc";
  status?: string | undefined;
}

/** One page of an account's orders. Tenancy: the account ID is always part of the filter. */
export async function findOrdersPage(db: DbOrTx, query: OrderPageQuery) {
  const filters: SQL[] = [eq(portOrders.accountId, query.accountId)];
  if (query.status) {
    filters.push(eq(portOrders.status, query.status));
  }
  const where = and(...filters);
  const column = orderSortColumns[query.sort];
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(portOrders)
      .where(where)
      .orderBy(query.direction === "asc" ? asc(column) : desc(column), desc(portOrders.id))
      .limit(query.pageSize)
      .offset(query.page * query.pageSize),
    db.select({ total: count() }).from(portOrders).where(where),
  ]);
  return { rows, total: totals[0]?.total ?? 0 };
}
