import {
  type DbOrTx,
  findOrdersForExport,
  findOrdersPage,
  type OrderFilters,
  type OrderListRow,
  type OrderScope,
} from "@portway/db";
import { isoInstantSchema, ORDER_STATUSES, PORT_TYPES, parseTn, textInput } from "@portway/domain";
import { z } from "zod";
import { csvRecords } from "../csv/cell-writer";
import { invalid } from "../errors";

const tnFilter = textInput(40, "The number").optional();

export const orderFiltersInput = z.object({
  statuses: z.array(z.enum(ORDER_STATUSES)).max(ORDER_STATUSES.length).optional(),
  portTypes: z.array(z.enum(PORT_TYPES)).max(PORT_TYPES.length).optional(),
  pon: textInput(32, "The PON").optional(),
  customerReference: textInput(64, "The reference").optional(),
  tn: tnFilter,
  btn: tnFilter,
  focFrom: isoInstantSchema.optional(),
  focTo: isoInstantSchema.optional(),
  createdFrom: isoInstantSchema.optional(),
  createdTo: isoInstantSchema.optional(),
});
export type OrderFiltersInput = z.infer<typeof orderFiltersInput>;

export const orderListInput = orderFiltersInput.extend({
  page: z.int().min(0).max(100_000).default(0),
  pageSize: z.int().min(1).max(200).default(25),
  sort: z
    .enum(["createdAt", "status", "focAt", "pon", "customerReference", "tnCount", "portType"])
    .default("createdAt"),
  direction: z.enum(["asc", "desc"]).default("desc"),
});
export type OrderListInput = z.infer<typeof orderListInput>;

function normalizeTnFilter(field: "tn" | "btn", value: string | undefined): string | undefined {
  if (!value) {
    return undefined;
  }
  const parsed = parseTn(value);
  if (!parsed.ok) {
    throw invalid([
      { field, code: parsed.error.code, message: `${field === "tn" ? "TN" : "BTN"} filter: ${parsed.error.message}` },
    ]);
  }
  return parsed.tn;
}

/** Turns the wire filters into query filters: TNs in any format become E.164, dates become instants. */
export function toOrderFilters(input: OrderFiltersInput): OrderFilters {
  const date = (value: string | undefined) => (value ? new Date(value) : undefined);
  return {
    statuses: input.statuses,
    portTypes: input.portTypes,
    pon: input.pon || undefined,
    customerReference: input.customerReference || undefined,
    tn: normalizeTnFilter("tn", input.tn),
    btn: normalizeTnFilter("btn", input.btn),
    focFrom: date(input.focFrom),
    focTo: date(input.focTo),
    createdFrom: date(input.createdFrom),
    createdTo: date(input.createdTo),
  };
}

function present(row: OrderListRow) {
  return {
    id: row.id,
    accountId: row.accountId,
    accountName: row.accountName,
    portRequestId: row.portRequestId,
    status: row.status,
    portType: row.portType,
    pon: row.pon,
    customerReference: row.customerReference,
    btn: row.btn,
    tnCount: row.tnCount,
    requestedFocAt: row.requestedFocAt,
    focAt: row.focAt,
    suppPending: row.supp !== null,
    assignedTo: row.assignedTo,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** A page of orders: a customer's (scope names the account) or, for staff, across accounts. */
export async function listOrders(db: DbOrTx, scope: OrderScope, input: OrderListInput) {
  const { rows, total, totalCapped } = await findOrdersPage(db, scope, {
    ...toOrderFilters(input),
    page: input.page,
    pageSize: input.pageSize,
    sort: input.sort,
    direction: input.direction,
  });
  return { total, totalCapped, rows: rows.map(present) };
}

const csvColumns = [
  ["Order ID", (r: OrderListRow) => r.id],
  ["Account", (r: OrderListRow) => r.accountName],
  ["Customer reference", (r: OrderListRow) => r.customerReference ?? ""],
  ["Status", (r: OrderListRow) => r.status],
  ["Port type", (r: OrderListRow) => r.portType ?? ""],
  ["PON", (r: OrderListRow) => r.pon ?? ""],
  ["BTN", (r: OrderListRow) => r.btn ?? ""],
  ["TNs", (r: OrderListRow) => String(r.tnCount)],
  ["Requested FOC", (r: OrderListRow) => r.requestedFocAt?.toISOString() ?? ""],
  ["FOC", (r: OrderListRow) => r.focAt?.toISOString() ?? ""],
  ["Created", (r: OrderListRow) => r.createdAt.toISOString()],
] as const;

/** CSV of the whole filtered set (not just the page), streamed in batches. */
export async function* exportOrdersCsv(
  db: DbOrTx,
  scope: OrderScope,
  input: OrderFiltersInput,
): AsyncGenerator<string> {
  yield csvRecords([csvColumns.map(([header]) => header)]);
  for await (const batch of findOrdersForExport(db, scope, toOrderFilters(input))) {
    yield csvRecords(batch.map((row) => csvColumns.map(([, value]) => value(row))));
  }
}
