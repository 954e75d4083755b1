/** Table state that lives in the URL, so a list view can be bookmarked, shared and reloaded. */
export interface DataTableState {
  page: number;
  pageSize: number;
  sort: string | null;
  direction: "asc" | "desc";
  hidden: string[];
}

export const pageSizes = [10, 25, 50, 100] as const;

export function parseTableState(params: URLSearchParams, defaults: DataTableState): DataTableState {
  const page = Number(params.get("page"));
  const pageSize = Number(params.get("size"));
  const direction = params.get("dir");
  const hidden = params.get("hide");
  return {
    page: Number.isInteger(page) && page > 0 ? page - 1 : defaults.page,
    pageSize: (pageSizes as readonly number[]).includes(pageSize) ? pageSize : defaults.pageSize,
    sort: params.get("sort") ?? defaults.sort,
    direction: direction === "asc" || direction === "desc" ? direction : defaults.direction,
    hidden: hidden ? hidden.split(",").filter(Boolean) : defaults.hidden,
  };
}

/** Writes the table state into `params` (a copy), leaving other parameters (filters) alone. */
export function writeTableState(params: URLSearchParams, state: DataTableState): URLSearchParams {
  const next = new URLSearchParams(params);
  const set = (key: string, value: string | null) => {
    if (value === null || value === "") {
      next.delete(key);
    } else {
      next.set(key, value);
    }
  };
  set("page", state.page > 0 ? String(state.page + 1) : null);
  set("size", String(state.pageSize));
  set("sort", state.sort);
  set("dir", state.direction);
  set("hide", state.hidden.length > 0 ? state.hidden.join(",") : null);
  return next;
}
