"use client";

import { ORDER_STATUSES, PORT_TYPES } from "@portway/domain";
import { DataTable } from "@portway/ui";
import { writeTableState } from "@portway/ui/table-state";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { type FormEvent, useState } from "react";
import { FieldError } from "@/components/field-error";
import { useTRPC } from "@/trpc/react";
import { staffOrderColumns } from "./orders-columns";
import { type StaffFilterKey, staffFilterKeys, staffOrdersQueryFromParams } from "./orders-query";

const noRows: never[] = [];

const textFilters: { key: StaffFilterKey; field: string; label: string; placeholder?: string }[] = [
  { key: "tn", field: "tn", label: "Any TN", placeholder: "(617) 253-6070" },
  { key: "pon", field: "pon", label: "PON" },
  { key: "ref", field: "customerReference", label: "Customer reference" },
  { key: "btn", field: "btn", label: "BTN" },
];
const dateFilters: { key: StaffFilterKey; label: string }[] = [
  { key: "focFrom", label: "FOC from" },
  { key: "focTo", label: "FOC to" },
  { key: "createdFrom", label: "Created from" },
  { key: "createdTo", label: "Created to" },
];

function MultiChoice(props: {
  label: string;
  anyLabel: string;
  options: readonly string[];
  value: string;
  onChange: (value: string) => void;
}) {
  const chosen = new Set(props.value.split(",").filter(Boolean));
  const names = props.options.filter((o) => chosen.has(o)).map((o) => o.replaceAll("_", " "));
  const summary = names.length === 0 ? props.anyLabel : names.join(", ");
  const toggle = (option: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) {
      next.add(option);
    } else {
      next.delete(option);
    }
    props.onChange(props.options.filter((o) => next.has(o)).join(","));
  };
  return (
    <div className="choice-filter">
      <span aria-hidden="true">{props.label}</span>
      <details>
        <summary aria-label={`${props.label}: ${summary}`} title={summary}>
          {summary}
        </summary>
        <fieldset>
          <legend className="sr-only">{props.label}</legend>
          {props.options.map((option) => (
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

/** Every order of every account: the customer portal's server-side table with the staff filters; state in the URL. */
export function StaffOrdersTable() {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const { state, input } = staffOrdersQueryFromParams(new URLSearchParams(params.toString()));
  const orders = useQuery({ ...trpc.search.orders.queryOptions(input), placeholderData: keepPreviousData });
  const choices = useQuery(trpc.search.filterChoices.queryOptions());
  const accounts = useQuery(trpc.accounts.list.queryOptions());
  const [draft, setDraft] = useState<Record<string, string>>(() =>
    Object.fromEntries(staffFilterKeys.map((key) => [key, params.get(key) ?? ""])),
  );
  const set = (key: StaffFilterKey) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const navigate = (values: Record<string, string>) => {
    const next = new URLSearchParams(params.toString());
    for (const key of staffFilterKeys) {
      const value = values[key]?.trim();
      if (value) {
        next.set(key, value);
      } else {
        next.delete(key);
      }
    }
    next.delete("page");
    router.replace(`${pathname}?${next.toString()}`);
  };
  const apply = (event: FormEvent) => {
    event.preventDefault();
    navigate(draft);
  };
  const clear = () => {
    const empty = Object.fromEntries(staffFilterKeys.map((key) => [key, ""]));
    setDraft(empty);
    navigate(empty);
  };
  // The export takes the same filters as the page, from the URL; the route handler streams every matching row.
  const exportParams = new URLSearchParams();
  for (const key of staffFilterKeys) {
    const value = params.get(key);
    if (value) {
      exportParams.set(key, value);
    }
  }
  const select = (key: StaffFilterKey, label: string, options: { id: string; name: string }[], any: string) => (
    <label>
      {label}
      <select value={draft[key] ?? ""} onChange={(e) => set(key)(e.target.value)}>
        <option value="">{any}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <>
      <form className="filters card" onSubmit={apply} aria-label="Filter orders">
        <MultiChoice
          label="Status"
          anyLabel="Any status"
          options={ORDER_STATUSES.filter((s) => s !== "DRAFT")}
          value={draft.status ?? ""}
          onChange={set("status")}
        />
        <MultiChoice
          label="Port type"
          anyLabel="Any type"
          options={PORT_TYPES}
          value={draft.type ?? ""}
          onChange={set("type")}
        />
        {select("account", "Account", accounts.data ?? [], "Any account")}
        {select("carrier", "Losing carrier", choices.data?.carriers ?? [], "Any carrier")}
        {select(
          "assignee",
          "Assignee",
          [{ id: "none", name: "Unassigned" }, ...(choices.data?.staff ?? [])],
          "Anyone or no one",
        )}
        {textFilters.map((f) => (
          <label key={f.key}>
            {f.label}
            <input
              type="text"
              value={draft[f.key] ?? ""}
              placeholder={f.placeholder}
              onChange={(e) => set(f.key)(e.target.value)}
            />
            <FieldError error={orders.error} field={f.field} />
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
          <button type="button" className="button--quiet" onClick={clear}>
            Clear
          </button>
        </div>
      </form>
      <FieldError error={orders.error} />
      <DataTable
        label="Orders of every account"
        columns={staffOrderColumns}
        rows={orders.data?.rows ?? noRows}
        total={orders.data?.total ?? 0}
        totalCapped={orders.data?.totalCapped ?? false}
        state={state}
        busy={orders.isFetching}
        getRowId={(row) => row.id}
        onStateChange={(next) =>
          router.replace(`${pathname}?${writeTableState(new URLSearchParams(params.toString()), next)}`)
        }
        emptyMessage="No orders match these filters."
        toolbar={
          <a className="button" href={`/orders/export?${exportParams.toString()}`} download>
            Export CSV (all matching orders)
          </a>
        }
      />
    </>
  );
}
