"use client";

import { type OrderChanges, PRE_FOC_EDITABLE_FIELDS } from "@portway/domain";
import { formatEastern } from "@portway/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { FormErrors } from "@/components/field";
import { errorsByField } from "@/lib/errors";
import { useTRPC } from "@/trpc/react";
import { OrderEditForm } from "./order-edit-form";
import type { OrderDetail } from "./order-types";

const actors: Record<string, string> = {
  CUSTOMER: "You fix this in the form below.",
  END_USER: "Your end user must clear this with the losing carrier; then resubmit.",
  PORTING_TEAM: "The porting team handles this; open a ticket if you need to talk to them.",
};

const fieldNames: Record<string, string> = {
  name: "Name",
  btn: "BTN",
  accountNumber: "Account number",
  tns: "Numbers on the account",
  "serviceAddress.houseNumber": "House number",
  "serviceAddress.street": "Street",
  "serviceAddress.unit": "Unit",
  "serviceAddress.city": "City",
  "serviceAddress.state": "State",
  "serviceAddress.zip": "ZIP",
};

function CsrDifference({ detail }: { detail: OrderDetail }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const edit = useMutation(trpc.orders.edit.mutationOptions());
  const [done, setDone] = useState<string | null>(null);
  const csr = detail.csr;
  if (!csr) {
    return null;
  }
  const canEdit = detail.actions.some((a) => a.action === "EDIT" && a.allowed);
  const adopt = async (field: string, changes: OrderChanges) => {
    setDone(null);
    try {
      await edit.mutateAsync({ orderId: detail.order.id, baseVersion: detail.order.version, changes });
      await queryClient.invalidateQueries({ queryKey: trpc.orders.get.queryKey({ orderId: detail.order.id }) });
      setDone(`Adopted the CSR's ${fieldNames[field] ?? field}; the change went to the losing carrier.`);
    } catch {
      // Shown below.
    }
  };
  const { comparison } = csr;
  return (
    <section className="card" aria-labelledby="order-csr">
      <h2 id="order-csr">Customer service record (CSR)</h2>
      <p className="muted">
        What the losing carrier has on file, received {formatEastern(csr.receivedAt)}, next to your order. Differences
        are the usual cause of rejections; adopt a CSR value in one click (sent as a change).
      </p>
      <table className="plain-table csr-table">
        <caption className="sr-only">CSR compared with the order</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Your order</th>
            <th scope="col">CSR</th>
            <th scope="col">Match</th>
          </tr>
        </thead>
        <tbody>
          {comparison.differences.map((d) => (
            <tr key={d.field} className={d.match ? "" : "csr-row--differs"}>
              <th scope="row">{fieldNames[d.field] ?? d.field}</th>
              <td>{d.order ?? "—"}</td>
              <td>{d.csr ?? "—"}</td>
              <td>
                {d.match ? (
                  "Same"
                ) : d.adopt && canEdit ? (
                  <button type="button" disabled={edit.isPending} onClick={() => d.adopt && adopt(d.field, d.adopt)}>
                    Adopt CSR {fieldNames[d.field] ?? d.field}
                  </button>
                ) : (
                  "Differs"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {comparison.partialPort ? (
        <p className="banner banner--warn">
          Partial port: the account has {comparison.tnsRemaining.length} more number
          {comparison.tnsRemaining.length === 1 ? "" : "s"} that this order does not move (
          {comparison.tnsRemaining.slice(0, 5).join(", ")}
          {comparison.tnsRemaining.length > 5 ? ", …" : ""}).
          {comparison.replacementBtnNeeded ? " The BTN moves, so a replacement BTN is needed." : ""}
        </p>
      ) : null}
      {done ? (
        <p className="banner banner--good" role="status">
          {done}
        </p>
      ) : null}
      <FormErrors messages={edit.error ? Object.values(errorsByField(edit.error)).flat() : []} />
      <details>
        <summary>CSR as received (verbatim)</summary>
        <pre className="raw-text">{csr.rawText}</pre>
      </details>
    </section>
  );
}

/** Open rejections with their playbook, and the fix form that shows only the fields to fix. */
export function OrderRejections({ detail }: { detail: OrderDetail }) {
  const [message, setMessage] = useState<string | null>(null);
  const open = detail.openRejections;
  const fixable = [...new Set(open.flatMap((r) => r.fieldsToFix).filter((f) => PRE_FOC_EDITABLE_FIELDS.includes(f)))];
  const csrValues: Record<string, string> = {};
  for (const d of detail.csr?.comparison.differences ?? []) {
    if (!d.match && d.csr !== null && d.adopt) {
      csrValues[d.field] = d.csr;
    }
  }
  return (
    <>
      {detail.order.status === "EXCEPTION" && open.length > 0 ? (
        <section className="card card--bad" aria-labelledby="order-rejections">
          <h2 id="order-rejections">
            Rejected: {open.length} problem{open.length === 1 ? "" : "s"} to fix
          </h2>
          <ul className="rejections">
            {open.map((r) => (
              <li key={`${r.code}-${r.rawText}`}>
                <h3>{r.title}</h3>
                <p>{r.explanation}</p>
                <p>
                  <strong>Who acts:</strong> {actors[r.actor] ?? r.actor}
                </p>
                <p className="muted">
                  Losing carrier's words: <code>{r.rawText || r.code}</code>
                </p>
              </li>
            ))}
          </ul>
          {fixable.length > 0 ? (
            <OrderEditForm
              detail={detail}
              fields={fixable}
              csrValues={csrValues}
              heading="Fix and resubmit"
              explanation="Only the fields these rejections concern are shown. Values from the CSR are offered where they differ."
              submitLabel="Fix and resubmit"
              onDone={setMessage}
            />
          ) : (
            <p>Nothing on the order itself needs to change; resubmit when the problem is cleared.</p>
          )}
        </section>
      ) : null}
      {message ? (
        <p className="banner banner--good" role="status">
          {message}
        </p>
      ) : null}
      <CsrDifference detail={detail} />
    </>
  );
}
