"use client";

import { DataTable, type DataTableState } from "@portway/ui";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/trpc/react";
import { type AccountRow, accountColumns } from "./accounts-columns";

const noRows: AccountRow[] = [];

function compare(a: AccountRow, b: AccountRow, sort: string): number {
  if (sort === "userCount") {
    return a.userCount - b.userCount;
  }
  if (sort === "createdAt") {
    return a.createdAt.getTime() - b.createdAt.getTime();
  }
  return a.name.localeCompare(b.name);
}

/** Customer accounts are few, so this table pages and sorts the one list it has. */
export function AccountsTable() {
  const trpc = useTRPC();
  const accounts = useQuery(trpc.accounts.list.queryOptions());
  const [state, setState] = useState<DataTableState>({
    page: 0,
    pageSize: 25,
    sort: "name",
    direction: "asc",
    hidden: [],
  });
  const all = accounts.data ?? noRows;
  const sorted = [...all].sort((a, b) => compare(a, b, state.sort ?? "name") * (state.direction === "asc" ? 1 : -1));
  const rows = sorted.slice(state.page * state.pageSize, (state.page + 1) * state.pageSize);
  return (
    <DataTable
      label="Customer accounts"
      columns={accountColumns}
      rows={rows}
      total={all.length}
      state={state}
      onStateChange={setState}
      getRowId={(row) => row.id}
      busy={accounts.isFetching}
      emptyMessage="No customer accounts yet."
    />
  );
}
