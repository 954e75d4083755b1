"use client";

import { easternDate, easternToInstant } from "@portway/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/trpc/react";
import { MutationError } from "./mutation-error";
import type { WorkbenchView } from "./workbench-types";

function useRecord() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(trpc.orders.record.mutationOptions({ onSuccess: () => queryClient.invalidateQueries() }));
}

/** What an analyst records on a project port: PON, CSR, FOC, rejection, activation per TN. */
export function ProjectPortActions({ view }: { view: WorkbenchView }) {
  const orderId = view.order.id;
  const pon = useRecord();
  const csr = useRecord();
  const foc = useRecord();
  const rejection = useRecord();
  const activation = useRecord();
  const [focError, setFocError] = useState<string | null>(null);
  const pending = view.tns.filter((t) => t.status === "PENDING").map((t) => t.tn);
  const status = view.order.status;
  return (
    <section className="card" aria-labelledby="record-heading">
      <h2 id="record-heading">Record for this project port</h2>
      <p className="hint">
        Project ports are worked by hand: record what the LSP answered. Each step moves the order through the same
        states as an automated one, and the customer sees it at once.
      </p>
      <div className="record-grid">
        <form
          aria-labelledby="pon-heading"
          onSubmit={(event) => {
            event.preventDefault();
            const typed = String(new FormData(event.currentTarget).get("pon") ?? "").trim();
            pon.mutate({ type: "PON", orderId, ...(typed ? { pon: typed } : {}) });
          }}
        >
          <h3 id="pon-heading">PON</h3>
          <label>
            PON <input name="pon" placeholder="412345678" defaultValue={view.order.pon ?? ""} autoComplete="off" />
          </label>
          <small>
            Placed with the partner: its 9-digit parent order ID is the PON. Worked with the losing carrier directly:
            leave it empty and Portway assigns a PWP PON.
          </small>
          <button type="submit" disabled={pon.isPending || status !== "SUBMITTED"}>
            Record PON
          </button>
          <MutationError error={pon.error} />
        </form>
        <form
          aria-labelledby="csr-heading"
          onSubmit={(event) => {
            event.preventDefault();
            csr.mutate({ type: "CSR_UNAVAILABLE", orderId });
          }}
        >
          <h3 id="csr-heading">CSR</h3>
          <p>No CSR from the LSP: move on to waiting for the FOC.</p>
          <button type="submit" disabled={csr.isPending || status !== "CSR_REVIEW"}>
            Record no CSR
          </button>
          <MutationError error={csr.error} />
        </form>
        <form
          aria-labelledby="foc-heading"
          onSubmit={(event) => {
            event.preventDefault();
            const data = new FormData(event.currentTarget);
            const instant = easternToInstant(String(data.get("focDate") ?? ""), String(data.get("focTime") ?? ""));
            if (!instant) {
              setFocError("Enter the FOC date and time the LSP committed to (US Eastern).");
              return;
            }
            setFocError(null);
            foc.mutate({ type: "FOC", orderId, focAt: instant });
          }}
        >
          <h3 id="foc-heading">FOC</h3>
          <label>
            FOC date (ET){" "}
            <input
              name="focDate"
              type="date"
              required
              defaultValue={
                view.order.requestedFocAt ? (easternDate(view.order.requestedFocAt.toISOString()) ?? "") : ""
              }
            />
          </label>
          <label>
            FOC time (ET) <input name="focTime" type="time" required defaultValue="11:30" />
          </label>
          <button type="submit" disabled={foc.isPending}>
            Record FOC
          </button>
          {focError ? (
            <p role="alert" className="form-error">
              {focError}
            </p>
          ) : null}
          <MutationError error={foc.error} />
        </form>
        <form
          aria-labelledby="rejection-heading"
          onSubmit={(event) => {
            event.preventDefault();
            const data = new FormData(event.currentTarget);
            const text = String(data.get("rejectionText") ?? "").trim();
            rejection.mutate({
              type: "REJECTION",
              orderId,
              rejections: [{ code: String(data.get("rejectionCode") ?? ""), ...(text ? { text } : {}) }],
            });
          }}
        >
          <h3 id="rejection-heading">Rejection</h3>
          <label>
            Rejection code <input name="rejectionCode" required placeholder="e.g. ADDRESS_MISMATCH" />
          </label>
          <label>
            LSP text <input name="rejectionText" />
          </label>
          <button type="submit" disabled={rejection.isPending}>
            Record rejection
          </button>
          <MutationError error={rejection.error} />
        </form>
        <form
          aria-labelledby="activation-heading"
          onSubmit={(event) => {
            event.preventDefault();
            const raw = String(new FormData(event.currentTarget).get("activatedTns") ?? "");
            const tns = raw
              .split(/[\s,;]+/)
              .map((t) => t.trim())
              .filter(Boolean)
              .map((t) => (t.startsWith("+") ? t : `+1${t.replace(/\D/g, "").slice(-10)}`));
            activation.mutate({ type: "ACTIVATION", orderId, tns });
          }}
        >
          <h3 id="activation-heading">Activation</h3>
          <label>
            Activated numbers{" "}
            <textarea name="activatedTns" rows={3} placeholder="One TN per line, E.164 or 10 digits" />
          </label>
          <button type="submit" disabled={activation.isPending || status !== "FOC"}>
            Record activated numbers
          </button>
          <button
            type="button"
            className="button--quiet"
            disabled={activation.isPending || status !== "FOC" || pending.length === 0}
            onClick={() => activation.mutate({ type: "ACTIVATION", orderId, tns: pending })}
          >
            Activate all {pending.length.toLocaleString("en-US")} pending
          </button>
          <MutationError error={activation.error} />
        </form>
      </div>
    </section>
  );
}

/** The LSP's answer to a SUPP the porting team sent by hand (short notice): accepted or refused. */
export function ManualSuppAnswer({ view }: { view: WorkbenchView }) {
  const accepted = useRecord();
  const refused = useRecord();
  const open = view.manualRequests.find((m) => m.status === "OPEN" && m.kind.startsWith("SHORT_NOTICE"));
  if (!open) {
    return null;
  }
  const cancel = open.kind === "SHORT_NOTICE_CANCEL";
  return (
    <section className="card card--warn" aria-labelledby="supp-heading">
      <h2 id="supp-heading">Short-notice {cancel ? "cancel" : "reschedule"} waiting for the LSP</h2>
      <p>
        {open.reason} The order keeps {cancel ? "its status" : "its FOC"} until you record the LSP&apos;s answer.
        {open.requestedFocAt ? ` Requested new FOC: ${open.requestedFocAt.toISOString()}.` : ""}
      </p>
      <div className="record-grid">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            accepted.mutate({
              type: "SUPP_ACCEPTED",
              orderId: view.order.id,
              ...(open.requestedFocAt ? { focAt: open.requestedFocAt.toISOString() } : {}),
            });
          }}
        >
          <button type="submit" disabled={accepted.isPending}>
            Record LSP acceptance
          </button>
          <MutationError error={accepted.error} />
        </form>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            refused.mutate({
              type: "SUPP_REFUSED",
              orderId: view.order.id,
              reason: String(new FormData(event.currentTarget).get("refusalReason") ?? ""),
            });
          }}
        >
          <label>
            Why the LSP refused <input name="refusalReason" required />
          </label>
          <button type="submit" disabled={refused.isPending}>
            Record LSP refusal
          </button>
          <MutationError error={refused.error} />
        </form>
      </div>
    </section>
  );
}
