import { type DataTableState, parseTableState } from "@portway/ui/table-state";

export const defaultOrdersTableState: DataTableState = {
  page: 0,
  pageSize: 25,
  sort: "createdAt",
  direction: "desc",
  hidden: [],
};

const sortable = ["createdAt", "status", "focAt", "pon"] as const;
type Sortable = (typeof sortable)[number];

/** The orders list input for a URL, identical on the server (prefetch) and in the browser. */
export function ordersQueryFromParams(params: URLSearchParams) {
  const state = parseTableState(params, defaultOrdersTableState);
  const sort: Sortable = (sortable as readonly string[]).includes(state.sort ?? "")
    ? (state.sort as Sortable)
    : "createdAt";
  return {
    state,
    input: { page: state.page, pageSize: state.pageSize, sort, direction: state.direction },
  };
}
