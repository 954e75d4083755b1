"use client";

import { ORDER_STATUSES, PORT_TYPES } from "@portway/domain";
import { DataTable } from "@portway/ui";
import { writeTableState } from "@portway/ui/table-state";
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { type FormEvent, useState } from "react";
import { FormErrors } from "@/components/field";
import { errorsByField, messagesFor } from "@/lib/errors";
import { useTRPC, useTRPCClient } from "@/trpc/react";
import { orderColumns } from "./orders-columns";
import { type FilterKey, filterKeys, ordersQueryFromParams } from "./orders-query";

const noRows: never[] = [];

const textFilters: { key: FilterKey; label: string; placeholder?: string }[] = [
  { key: "tn", label: "Any TN", placeholder: "(617) 253-1000" },
  { key: "btn", label: "BTN" },
  { key: "pon", label: "PON" },
  { key: "ref", label: "Customer reference" },
];
const dateFilters: { key: FilterKey; label: string }[] = [
  { key: "focFrom", label: "FOC from" },
  { key: "focTo", label: "FOC to" },
  { key: "createdFrom", label: "Created from" },
  { key: "createdTo", label: "Created to" },
];

function download(fileName: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * A filter of several values: a disclosure naming what is chosen, opening onto a group of checkboxes. The value is
 * the chosen options comma-separated, as in the URL.
 */
function ChoiceFilter({
  label,
  anyLabel,
  options,
  value,
  onChange,
}: {
  label: string;
  anyLabel: string;
  options: readonly string[];
  value: string;
  onChange: (value: string) => void;
}) {
  const chosen = new Set(value.split(",").filter(Boolean));
  const names = options.filter((option) => chosen.has(option)).map((option) => option.replaceAll("_", " "));
  const summary = names.length === 0 ? anyLabel : names.join(", ");
  const toggle = (option: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) {
      next.add(option);
    } else {
      next.delete(option);
    }
    onChange(options.filter((o) => next.has(o)).join(","));
  };
  return (
    <div className="choice-filter">
      <span aria-hidden="true">{label}</span>
      <details>
        <summary aria-label={`${label}: ${summary}`} title={summary}>
          {summary}
        </summary>
        <fieldset>
          <legend className="sr-only">{label}</legend>
          {options.map((option) => (
            <label key={option}>
              <input type="checkbox" checked={chosen.has(option)} onChange={(e) => toggle(option, e.target.checked)} />
              {option.replaceAll("_", " ")}
            </label>
          ))}
        </fieldset>
      </details>
    </div>
  );
}

export function OrdersTable() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const { state, filters, input } = ordersQueryFromParams(new URLSearchParams(params.toString()));
  const orders = useQuery({ ...trpc.orders.list.queryOptions(input), placeholderData: keepPreviousData });
  const [draft, setDraft] = useState<Record<string, string>>(() =>
    Object.fromEntries(filterKeys.map((key) => [key, params.get(key) ?? ""])),
  );
  const exportCsv = useMutation({
    mutationFn: () => client.orders.exportCsv.query(filters),
  });
  const errors = errorsByField(orders.error ?? exportCsv.error);
  const hasError = Boolean(orders.error ?? exportCsv.error);

  const applyFilters = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams(params.toString());
    for (const key of filterKeys) {
      const value = draft[key]?.trim();
      if (value) {
        next.set(key, value);
      } else {
        next.delete(key);
      }
    }
    next.delete("page");
    router.replace(`${pathname}?${next.toString()}`);
  };
  const clearFilters = () => {
    setDraft(Object.fromEntries(filterKeys.map((key) => [key, ""])));
    const next = new URLSearchParams(params.toString());
    for (const key of filterKeys) {
      next.delete(key);
    }
    next.delete("page");
    router.replace(`${pathname}?${next.toString()}`);
  };
  const set = (key: FilterKey) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));

  return (
    <>
      <form className="filters card" onSubmit={applyFilters} aria-label="Filter orders">
        <ChoiceFilter
          label="Status"
          anyLabel="Any status"
          options={ORDER_STATUSES.filter((s) => s !== "DRAFT")}
          value={draft.status ?? ""}
          onChange={set("status")}
        />
        <ChoiceFilter
          label="Port type"
          anyLabel="Any type"
          options={PORT_TYPES}
          value={draft.type ?? ""}
          onChange={set("type")}
        />
        {textFilters.map((f) => (
          <label key={f.key}>
            {f.label}
            <input
              type="text"
              value={draft[f.key] ?? ""}
              placeholder={f.placeholder}
              aria-invalid={messagesFor(errors, f.key).length > 0 && hasError}
              onChange={(e) => set(f.key)(e.target.value)}
            />
            {hasError && messagesFor(errors, f.key).length > 0 ? (
              <span className="field-errors">{messagesFor(errors, f.key).join(" ")}</span>
            ) : null}
          </label>
        ))}
        {dateFilters.map((f) => (
          <label key={f.key}>
            {f.label} (ET)
            <input type="date" value={draft[f.key] ?? ""} onChange={(e) => set(f.key)(e.target.value)} />
          </label>
        ))}
        <div className="filters__actions">
          <button type="submit">Apply filters</button>
          <button type="button" className="button--quiet" onClick={clearFilters}>
            Clear
          </button>
        </div>
      </form>
      {hasError && messagesFor(errors, "tn").length === 0 && messagesFor(errors, "btn").length === 0 ? (
        <FormErrors messages={Object.values(errors).flat()} />
      ) : null}
      <DataTable
        label="Port-in orders"
        columns={orderColumns}
        rows={orders.data?.rows ?? noRows}
        total={orders.data?.total ?? 0}
        totalCapped={orders.data?.totalCapped ?? false}
        state={state}
        busy={orders.isFetching}
        getRowId={(row) => row.id}
        onStateChange={(next) =>
          router.replace(`${pathname}?${writeTableState(new URLSearchParams(params.toString()), next)}`)
        }
        emptyMessage="No port-in orders match these filters."
        toolbar={
          <button
            type="button"
            disabled={exportCsv.isPending}
            onClick={async () => {
              const csv = await exportCsv.mutateAsync();
              download(`portway-orders-${new Date().toISOString().slice(0, 10)}.csv`, csv);
            }}
          >
            {exportCsv.isPending ? "Exporting…" : "Export CSV (all matching orders)"}
          </button>
        }
      />
    </>
  );
}
