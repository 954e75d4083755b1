import type { AdminRouterOutputs } from "@portway/api/admin";
import { createDataTableColumns, formatEastern, StatusBadge } from "@portway/ui";

export type StaffOrderRow = AdminRouterOutputs["search"]["orders"]["rows"][number];

const column = createDataTableColumns<StaffOrderRow>();

export const staffOrderColumns = column.columns([
  column.accessor("customerReference", {
    header: "Order",
    enableHiding: false,
    cell: (info) => (
      <a href={`/orders/${info.row.original.id}`}>{info.getValue() ?? info.row.original.id.slice(0, 8)}</a>
    ),
  }),
  column.accessor("accountName", { header: "Account", enableSorting: false }),
  column.accessor("status", {
    header: "Status",
    cell: (info) => (
      <>
        <StatusBadge status={info.getValue()} />
        {info.row.original.suppPending && info.getValue() !== "SUPP_PENDING" ? " (SUPP pending)" : ""}
      </>
    ),
  }),
  column.accessor("portType", { header: "Port type", cell: (info) => info.getValue() ?? "—" }),
  column.accessor("pon", { header: "PON", cell: (info) => info.getValue() ?? "—" }),
  column.accessor("partnerOrderId", {
    header: "Partner order",
    enableSorting: false,
    cell: (info) => info.getValue() ?? "—",
  }),
  column.accessor("btn", { header: "BTN", enableSorting: false, cell: (info) => info.getValue() ?? "—" }),
  column.accessor("tnCount", { header: "TNs" }),
  column.accessor("carrierName", {
    header: "Losing carrier",
    enableSorting: false,
    cell: (info) => info.getValue() ?? "—",
  }),
  column.accessor("assigneeName", {
    header: "Assignee",
    enableSorting: false,
    cell: (info) => info.getValue() ?? "Unassigned",
  }),
  column.accessor("requestedFocAt", {
    header: "Requested FOC",
    enableSorting: false,
    cell: (info) => formatEastern(info.getValue()),
  }),
  column.accessor("focAt", { header: "FOC", cell: (info) => formatEastern(info.getValue()) }),
  column.accessor("createdAt", { header: "Created", cell: (info) => formatEastern(info.getValue()) }),
]);
