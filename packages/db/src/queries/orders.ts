import { and, asc, count, desc, eq, gte, inArray, lt, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { customerAccounts, portOrders, portOrderTns } from "../schema/index";

export const orderSortColumns = {
  createdAt: portOrders.createdAt,
  status: portOrders.status,
  focAt: portOrders.focAt,
  pon: portOrders.pon,
  customerReference: portOrders.customerReference,
  tnCount: portOrders.tnCount,
  portType: portOrders.portType,
} as const;
export type OrderSortColumn = keyof typeof orderSortColumns;
/** Sort columns that may be null: they sort last in either direction. */
const nullableSortColumns: ReadonlySet<OrderSortColumn> = new Set(["focAt", "pon", "customerReference", "portType"]);

/** ORDER BY that matches the (account_id, column, id) indexes in both directions, ties broken by id. */
function orderByFor(sort: OrderSortColumn, direction: "asc" | "desc"): SQL[] {
  const column = orderSortColumns[sort];
  const nulls = nullableSortColumns.has(sort) ? sql` nulls last` : sql``;
  if (direction === "asc") {
    return [sql`${column} asc${nulls}`, asc(portOrders.id)];
  }
  // A nullable column has its own descending index (nulls last, id desc nulls last); the others scan backwards.
  return [sql`${column} desc${nulls}`, sql`${portOrders.id} desc${nulls}`];
}

export interface OrderFilters {
  statuses?: string[] | undefined;
  portTypes?: string[] | undefined;
  pon?: string | undefined;
  customerReference?: string | undefined;
  /** Orders holding this TN (E.164). */
  tn?: string | undefined;
  btn?: string | undefined;
  focFrom?: Date | undefined;
  focTo?: Date | undefined;
  createdFrom?: Date | undefined;
  createdTo?: Date | undefined;
  assignedTo?: string | undefined;
}

/** Tenancy: a customer query always names its account; only staff queries may span all accounts. */
export type OrderScope = { accountId: string } | { allAccounts: true; accountId?: string | undefined };

export interface OrderPageQuery extends OrderFilters {
  page: number;
  pageSize: number;
  sort: OrderSortColumn;
  direction: "asc" | "desc";
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function orderFilterSql(scope: OrderScope, filters: OrderFilters): SQL | undefined {
  const where: SQL[] = [];
  if ("accountId" in scope && scope.accountId) {
    where.push(eq(portOrders.accountId, scope.accountId));
  }
  if (filters.statuses?.length) {
    where.push(inArray(portOrders.status, filters.statuses));
  }
  if (filters.portTypes?.length) {
    where.push(inArray(portOrders.portType, filters.portTypes));
  }
  if (filters.pon) {
    where.push(sql`${portOrders.pon} like ${`${escapeLike(filters.pon)}%`}`);
  }
  if (filters.customerReference) {
    where.push(sql`${portOrders.customerReference} ilike ${`%${escapeLike(filters.customerReference)}%`}`);
  }
  if (filters.btn) {
    where.push(eq(portOrders.btn, filters.btn));
  }
  if (filters.tn) {
    const tnWhere = [eq(portOrderTns.tn, filters.tn)];
    if ("accountId" in scope && scope.accountId) {
      tnWhere.push(eq(portOrderTns.accountId, scope.accountId));
    }
    where.push(
      inArray(portOrders.id, sql`(select ${portOrderTns.orderId} from ${portOrderTns} where ${and(...tnWhere)})`),
    );
  }
  if (filters.focFrom) {
    where.push(gte(portOrders.focAt, filters.focFrom));
  }
  if (filters.focTo) {
    where.push(lt(portOrders.focAt, filters.focTo));
  }
  if (filters.createdFrom) {
    where.push(gte(portOrders.createdAt, filters.createdFrom));
  }
  if (filters.createdTo) {
    where.push(lt(portOrders.createdAt, filters.createdTo));
  }
  if (filters.assignedTo) {
    where.push(eq(portOrders.assignedTo, filters.assignedTo));
  }
  return where.length > 0 ? and(...where) : undefined;
}

const listColumns = {
  id: portOrders.id,
  accountId: portOrders.accountId,
  accountName: customerAccounts.name,
  portRequestId: portOrders.portRequestId,
  status: portOrders.status,
  portType: portOrders.portType,
  pon: portOrders.pon,
  customerReference: portOrders.customerReference,
  btn: portOrders.btn,
  tnCount: portOrders.tnCount,
  requestedFocAt: portOrders.requestedFocAt,
  focAt: portOrders.focAt,
  supp: portOrders.supp,
  assignedTo: portOrders.assignedTo,
  createdAt: portOrders.createdAt,
  updatedAt: portOrders.updatedAt,
};

/** Counting stops here: beyond it a list says "10,000+" instead of scanning every matching row. */
export const ORDER_COUNT_CAP = 10_000;

/**
 * One page of orders and how many match: exact up to ORDER_COUNT_CAP, else the cap with `totalCapped`. A first page
 * shorter than a page needs no count at all.
 */
export async function findOrdersPage(db: DbOrTx, scope: OrderScope, query: OrderPageQuery) {
  const where = orderFilterSql(scope, query);
  const rows = await db
    .select(listColumns)
    .from(portOrders)
    .innerJoin(customerAccounts, eq(customerAccounts.id, portOrders.accountId))
    .where(where)
    .orderBy(...orderByFor(query.sort, query.direction))
    .limit(query.pageSize)
    .offset(query.page * query.pageSize);
  if (query.page === 0 && rows.length < query.pageSize) {
    return { rows, total: rows.length, totalCapped: false };
  }
  const limited = db
    .select({ one: sql`1` })
    .from(portOrders)
    .where(where)
    .limit(ORDER_COUNT_CAP + 1)
    .as("limited");
  const counted = await db.select({ total: count() }).from(limited);
  const total = counted[0]?.total ?? 0;
  return { rows, total: Math.min(total, ORDER_COUNT_CAP), totalCapped: total > ORDER_COUNT_CAP };
}

/** The filtered set for export, in pages of `batchSize` (keyset on created_at, id), so memory stays flat. */
export async function* findOrdersForExport(db: DbOrTx, scope: OrderScope, filters: OrderFilters, batchSize = 2_000) {
  let after: { createdAt: Date; id: string } | null = null;
  for (;;) {
    const base = orderFilterSql(scope, filters);
    const cursor: SQL | undefined = after
      ? sql`(${portOrders.createdAt}, ${portOrders.id}) < (${after.createdAt}, ${after.id})`
      : undefined;
    const rows: OrderListRow[] = await db
      .select(listColumns)
      .from(portOrders)
      .innerJoin(customerAccounts, eq(customerAccounts.id, portOrders.accountId))
      .where(and(base, cursor))
      .orderBy(desc(portOrders.createdAt), desc(portOrders.id))
      .limit(batchSize);
    if (rows.length === 0) {
      return;
    }
    yield rows;
    const last: OrderListRow | undefined = rows[rows.length - 1];
    if (!last || rows.length < batchSize) {
      return;
    }
    after = { createdAt: last.createdAt, id: last.id };
  }
}

export async function findOrderRow(db: DbOrTx, where: { orderId: string; accountId?: string }) {
  const filters = [eq(portOrders.id, where.orderId)];
  if (where.accountId) {
    filters.push(eq(portOrders.accountId, where.accountId));
  }
  const rows = await db
    .select()
    .from(portOrders)
    .where(and(...filters))
    .limit(1);
  return rows[0] ?? null;
}

export async function findOrdersOfRequest(db: DbOrTx, accountId: string, portRequestId: string) {
  return db
    .select(listColumns)
    .from(portOrders)
    .innerJoin(customerAccounts, eq(customerAccounts.id, portOrders.accountId))
    .where(and(eq(portOrders.accountId, accountId), eq(portOrders.portRequestId, portRequestId)))
    .orderBy(asc(portOrders.sequence));
}

export type OrderListRow = Awaited<ReturnType<typeof findOrdersPage>>["rows"][number];
