"use client";

import {
  type ColumnDef,
  columnVisibilityFeature,
  createColumnHelper,
  type RowData,
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
} from "@tanstack/react-table";
import { type ReactNode, useId } from "react";
import { type DataTableState, pageSizes } from "./table-state";

export const dataTableFeatures = tableFeatures({ rowSortingFeature, rowPaginationFeature, columnVisibilityFeature });
export type DataTableFeatures = typeof dataTableFeatures;
export type DataTableColumn<TData extends RowData> = ColumnDef<DataTableFeatures, TData, unknown>;

/** Column helper for screens: each screen keeps its own small columns file typed from the router's output. */
export function createDataTableColumns<TData extends RowData>() {
  return createColumnHelper<DataTableFeatures, TData>();
}

export interface DataTableProps<TData extends RowData> {
  /** Accessible name of the table (also its caption). */
  label: string;
  columns: DataTableColumn<TData>[];
  rows: TData[];
  total: number;
  /** The total is a lower bound (the server stopped counting). */
  totalCapped?: boolean;
  state: DataTableState;
  onStateChange: (next: DataTableState) => void;
  getRowId: (row: TData) => string;
  emptyMessage?: ReactNode;
  busy?: boolean;
  toolbar?: ReactNode;
}

/**
 * The one table of both portals: server-side paging, sorting and column choice. It owns no data and no state; the
 * screen keeps the state (in the URL) and fetches the page.
 */
export function DataTable<TData extends RowData>(props: DataTableProps<TData>) {
  const { state, onStateChange } = props;
  const columnsMenuId = useId();
  const pageCount = Math.max(1, Math.ceil(props.total / state.pageSize));
  const table = useTable({
    features: dataTableFeatures,
    columns: props.columns,
    data: props.rows,
    getRowId: (row) => props.getRowId(row),
    manualPagination: true,
    manualSorting: true,
    enableSortingRemoval: false,
    rowCount: props.total,
    state: {
      pagination: { pageIndex: state.page, pageSize: state.pageSize },
      sorting: state.sort ? [{ id: state.sort, desc: state.direction === "desc" }] : [],
      columnVisibility: Object.fromEntries(state.hidden.map((id) => [id, false])),
    },
  });

  const setSort = (id: string) => {
    const direction = state.sort === id && state.direction === "asc" ? "desc" : "asc";
    onStateChange({ ...state, sort: id, direction, page: 0 });
  };
  const toggleColumn = (id: string, visible: boolean) => {
    const hidden = visible ? state.hidden.filter((h) => h !== id) : [...state.hidden, id];
    onStateChange({ ...state, hidden });
  };
  const first = props.total === 0 ? 0 : state.page * state.pageSize + 1;
  const last = Math.min(props.total, (state.page + 1) * state.pageSize);

  return (
    <div className="data-table" aria-busy={props.busy ?? false}>
      <div className="data-table__toolbar">
        {props.toolbar}
        <details className="data-table__columns">
          <summary>Columns</summary>
          <fieldset id={columnsMenuId}>
            <legend>Show columns</legend>
            {table.getAllLeafColumns().map((column) => (
              <label key={column.id}>
                <input
                  type="checkbox"
                  checked={column.getIsVisible()}
                  disabled={!column.getCanHide()}
                  onChange={(event) => toggleColumn(column.id, event.target.checked)}
                />
                {typeof column.columnDef.header === "string" ? column.columnDef.header : column.id}
              </label>
            ))}
          </fieldset>
        </details>
      </div>
      <div className="data-table__scroll">
        <table>
          <caption className="sr-only">{props.label}</caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const ariaSort = sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined;
                  return (
                    <th key={header.id} scope="col" aria-sort={ariaSort}>
                      {header.isPlaceholder ? null : header.column.getCanSort() ? (
                        <button type="button" className="data-table__sort" onClick={() => setSort(header.column.id)}>
                          <table.FlexRender header={header} />
                          <span aria-hidden="true">{sorted === "asc" ? " ▲" : sorted === "desc" ? " ▼" : " ↕"}</span>
                        </button>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.length === 0 ? (
              <tr>
                <td colSpan={Math.max(1, table.getVisibleLeafColumns().length)} className="data-table__empty">
                  {props.emptyMessage ?? "Nothing to show."}
                </td>
              </tr>
            ) : (
              table.getRowModel().rows.map((row) => (
                <tr key={row.id}>
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id}>
                      <table.FlexRender cell={cell} />
                    </td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <nav className="data-table__pager" aria-label={`${props.label} pages`}>
        <span aria-live="polite">
          {first}–{last} of {props.total.toLocaleString("en-US")}
          {props.totalCapped ? "+" : ""}
        </span>
        <label>
          Rows per page{" "}
          <select
            value={state.pageSize}
            onChange={(event) => onStateChange({ ...state, pageSize: Number(event.target.value), page: 0 })}
          >
            {pageSizes.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          disabled={state.page === 0}
          onClick={() => onStateChange({ ...state, page: state.page - 1 })}
        >
          Previous
        </button>
        <span>
          Page {state.page + 1} of {pageCount}
        </span>
        <button
          type="button"
          disabled={state.page + 1 >= pageCount && !props.totalCapped}
          onClick={() => onStateChange({ ...state, page: state.page + 1 })}
        >
          Next
        </button>
      </nav>
    </div>
  );
}
