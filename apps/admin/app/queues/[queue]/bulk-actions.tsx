"use client";

import { createDataTableColumns, type DataTableColumn } from "@portway/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { FieldError } from "@/components/field-error";
import { useTRPC } from "@/trpc/react";

export interface Selection {
  ids: Set<string>;
  set: (ids: Set<string>) => void;
}

/** A first column of checkboxes: one per row, and one for every row of the page. */
export function withSelection<T extends { id: string }>(
  columns: DataTableColumn<T>[],
  rows: T[],
  selection: Selection,
  name: (row: T) => string,
): DataTableColumn<T>[] {
  const helper = createDataTableColumns<T>();
  const allOnPage = rows.length > 0 && rows.every((row) => selection.ids.has(row.id));
  const toggle = (ids: string[], on: boolean) => {
    const next = new Set(selection.ids);
    for (const id of ids) {
      if (on) {
        next.add(id);
      } else {
        next.delete(id);
      }
    }
    selection.set(next);
  };
  return [
    helper.display({
      id: "select",
      enableHiding: false,
      header: () => (
        <input
          type="checkbox"
          aria-label="Select every row on this page"
          checked={allOnPage}
          onChange={(e) =>
            toggle(
              rows.map((r) => r.id),
              e.target.checked,
            )
          }
        />
      ),
      cell: (info) => (
        <input
          type="checkbox"
          aria-label={`Select ${name(info.row.original)}`}
          checked={selection.ids.has(info.row.original.id)}
          onChange={(e) => toggle([info.row.original.id], e.target.checked)}
        />
      ),
    }),
    ...columns,
  ];
}

/**
 * What to do with the selected rows: assign them to one member (any queue), or record the same SUPP answer of the
 * LSP (short-notice queue, for the selected rows of this page). All or none.
 */
export function BulkBar(props: {
  target: "order" | "manualRequest" | "ticket";
  selection: Selection;
  /** For the short-notice queue: the orders of the selected rows shown on this page. */
  suppOrderIds?: string[];
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const staff = useQuery(trpc.queues.staff.queryOptions());
  const done = {
    onSuccess: () => {
      props.selection.set(new Set());
      return queryClient.invalidateQueries();
    },
  };
  const assign = useMutation(trpc.bulk.assign.mutationOptions(done));
  const supp = useMutation(trpc.bulk.suppAnswer.mutationOptions(done));
  const [assignee, setAssignee] = useState("");
  const [answer, setAnswer] = useState<"ACCEPTED" | "REFUSED">("ACCEPTED");
  const [reason, setReason] = useState("");
  const count = props.selection.ids.size;
  const outcome = (
    <>
      {assign.isSuccess ? <span role="status">Assigned {assign.data.assigned}.</span> : null}
      {supp.isSuccess ? <span role="status">Recorded {supp.data.recorded} answers.</span> : null}
    </>
  );
  if (count === 0) {
    return (
      <p className="hint" aria-live="polite">
        Select rows to assign them together{props.suppOrderIds ? " or record one SUPP answer for them" : ""}. {outcome}
      </p>
    );
  }
  return (
    <section className="bulk-bar" aria-label="Bulk actions">
      <strong aria-live="polite">{count} selected</strong>
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          assign.mutate({ target: props.target, ids: [...props.selection.ids], staffId: assignee || null });
        }}
      >
        <label>
          Assign to
          <select value={assignee} onChange={(e) => setAssignee(e.target.value)}>
            <option value="">Nobody (unassign)</option>
            {(staff.data ?? []).map((member) => (
              <option key={member.id} value={member.id}>
                {member.name} ({member.role})
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={assign.isPending}>
          Assign selected
        </button>
      </form>
      {props.suppOrderIds ? (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            const orderIds = props.suppOrderIds ?? [];
            supp.mutate(answer === "ACCEPTED" ? { answer, orderIds } : { answer, orderIds, reason });
          }}
        >
          <label>
            LSP answer
            <select value={answer} onChange={(e) => setAnswer(e.target.value === "REFUSED" ? "REFUSED" : "ACCEPTED")}>
              <option value="ACCEPTED">Accepted</option>
              <option value="REFUSED">Refused</option>
            </select>
          </label>
          {answer === "REFUSED" ? (
            <label>
              Why <input value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={2000} />
            </label>
          ) : null}
          <button type="submit" disabled={supp.isPending || (props.suppOrderIds?.length ?? 0) === 0}>
            Record answer for {props.suppOrderIds?.length ?? 0} on this page
          </button>
        </form>
      ) : null}
      <button type="button" className="button--quiet" onClick={() => props.selection.set(new Set())}>
        Clear selection
      </button>
      {outcome}
      <FieldError error={assign.error ?? supp.error} />
    </section>
  );
}
