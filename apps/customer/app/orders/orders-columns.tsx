import type { CustomerRouterOutputs } from "@portway/api/customer";
import { createDataTableColumns, formatEastern, StatusBadge } from "@portway/ui";

export type OrderRow = CustomerRouterOutputs["orders"]["list"]["rows"][number];

const column = createDataTableColumns<OrderRow>();

export const orderColumns = column.columns([
  column.accessor("customerReference", {
    header: "Reference",
    enableHiding: false,
    cell: (info) => (
      <a href={`/orders/${info.row.original.id}`}>{info.getValue() ?? info.row.original.id.slice(0, 8)}</a>
    ),
  }),
  column.accessor("status", {
    header: "Status",
    cell: (info) => (
      <>
        <StatusBadge status={info.getValue()} />
        {info.row.original.suppPending && info.getValue() !== "SUPP_PENDING" ? " (change pending)" : ""}
      </>
    ),
  }),
  column.accessor("portType", { header: "Port type", cell: (info) => info.getValue() ?? "—" }),
  column.accessor("pon", { header: "PON", cell: (info) => info.getValue() ?? "—" }),
  column.accessor("btn", { header: "BTN", enableSorting: false, cell: (info) => info.getValue() ?? "—" }),
  column.accessor("tnCount", { header: "Numbers" }),
  column.accessor("requestedFocAt", {
    header: "Requested FOC",
    enableSorting: false,
    cell: (info) => formatEastern(info.getValue()),
  }),
  column.accessor("focAt", { header: "FOC", cell: (info) => formatEastern(info.getValue()) }),
  column.accessor("createdAt", { header: "Created", cell: (info) => formatEastern(info.getValue()) }),
]);
