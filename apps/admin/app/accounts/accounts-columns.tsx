import type { AdminRouterOutputs } from "@portway/api/admin";
import { createDataTableColumns, formatEastern } from "@portway/ui";

export type AccountRow = AdminRouterOutputs["accounts"]["list"][number];

const column = createDataTableColumns<AccountRow>();

export const accountColumns = column.columns([
  column.accessor("name", {
    header: "Account",
    enableHiding: false,
    cell: (info) => <a href={`/accounts/${info.row.original.id}`}>{info.getValue()}</a>,
  }),
  column.accessor("slug", { header: "Key", enableSorting: false }),
  column.accessor("onNetOnly", {
    header: "On-net only",
    enableSorting: false,
    cell: (info) => (info.getValue() ? "Yes" : "No"),
  }),
  column.accessor("userCount", { header: "Users" }),
  column.accessor("createdAt", { header: "Created", cell: (info) => formatEastern(info.getValue()) }),
]);
