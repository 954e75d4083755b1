"use client";

import type { AdminRouterInputs, AdminRouterOutputs } from "@portway/api/admin";
import { createDataTableColumns, DataTable, formatEastern } from "@portway/ui";
import { writeTableState } from "@portway/ui/table-state";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { FieldError } from "@/components/field-error";
import { useTRPC } from "@/trpc/react";
import { auditFilterKeys, auditQueryFromParams } from "./audit-query";

type AuditRow = AdminRouterOutputs["audit"]["list"]["rows"][number];
type AuditInput = AdminRouterInputs["audit"]["list"];

const column = createDataTableColumns<AuditRow>();

function describeChange(change: Record<string, unknown>): string {
  return Object.entries(change)
    .map(([key, value]) => {
      if (value && typeof value === "object" && "from" in value && "to" in value) {
        return `${key}: ${String(value.from)} → ${String(value.to)}`;
      }
      const text = Array.isArray(value)
        ? `${value.length} item${value.length === 1 ? "" : "s"}`
        : JSON.stringify(value);
      return `${key}: ${text}`;
    })
    .join("; ");
}

const columns = column.columns([
  column.accessor("at", { header: "When (ET)", enableSorting: false, cell: (info) => formatEastern(info.getValue()) }),
  column.accessor("actorName", { header: "Who", enableSorting: false }),
  column.accessor("action", {
    header: "Action",
    enableSorting: false,
    cell: (info) => info.getValue().replaceAll("_", " ").toLowerCase(),
  }),
  column.accessor("objectId", {
    header: "Order or object",
    enableSorting: false,
    cell: (info) => {
      const row = info.row.original;
      if (row.orderId) {
        return <a href={`/orders/${row.orderId}`}>Order {row.orderId.slice(0, 8)}</a>;
      }
      return `${row.objectType} ${info.getValue() ?? ""}`.trim();
    },
  }),
  column.accessor("change", {
    header: "Change",
    enableSorting: false,
    cell: (info) => <span className="audit-change">{describeChange(info.getValue())}</span>,
  }),
]);

/** The audit log with its filters in the URL. */
export function AuditView() {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const { state, input } = auditQueryFromParams(new URLSearchParams(params.toString()));
  const list = useQuery({
    // The server validates action and type against its lists (a hand-edited URL is a 400 shown here).
    ...trpc.audit.list.queryOptions(input as AuditInput),
    placeholderData: keepPreviousData,
  });
  const choices = useQuery(trpc.audit.choices.queryOptions());
  return (
    <>
      <form
        className="filters card"
        aria-label="Filter the audit log"
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          const next = new URLSearchParams(params.toString());
          for (const key of auditFilterKeys) {
            const value = String(data.get(key) ?? "").trim();
            if (value) {
              next.set(key, value);
            } else {
              next.delete(key);
            }
          }
          next.delete("page");
          router.replace(`${pathname}?${next.toString()}`);
        }}
      >
        <label>
          Who
          <select name="actor" defaultValue={params.get("actor") ?? ""}>
            <option value="">Anyone</option>
            {(choices.data?.actors ?? []).map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Action
          <select name="action" defaultValue={params.get("action") ?? ""}>
            <option value="">Any action</option>
            {(choices.data?.actions ?? []).map((a) => (
              <option key={a} value={a}>
                {a.replaceAll("_", " ").toLowerCase()}
              </option>
            ))}
          </select>
        </label>
        <label>
          Object type
          <select name="type" defaultValue={params.get("type") ?? ""}>
            <option value="">Any</option>
            {(choices.data?.objectTypes ?? []).map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label>
          Order or object ID
          <input name="object" defaultValue={params.get("object") ?? ""} />
        </label>
        <label>
          From (ET)
          <input name="from" type="date" defaultValue={params.get("from") ?? ""} />
        </label>
        <label>
          To (ET)
          <input name="to" type="date" defaultValue={params.get("to") ?? ""} />
        </label>
        <div className="filters__actions">
          <button type="submit">Apply filters</button>
          <a className="button button--quiet" href={pathname}>
            Clear
          </a>
        </div>
      </form>
      <FieldError error={list.error} />
      <DataTable
        label="Audit log"
        columns={columns}
        rows={list.data?.rows ?? []}
        total={list.data?.total ?? 0}
        totalCapped={list.data?.totalCapped ?? false}
        state={state}
        busy={list.isFetching}
        getRowId={(row) => String(row.id)}
        onStateChange={(next) =>
          router.replace(`${pathname}?${writeTableState(new URLSearchParams(params.toString()), next)}`)
        }
        emptyMessage="No staff action matches these filters."
      />
    </>
  );
}
