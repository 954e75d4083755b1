import type { CustomerRouterOutputs } from "@portway/api/customer";
import { createDataTableColumns, formatEastern, StatusBadge } from "@portway/ui";

export type OrderRow = CustomerRouterOutputs["orders"]["list"]["rows"][number];

const column = createDataTableColumns<OrderRow>();

export const orderColumns = column.columns([
  column.accessor("customerReference", {
    header: "Reference",
    enableSorting: false,
    enableHiding: false,
    cell: (info) => info.getValue() ?? "—",
  }),
  column.accessor("status", { header: "Status", cell: (info) => <StatusBadge status={info.getValue()} /> }),
  column.accessor("portType", { header: "Port type", enableSorting: false, cell: (info) => info.getValue() ?? "—" }),
  column.accessor("pon", { header: "PON", cell: (info) => info.getValue() ?? "—" }),
  column.accessor("tnCount", { header: "Numbers", enableSorting: false }),
  column.accessor("focAt", { header: "FOC", cell: (info) => formatEastern(info.getValue()) }),
  column.accessor("createdAt", { header: "Created", cell: (info) => formatEastern(info.getValue()) }),
]);
