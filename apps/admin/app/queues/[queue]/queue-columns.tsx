import type { AdminRouterOutputs } from "@portway/api/admin";
import { createDataTableColumns, formatEastern, StatusBadge } from "@portway/ui";
import { AssignSelect } from "@/components/assign-select";
import { RetryDeliveryButton } from "@/components/retry-delivery-button";

export type ManualRow = AdminRouterOutputs["queues"]["projectPorts"]["rows"][number];
export type OrderQueueRow = AdminRouterOutputs["queues"]["exceptions"]["rows"][number];
export type TicketRow = AdminRouterOutputs["queues"]["tickets"]["rows"][number];
export type DeadLetterRow = AdminRouterOutputs["queues"]["deadLetters"]["rows"][number];

const manual = createDataTableColumns<ManualRow>();
const kindLabel: Record<string, string> = {
  PROJECT_PORT: "Project port",
  SHORT_NOTICE_CANCEL: "Cancel (short notice)",
  SHORT_NOTICE_RESCHEDULE: "Reschedule (short notice)",
};

export const manualColumns = manual.columns([
  manual.accessor("kind", {
    header: "Request",
    enableSorting: false,
    enableHiding: false,
    cell: (info) => (
      <a href={`/orders/${info.row.original.orderId}`}>{kindLabel[info.getValue()] ?? info.getValue()}</a>
    ),
  }),
  manual.accessor("accountName", { header: "Account" }),
  manual.accessor("customerReference", { header: "Reference", enableSorting: false }),
  manual.accessor("orderStatus", {
    header: "Status",
    enableSorting: false,
    cell: (info) => <StatusBadge status={info.getValue()} />,
  }),
  manual.accessor("tnCount", { header: "TNs", cell: (info) => info.getValue().toLocaleString("en-US") }),
  manual.accessor("pon", { header: "PON", enableSorting: false, cell: (info) => info.getValue() ?? "—" }),
  manual.accessor("focAt", { header: "FOC", cell: (info) => formatEastern(info.getValue()) }),
  manual.accessor("requestedFocAt", { header: "Requested FOC", cell: (info) => formatEastern(info.getValue()) }),
  manual.accessor("createdAt", { header: "Waiting since", cell: (info) => formatEastern(info.getValue()) }),
  manual.accessor("assignedTo", {
    header: "Assigned to",
    enableSorting: false,
    cell: (info) => (
      <AssignSelect
        target="manualRequest"
        id={info.row.original.id}
        assignedTo={info.getValue()}
        label={`request of ${info.row.original.accountName} ${info.row.original.customerReference ?? ""}`}
      />
    ),
  }),
]);

const order = createDataTableColumns<OrderQueueRow>();

export const orderQueueColumns = order.columns([
  order.accessor("customerReference", {
    header: "Order",
    enableSorting: false,
    enableHiding: false,
    cell: (info) => (
      <a href={`/orders/${info.row.original.id}`}>{info.getValue() ?? info.row.original.id.slice(0, 8)}</a>
    ),
  }),
  order.accessor("accountName", { header: "Account" }),
  order.accessor("status", {
    header: "Status",
    enableSorting: false,
    cell: (info) => <StatusBadge status={info.getValue()} />,
  }),
  order.accessor("portType", { header: "Type", enableSorting: false, cell: (info) => info.getValue() ?? "—" }),
  order.accessor("tnCount", { header: "TNs", cell: (info) => info.getValue().toLocaleString("en-US") }),
  order.accessor("pon", { header: "PON", enableSorting: false, cell: (info) => info.getValue() ?? "—" }),
  order.accessor("focAt", { header: "FOC", cell: (info) => formatEastern(info.getValue()) }),
  order.accessor("lastProgressAt", { header: "Last progress", cell: (info) => formatEastern(info.getValue()) }),
  order.accessor("updatedAt", { header: "Updated", cell: (info) => formatEastern(info.getValue()) }),
  order.accessor("assignedTo", {
    header: "Assigned to",
    enableSorting: false,
    cell: (info) => (
      <AssignSelect
        target="order"
        id={info.row.original.id}
        assignedTo={info.getValue()}
        label={`order ${info.row.original.customerReference ?? info.row.original.id}`}
      />
    ),
  }),
]);

const ticket = createDataTableColumns<TicketRow>();

export const ticketColumns = ticket.columns([
  ticket.accessor("subject", {
    header: "Subject",
    enableHiding: false,
    cell: (info) => <a href={`/orders/${info.row.original.orderId}#tickets`}>{info.getValue()}</a>,
  }),
  ticket.accessor("accountName", { header: "Account" }),
  ticket.accessor("createdAt", { header: "Opened", cell: (info) => formatEastern(info.getValue()) }),
  ticket.accessor("updatedAt", { header: "Last message", cell: (info) => formatEastern(info.getValue()) }),
  ticket.accessor("assignedTo", {
    header: "Assigned to",
    enableSorting: false,
    cell: (info) => (
      <AssignSelect
        target="ticket"
        id={info.row.original.id}
        assignedTo={info.getValue()}
        label={`ticket ${info.row.original.subject}`}
      />
    ),
  }),
]);

const letter = createDataTableColumns<DeadLetterRow>();

export const deadLetterColumns = letter.columns([
  letter.accessor("createdAt", {
    header: "Failed at",
    enableSorting: false,
    cell: (info) => formatEastern(info.getValue()),
  }),
  letter.accessor("orderId", {
    header: "Order",
    enableSorting: false,
    enableHiding: false,
    cell: (info) => {
      const id = info.getValue();
      return id ? <a href={`/orders/${id}`}>{info.row.original.pon ?? id.slice(0, 8)}</a> : "—";
    },
  }),
  letter.accessor("accountName", { header: "Account", enableSorting: false, cell: (info) => info.getValue() ?? "—" }),
  letter.accessor("job", { header: "Job", enableSorting: false, cell: (info) => info.getValue() ?? "unknown" }),
  letter.accessor("orderStatus", {
    header: "Order status",
    enableSorting: false,
    cell: (info) => (info.getValue() ? <StatusBadge status={info.getValue() ?? ""} /> : "—"),
  }),
  letter.accessor("error", { header: "Last error", enableSorting: false, cell: (info) => info.getValue() ?? "—" }),
  letter.accessor("state", {
    header: "Action",
    enableSorting: false,
    enableHiding: false,
    cell: (info) =>
      info.getValue() === "RETRIED" ? (
        `Retried ${formatEastern(info.row.original.retriedAt)} by ${info.row.original.retriedBy ?? "someone"}`
      ) : (
        <RetryDeliveryButton
          deadLetterId={info.row.original.id}
          label={`Retry ${info.row.original.job ?? "job"} for ${info.row.original.pon ?? info.row.original.orderId ?? "order"}`}
        />
      ),
  }),
]);
