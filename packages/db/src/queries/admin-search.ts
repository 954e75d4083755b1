import { and, asc, count, desc, eq, gte, ilike, inArray, lt, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../client";
import { authUsers, carriers, customerAccounts, portOrders, portOrderTns } from "../schema/index";
import { type OrderFilters, type OrderSortColumn, orderFilterSql, orderSortColumns } from "./orders";

/** The staff orders list: the customer filters across every account, plus losing carrier and assignee. */
export interface StaffOrderFilters extends OrderFilters {
  accountId?: string | undefined;
  carrierId?: string | undefined;
  /** An analyst's user ID, or "none" for unassigned orders. */
  assignee?: string | undefined;
  /** Activation due in [activationFrom, activationTo) and not sent yet. */
  activationFrom?: Date | undefined;
  activationTo?: Date | undefined;
  /** Only orders a SUPP in flight (or a held activation) holds. */
  held?: boolean | undefined;
}

export interface StaffOrderPageQuery extends StaffOrderFilters {
  page: number;
  pageSize: number;
  sort: OrderSortColumn;
  direction: "asc" | "desc";
}

const assignee = alias(authUsers, "assignee");

const staffListColumns = {
  id: portOrders.id,
  accountId: portOrders.accountId,
  accountName: customerAccounts.name,
  status: portOrders.status,
  portType: portOrders.portType,
  pon: portOrders.pon,
  partnerOrderId: portOrders.partnerOrderId,
  customerReference: portOrders.customerReference,
  btn: portOrders.btn,
  tnCount: portOrders.tnCount,
  carrierName: carriers.name,
  requestedFocAt: portOrders.requestedFocAt,
  focAt: portOrders.focAt,
  supp: portOrders.supp,
  assignedTo: portOrders.assignedTo,
  assigneeName: assignee.name,
  createdAt: portOrders.createdAt,
};

export function staffOrderFilterSql(filters: StaffOrderFilters): SQL | undefined {
  const where: (SQL | undefined)[] = [
    orderFilterSql({ allAccounts: true, accountId: filters.accountId }, { ...filters, assignedTo: undefined }),
  ];
  if (filters.carrierId) {
    where.push(eq(portOrders.carrierId, filters.carrierId));
  }
  if (filters.assignee === "none") {
    where.push(sql`${portOrders.assignedTo} is null`);
  } else if (filters.assignee) {
    where.push(eq(portOrders.assignedTo, filters.assignee));
  }
  if (filters.activationFrom || filters.activationTo) {
    where.push(eq(portOrders.activationSent, false));
  }
  if (filters.activationFrom) {
    where.push(gte(portOrders.activationDueAt, filters.activationFrom));
  }
  if (filters.activationTo) {
    where.push(lt(portOrders.activationDueAt, filters.activationTo));
  }
  if (filters.held) {
    where.push(sql`(${portOrders.supp} is not null or ${portOrders.activationHeld})`);
  }
  return and(...where);
}

function selectStaffOrders(db: DbOrTx) {
  return db
    .select(staffListColumns)
    .from(portOrders)
    .innerJoin(customerAccounts, eq(customerAccounts.id, portOrders.accountId))
    .leftJoin(carriers, eq(carriers.id, portOrders.carrierId))
    .leftJoin(assignee, eq(assignee.id, portOrders.assignedTo));
}

/** Counting stops here, as on the customer list: beyond it the page says "10,000+". */
const STAFF_COUNT_CAP = 10_000;

/** One page of orders across every account, with the (capped) number that match. */
export async function findStaffOrdersPage(db: DbOrTx, query: StaffOrderPageQuery) {
  const where = staffOrderFilterSql(query);
  const column = orderSortColumns[query.sort];
  const nullable = query.sort === "focAt" || query.sort === "pon" || query.sort === "customerReference";
  const nulls = nullable || query.sort === "portType" ? sql` nulls last` : sql``;
  const orderBy =
    query.direction === "asc"
      ? [sql`${column} asc${nulls}`, asc(portOrders.id)]
      : [sql`${column} desc${nulls}`, desc(portOrders.id)];
  const rows: StaffOrderRow[] = await selectStaffOrders(db)
    .where(where)
    .orderBy(...orderBy)
    .limit(query.pageSize)
    .offset(query.page * query.pageSize);
  if (query.page === 0 && rows.length < query.pageSize) {
    return { rows, total: rows.length, totalCapped: false };
  }
  const limited = db
    .select({ one: sql`1` })
    .from(portOrders)
    .where(where)
    .limit(STAFF_COUNT_CAP + 1)
    .as("limited");
  const counted = await db.select({ total: count() }).from(limited);
  const total = counted[0]?.total ?? 0;
  return { rows, total: Math.min(total, STAFF_COUNT_CAP), totalCapped: total > STAFF_COUNT_CAP };
}

/** The whole filtered set for a CSV export, in keyset batches on (created_at, id), newest first. */
export async function* findStaffOrdersForExport(db: DbOrTx, filters: StaffOrderFilters, batchSize = 2_000) {
  let after: { createdAt: Date; id: string } | null = null;
  for (;;) {
    const cursor: SQL | undefined = after
      ? sql`(${portOrders.createdAt}, ${portOrders.id}) < (${after.createdAt}, ${after.id})`
      : undefined;
    const rows: StaffOrderRow[] = await selectStaffOrders(db)
      .where(and(staffOrderFilterSql(filters), cursor))
      .orderBy(desc(portOrders.createdAt), desc(portOrders.id))
      .limit(batchSize);
    if (rows.length > 0) {
      yield rows;
    }
    const last = rows[rows.length - 1];
    if (!last || rows.length < batchSize) {
      return;
    }
    after = { createdAt: last.createdAt, id: last.id };
  }
}

export type StaffOrderRow = Awaited<ReturnType<typeof findOrdersByTn>>[number];

/** How many rows a search box answer lists at most; more means "refine the search". */
export const SEARCH_LIMIT = 25;

/** Every order that ever held the TN (E.164), in any account, newest first. */
export function findOrdersByTn(db: DbOrTx, tn: string) {
  return selectStaffOrders(db)
    .where(
      inArray(
        portOrders.id,
        sql`(select ${portOrderTns.orderId} from ${portOrderTns} where ${portOrderTns.tn} = ${tn} limit ${SEARCH_LIMIT + 1})`,
      ),
    )
    .orderBy(desc(portOrders.createdAt))
    .limit(SEARCH_LIMIT + 1);
}

/** Orders whose PON, partner order ID or customer reference is exactly `text`, or whose BTN is `btn` (E.164). */
export function findOrdersByIdentifier(db: DbOrTx, text: string, btn: string | undefined) {
  const matches = [
    eq(portOrders.pon, text),
    eq(portOrders.partnerOrderId, text),
    eq(portOrders.customerReference, text),
  ];
  if (btn) {
    matches.push(eq(portOrders.btn, btn));
  }
  return selectStaffOrders(db)
    .where(or(...matches))
    .orderBy(desc(portOrders.createdAt))
    .limit(SEARCH_LIMIT + 1);
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Customer accounts whose name or key contains `text` (case-insensitive). */
export function findAccountsByName(db: DbOrTx, text: string) {
  const pattern = `%${escapeLike(text)}%`;
  return db
    .select({ id: customerAccounts.id, name: customerAccounts.name, slug: customerAccounts.slug })
    .from(customerAccounts)
    .where(or(ilike(customerAccounts.name, pattern), ilike(customerAccounts.slug, pattern)))
    .orderBy(asc(customerAccounts.name))
    .limit(SEARCH_LIMIT + 1);
}

/** The losing carriers and staff users, for the orders page's filter choices. */
export async function findStaffOrderFilterChoices(db: DbOrTx) {
  const [carrierRows, staffRows] = await Promise.all([
    db.select({ id: carriers.id, name: carriers.name }).from(carriers).orderBy(asc(carriers.name)),
    db
      .select({ id: authUsers.id, name: authUsers.name })
      .from(authUsers)
      .where(eq(authUsers.kind, "staff"))
      .orderBy(asc(authUsers.name)),
  ]);
  return { carriers: carrierRows, staff: staffRows };
}
