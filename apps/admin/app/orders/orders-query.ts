import {
  addDays,
  easternToInstant,
  ORDER_STATUSES,
  type OrderStatus,
  PORT_TYPES,
  type PortType,
} from "@portway/domain";
import { type DataTableState, parseTableState } from "@portway/ui/table-state";

export const defaultStaffOrdersState: DataTableState = {
  page: 0,
  pageSize: 25,
  sort: "createdAt",
  direction: "desc",
  hidden: ["btn", "requestedFocAt", "partnerOrderId"],
};

const sortable = ["createdAt", "status", "focAt", "pon", "customerReference", "tnCount", "portType"] as const;
type Sortable = (typeof sortable)[number];

/** The filter fields as they appear in the URL (and in the filter form). */
export const staffFilterKeys = [
  "status",
  "type",
  "account",
  "carrier",
  "assignee",
  "tn",
  "pon",
  "ref",
  "btn",
  "focFrom",
  "focTo",
  "createdFrom",
  "createdTo",
  "actFrom",
  "actTo",
  "held",
] as const;
export type StaffFilterKey = (typeof staffFilterKeys)[number];

const civilDate = /^\d{4}-\d{2}-\d{2}$/;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The start of an ET day, or of the day after (`to` days are inclusive). */
function day(params: URLSearchParams, key: StaffFilterKey, end: boolean): string | undefined {
  const value = params.get(key);
  if (!value || !civilDate.test(value)) {
    return undefined;
  }
  return easternToInstant(end ? addDays(value, 1) : value, "00:00") ?? undefined;
}

function choices<T extends string>(params: URLSearchParams, key: StaffFilterKey, known: readonly T[]): T[] | undefined {
  const values = (params.get(key) ?? "")
    .split(",")
    .map((value) => value.trim())
    .filter((value): value is T => (known as readonly string[]).includes(value));
  return values.length > 0 ? [...new Set(values)] : undefined;
}

/** The filters of a URL as the staff orders API takes them (dates are whole ET days). */
export function staffOrderFiltersFromParams(params: URLSearchParams) {
  const text = (key: StaffFilterKey) => params.get(key)?.trim() || undefined;
  const id = (key: StaffFilterKey) => {
    const value = text(key);
    return value && uuid.test(value) ? value : undefined;
  };
  return {
    statuses: choices<OrderStatus>(params, "status", ORDER_STATUSES),
    portTypes: choices<PortType>(params, "type", PORT_TYPES),
    accountId: id("account"),
    carrierId: id("carrier"),
    assignee: text("assignee"),
    tn: text("tn"),
    pon: text("pon"),
    customerReference: text("ref"),
    btn: text("btn"),
    focFrom: day(params, "focFrom", false),
    focTo: day(params, "focTo", true),
    createdFrom: day(params, "createdFrom", false),
    createdTo: day(params, "createdTo", true),
    activationFrom: day(params, "actFrom", false),
    activationTo: day(params, "actTo", true),
    held: params.get("held") === "1" ? true : undefined,
  };
}

/** The orders list input for a URL, identical on the server (prefetch) and in the browser. */
export function staffOrdersQueryFromParams(params: URLSearchParams) {
  const state = parseTableState(params, defaultStaffOrdersState);
  const sort: Sortable = (sortable as readonly string[]).includes(state.sort ?? "")
    ? (state.sort as Sortable)
    : "createdAt";
  const filters = staffOrderFiltersFromParams(params);
  return {
    state,
    filters,
    input: { ...filters, page: state.page, pageSize: state.pageSize, sort, direction: state.direction },
  };
}
