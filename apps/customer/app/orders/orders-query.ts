import { easternToInstant, ORDER_STATUSES, type OrderStatus, PORT_TYPES, type PortType } from "@portway/domain";
import { type DataTableState, parseTableState } from "@portway/ui/table-state";

export const defaultOrdersTableState: DataTableState = {
  page: 0,
  pageSize: 25,
  sort: "createdAt",
  direction: "desc",
  hidden: ["btn", "requestedFocAt"],
};

const sortable = ["createdAt", "status", "focAt", "pon", "customerReference", "tnCount", "portType"] as const;
type Sortable = (typeof sortable)[number];

/** The filter fields as they appear in the URL (and in the filter form). */
export const filterKeys = [
  "status",
  "type",
  "pon",
  "ref",
  "tn",
  "btn",
  "focFrom",
  "focTo",
  "createdFrom",
  "createdTo",
] as const;
export type FilterKey = (typeof filterKeys)[number];

function day(params: URLSearchParams, key: FilterKey, time: string): string | undefined {
  const value = params.get(key);
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return undefined;
  }
  return easternToInstant(value, time) ?? undefined;
}

/** The filters that take several values, written comma-separated in the URL (`status=FOC,CANCELLED`). */
export const choiceKeys = ["status", "type"] as const satisfies readonly FilterKey[];

/** The known values of a comma-separated filter, in the order given; none: undefined (any). */
function choices<T extends string>(params: URLSearchParams, key: FilterKey, known: readonly T[]): T[] | undefined {
  const values = (params.get(key) ?? "")
    .split(",")
    .map((value) => value.trim())
    .filter((value): value is T => (known as readonly string[]).includes(value));
  return values.length > 0 ? [...new Set(values)] : undefined;
}

/** The filters of a URL as the orders API takes them (dates are whole ET days). */
export function ordersFiltersFromParams(params: URLSearchParams) {
  const text = (key: FilterKey) => params.get(key)?.trim() || undefined;
  return {
    statuses: choices<OrderStatus>(params, "status", ORDER_STATUSES),
    portTypes: choices<PortType>(params, "type", PORT_TYPES),
    pon: text("pon"),
    customerReference: text("ref"),
    tn: text("tn"),
    btn: text("btn"),
    focFrom: day(params, "focFrom", "00:00"),
    focTo: day(params, "focTo", "23:59"),
    createdFrom: day(params, "createdFrom", "00:00"),
    createdTo: day(params, "createdTo", "23:59"),
  };
}

/** The orders list input for a URL, identical on the server (prefetch) and in the browser. */
export function ordersQueryFromParams(params: URLSearchParams) {
  const state = parseTableState(params, defaultOrdersTableState);
  const sort: Sortable = (sortable as readonly string[]).includes(state.sort ?? "")
    ? (state.sort as Sortable)
    : "createdAt";
  const filters = ordersFiltersFromParams(params);
  return {
    state,
    filters,
    input: { ...filters, page: state.page, pageSize: state.pageSize, sort, direction: state.direction },
  };
}
