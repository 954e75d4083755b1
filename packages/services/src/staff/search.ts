import {
  type DbOrTx,
  findAccountsByName,
  findOrdersByIdentifier,
  findOrdersByTn,
  findStaffOrderFilterChoices,
  findStaffOrdersForExport,
  findStaffOrdersPage,
  SEARCH_LIMIT,
  type StaffOrderFilters,
  type StaffOrderRow,
} from "@portway/db";
import { idInput, isoInstantSchema, parseTn, textInput, userIdInput } from "@portway/domain";
import { z } from "zod";
import { csvRecords } from "../csv/cell-writer";
import { orderFiltersInput, orderListInput, toOrderFilters } from "../orders/list-orders";

export const searchInput = z.object({
  q: textInput(200, "The search")
    .min(1, { message: "Type a TN, a PON, a partner order ID, a BTN, a customer reference or an account name." })
    .max(100, { message: "Search for at most 100 characters." }),
});
export type SearchInput = z.infer<typeof searchInput>;

function presentOrder(row: StaffOrderRow) {
  return {
    id: row.id,
    accountId: row.accountId,
    accountName: row.accountName,
    status: row.status,
    portType: row.portType,
    pon: row.pon,
    partnerOrderId: row.partnerOrderId,
    customerReference: row.customerReference,
    btn: row.btn,
    tnCount: row.tnCount,
    carrierName: row.carrierName,
    requestedFocAt: row.requestedFocAt,
    focAt: row.focAt,
    suppPending: row.supp !== null,
    assignedTo: row.assignedTo,
    assigneeName: row.assigneeName,
    createdAt: row.createdAt,
  };
}
export type StaffOrderListRow = ReturnType<typeof presentOrder>;

/**
 * The header's search box: a TN in any format of SPEC 3 (parsed by the domain), or a PON, partner order ID, BTN,
 * customer reference (exact) or account name (contains). Exactly one order and no account: go straight to it.
 */
export async function searchEverything(db: DbOrTx, input: SearchInput) {
  const q = input.q;
  const parsed = parseTn(q);
  const tn = parsed.ok ? parsed.tn : undefined;
  const [byTn, byIdentifier, accounts] = await Promise.all([
    tn ? findOrdersByTn(db, tn) : Promise.resolve([]),
    findOrdersByIdentifier(db, q, tn),
    q.length >= 2 ? findAccountsByName(db, q) : Promise.resolve([]),
  ]);
  const seen = new Set<string>();
  const orders = [...byTn, ...byIdentifier]
    .filter((row) => !seen.has(row.id) && seen.add(row.id))
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const truncated = orders.length > SEARCH_LIMIT || accounts.length > SEARCH_LIMIT;
  const onlyOrder = orders.length === 1 && accounts.length === 0 ? orders[0] : undefined;
  const onlyAccount = accounts.length === 1 && orders.length === 0 ? accounts[0] : undefined;
  return {
    q,
    /** The TN the input was read as (E.164), when it is one. */
    tn: tn ?? null,
    goTo: onlyOrder ? `/orders/${onlyOrder.id}` : onlyAccount ? `/accounts/${onlyAccount.id}` : null,
    orders: orders.slice(0, SEARCH_LIMIT).map(presentOrder),
    accounts: accounts.slice(0, SEARCH_LIMIT),
    truncated,
  };
}

/** The staff orders list: the customer list's filters plus account, losing carrier and assignee. */
export const staffOrderFiltersInput = orderFiltersInput.extend({
  accountId: idInput("The account id").optional(),
  carrierId: idInput("The carrier id").optional(),
  assignee: z.union([z.literal("none"), userIdInput("The assignee")]).optional(),
  activationFrom: isoInstantSchema.optional(),
  activationTo: isoInstantSchema.optional(),
  held: z.boolean().optional(),
});
export type StaffOrderFiltersInput = z.infer<typeof staffOrderFiltersInput>;
export const staffOrderListInput = orderListInput.extend(staffOrderFiltersInput.shape);
export type StaffOrderListInput = z.infer<typeof staffOrderListInput>;

function toStaffFilters(input: StaffOrderFiltersInput): StaffOrderFilters {
  return {
    ...toOrderFilters(input),
    accountId: input.accountId,
    carrierId: input.carrierId,
    assignee: input.assignee,
    activationFrom: input.activationFrom ? new Date(input.activationFrom) : undefined,
    activationTo: input.activationTo ? new Date(input.activationTo) : undefined,
    held: input.held,
  };
}

export async function listStaffOrders(db: DbOrTx, input: StaffOrderListInput) {
  const { rows, total, totalCapped } = await findStaffOrdersPage(db, {
    ...toStaffFilters(input),
    page: input.page,
    pageSize: input.pageSize,
    sort: input.sort,
    direction: input.direction,
  });
  return { total, totalCapped, rows: rows.map(presentOrder) };
}

export function getStaffOrderFilterChoices(db: DbOrTx) {
  return findStaffOrderFilterChoices(db);
}

const csvHeader = [
  "Order ID",
  "Account",
  "Customer reference",
  "Status",
  "Port type",
  "PON",
  "Partner order ID",
  "BTN",
  "TNs",
  "Losing carrier",
  "Assignee",
  "Requested FOC",
  "FOC",
  "Created",
];

function csvRow(row: StaffOrderRow): string[] {
  return [
    row.id,
    row.accountName,
    row.customerReference ?? "",
    row.status,
    row.portType ?? "",
    row.pon ?? "",
    row.partnerOrderId ?? "",
    row.btn ?? "",
    String(row.tnCount),
    row.carrierName ?? "",
    row.assigneeName ?? "",
    row.requestedFocAt?.toISOString() ?? "",
    row.focAt?.toISOString() ?? "",
    row.createdAt.toISOString(),
  ];
}

/** The whole filtered set (not just the page) as CSV, streamed in batches so memory stays flat. */
export async function* exportStaffOrdersCsv(db: DbOrTx, input: StaffOrderFiltersInput): AsyncGenerator<string> {
  const filters = toStaffFilters(input);
  yield csvRecords([csvHeader]);
  for await (const batch of findStaffOrdersForExport(db, filters)) {
    yield csvRecords(batch.map(csvRow));
  }
}
