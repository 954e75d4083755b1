"use client";

import type { QueueInput } from "@portway/services";
import { DataTable, type DataTableState } from "@portway/ui";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useUrlTableState } from "@/components/use-url-state";
import { useTRPC } from "@/trpc/react";
import { BulkBar, type Selection, withSelection } from "./bulk-actions";
import { deadLetterColumns, manualColumns, orderQueueColumns, ticketColumns } from "./queue-columns";
import { type QueueName, queueDefinitions } from "./queue-definitions";

function Toolbar(props: {
  search: string;
  mine: boolean;
  onSearch: (value: string) => void;
  onMine: (value: boolean) => void;
  extra?: React.ReactNode;
}) {
  return (
    <search className="queue-toolbar">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          props.onSearch(String(data.get("q") ?? ""));
        }}
      >
        <label>
          Search <input name="q" type="search" defaultValue={props.search} placeholder="Account, PON, reference" />
        </label>
        <button type="submit">Filter</button>
        <label className="checkbox">
          <input type="checkbox" checked={props.mine} onChange={(event) => props.onMine(event.target.checked)} /> Only
          mine
        </label>
        {props.extra}
      </form>
    </search>
  );
}

/** One queue of the porting team: a server-paged, sorted and filtered table; the state lives in the URL. */
export function QueueView({ queue }: { queue: QueueName }) {
  const trpc = useTRPC();
  const defaults: DataTableState = {
    page: 0,
    pageSize: 25,
    sort: queueDefinitions[queue].defaultSort,
    direction: "asc",
    hidden: [],
  };
  const url = useUrlTableState(defaults);
  const { state } = url;
  const search = url.params.get("q") ?? "";
  const mine = url.params.get("mine") === "1";
  const retried = url.params.get("retried") === "1";
  const input = {
    page: state.page,
    pageSize: state.pageSize,
    mine,
    // The server refuses a sort key outside its enum (a hand-edited URL) with a 400.
    sort: (state.sort ?? undefined) as QueueInput["sort"],
    direction: state.direction,
    search: search || undefined,
  };
  const options = { placeholderData: keepPreviousData, refetchInterval: 15_000 } as const;
  const manual = useQuery({
    ...trpc.queues[queue === "short-notice" ? "shortNotice" : "projectPorts"].queryOptions(input),
    ...options,
    enabled: queue === "project-ports" || queue === "short-notice",
  });
  const orders = useQuery({
    ...trpc.queues[queue === "stuck" ? "stuck" : "exceptions"].queryOptions(input),
    ...options,
    enabled: queue === "exceptions" || queue === "stuck",
  });
  const tickets = useQuery({ ...trpc.queues.tickets.queryOptions(input), ...options, enabled: queue === "tickets" });
  const letters = useQuery({
    ...trpc.queues.deadLetters.queryOptions({ page: state.page, pageSize: state.pageSize, mine, retried }),
    ...options,
    enabled: queue === "failed-deliveries",
  });
  const toolbar = (
    <Toolbar
      search={search}
      mine={mine}
      onSearch={(value) => url.setParam("q", value)}
      onMine={(value) => url.setParam("mine", value ? "1" : null)}
      extra={
        queue === "failed-deliveries" ? (
          <label className="checkbox">
            <input
              type="checkbox"
              checked={retried}
              onChange={(event) => url.setParam("retried", event.target.checked ? "1" : null)}
            />{" "}
            Show retried
          </label>
        ) : null
      }
    />
  );
  // The selection shows at once and is kept in the URL (so a reload or a shared link keeps it).
  const [selected, setSelected] = useState(() => new Set((url.params.get("sel") ?? "").split(",").filter(Boolean)));
  const selection: Selection = {
    ids: selected,
    set: (ids) => {
      setSelected(ids);
      url.setKeepingPage("sel", [...ids].join(","));
    },
  };
  const common = {
    label: queueDefinitions[queue].title,
    state,
    onStateChange: url.setState,
    toolbar,
  };
  if (queue === "project-ports" || queue === "short-notice") {
    const rows = manual.data?.rows ?? [];
    const suppOrderIds =
      queue === "short-notice" ? rows.filter((r) => selected.has(r.id)).map((r) => r.orderId) : undefined;
    return (
      <>
        <BulkBar target="manualRequest" selection={selection} suppOrderIds={suppOrderIds} />
        <DataTable
          {...common}
          columns={withSelection(
            manualColumns,
            rows,
            selection,
            (r) => `${r.accountName} ${r.customerReference ?? r.orderId}`,
          )}
          rows={rows}
          total={manual.data?.total ?? 0}
          getRowId={(row) => row.id}
          busy={manual.isFetching}
          emptyMessage="Nothing waiting here."
        />
      </>
    );
  }
  if (queue === "exceptions" || queue === "stuck") {
    const rows = orders.data?.rows ?? [];
    return (
      <>
        <BulkBar target="order" selection={selection} />
        <DataTable
          {...common}
          columns={withSelection(orderQueueColumns, rows, selection, (r) => `order ${r.customerReference ?? r.id}`)}
          rows={rows}
          total={orders.data?.total ?? 0}
          getRowId={(row) => row.id}
          busy={orders.isFetching}
          emptyMessage="No orders in this queue."
        />
      </>
    );
  }
  if (queue === "tickets") {
    const rows = tickets.data?.rows ?? [];
    return (
      <>
        <BulkBar target="ticket" selection={selection} />
        <DataTable
          {...common}
          columns={withSelection(ticketColumns, rows, selection, (r) => `ticket ${r.subject}`)}
          rows={rows}
          total={tickets.data?.total ?? 0}
          getRowId={(row) => row.id}
          busy={tickets.isFetching}
          emptyMessage="No open tickets."
        />
      </>
    );
  }
  return (
    <DataTable
      {...common}
      columns={deadLetterColumns}
      rows={letters.data?.rows ?? []}
      total={letters.data?.total ?? 0}
      getRowId={(row) => row.id}
      busy={letters.isFetching}
      emptyMessage={retried ? "Nothing retried yet." : "No failed deliveries. Every partner call got through."}
    />
  );
}
