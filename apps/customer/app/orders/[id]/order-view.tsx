"use client";

import { formatTn, type OrderStatus, PRE_FOC_STATUSES } from "@portway/domain";
import { formatEastern, StatusBadge, Timeline } from "@portway/ui";
import { useQuery } from "@tanstack/react-query";
import { formatCountdown, useBusinessNow } from "@/lib/business-now";
import { useTRPC } from "@/trpc/react";
import { RiskWarnings } from "../new/risk-warnings";
import { OrderActions } from "./order-actions";
import { OrderCollaboration } from "./order-collaboration";
import { OrderRejections } from "./order-rejections";
import type { OrderDetail } from "./order-types";

/** Whose numbers these are: each order of a port request of several LSP accounts has its own end user. */
function endUserName(subscriber: OrderDetail["order"]["details"]["subscriber"]): string {
  if (!subscriber) {
    return "—";
  }
  return subscriber.type === "BUSINESS"
    ? (subscriber.businessName ?? "—")
    : [subscriber.firstName, subscriber.lastName].filter(Boolean).join(" ") || "—";
}

const statusWords: Record<string, string> = {
  SUBMITTED: "Submitted; waiting for the porting partner or losing carrier to accept it.",
  CSR_REVIEW: "Accepted; the customer service record (CSR) is being checked.",
  PENDING_FOC: "Waiting for the losing carrier's firm order commitment (FOC).",
  EXCEPTION: "Rejected by the losing carrier; fix the fields below and resubmit.",
  FOC: "The losing carrier committed to the FOC below; the numbers activate then.",
  SUPP_PENDING: "A change (SUPP) waits for the losing carrier's answer.",
  COMPLETE: "Complete: every number is active with us.",
  CANCELLED: "Cancelled.",
};

function ShortNoticeBanner({ detail }: { detail: OrderDetail }) {
  const open = detail.manualRequests.filter((m) => m.status === "OPEN" && m.kind !== "PROJECT_PORT");
  if (open.length === 0) {
    return null;
  }
  return (
    <div className="banner banner--warn" role="status">
      {open.map((request) => (
        <p key={request.id}>
          <strong>
            Short-notice {request.kind === "SHORT_NOTICE_CANCEL" ? "cancel" : "reschedule"} requested{" "}
            {formatEastern(request.createdAt)}, waiting for the porting team.
          </strong>{" "}
          It is inside one business day of the FOC, so it is not sent automatically: the porting team asks the losing
          carrier by hand. Until they record the answer, the order keeps its current FOC and status.
          {request.requestedFocAt ? ` Requested new FOC: ${formatEastern(request.requestedFocAt)}.` : ""}
        </p>
      ))}
    </div>
  );
}

function FocSummary({ detail }: { detail: OrderDetail }) {
  const now = useBusinessNow();
  const { order } = detail;
  if (!order.focAt) {
    return (
      <>
        <dt>FOC</dt>
        <dd>
          Not yet committed
          {order.requestedFocAt ? ` (requested ${formatEastern(order.requestedFocAt)})` : ""}
        </dd>
      </>
    );
  }
  const cutoff = order.shortNoticeCutoff ? new Date(order.shortNoticeCutoff) : null;
  const left = now && cutoff ? formatCountdown(now, cutoff) : null;
  return (
    <>
      <dt>FOC</dt>
      <dd>
        <span data-testid="order-foc">{formatEastern(order.focAt)}</span>
        {cutoff ? (
          <span className="countdown" data-testid="cutoff-countdown">
            {" "}
            ·{" "}
            {now === null
              ? `short-notice cutoff ${formatEastern(cutoff)}`
              : left
                ? `${left} left to reschedule or cancel automatically (cutoff ${formatEastern(cutoff)})`
                : `past the short-notice cutoff (${formatEastern(cutoff)}): changes go to the porting team`}
          </span>
        ) : null}
      </dd>
    </>
  );
}

export function OrderView({ orderId }: { orderId: string }) {
  const trpc = useTRPC();
  const query = useQuery({ ...trpc.orders.get.queryOptions({ orderId }), refetchInterval: 4000 });
  const detail = query.data;
  if (!detail) {
    return <p>Loading the order…</p>;
  }
  const { order } = detail;
  const name = order.customerReference ?? order.pon ?? order.id.slice(0, 8);
  const tnsActive = detail.tns.filter((t) => t.status === "ACTIVATED").length;
  return (
    <article className="order-page">
      <div className="page-head">
        <h1>Order {name}</h1>
        <StatusBadge status={order.status} />
      </div>
      <ShortNoticeBanner detail={detail} />
      {order.supp && detail.manualRequests.every((m) => m.status !== "OPEN") ? (
        <div className="banner banner--info" role="status">
          A {order.supp.type.toLowerCase()} request was sent to the losing carrier; scheduled activation waits for its
          answer.
        </div>
      ) : null}
      {order.portType === "PROJECT" ? (
        <div className="banner banner--info">
          This is a project port: it is too large for automation and the porting team works it by hand. Porting times
          may be longer; nothing is needed from you.
        </div>
      ) : null}
      {order.carrier && PRE_FOC_STATUSES.includes(order.status as OrderStatus) ? (
        <RiskWarnings
          orders={[{ carrierSpid: order.carrier.spid, portType: order.portType ?? "AUTOMATED" }]}
          accountNumber={order.details.accountNumber ?? ""}
          pin={order.details.pin ?? ""}
        />
      ) : null}
      <section className="card" aria-labelledby="order-summary">
        <h2 id="order-summary" className="sr-only">
          Summary
        </h2>
        <dl className="summary-grid">
          <dt>Status</dt>
          <dd>
            <span data-testid="order-status">{order.status.replaceAll("_", " ")}</span>
            <span className="muted"> — {statusWords[order.status] ?? ""}</span>
          </dd>
          <dt>Port type</dt>
          <dd data-testid="order-port-type">
            {order.portType ?? "—"}
            {order.onNet === null ? "" : order.onNet ? " (on-net)" : " (off-net, through our porting partner)"}
          </dd>
          <dt>PON</dt>
          <dd data-testid="order-pon">{order.pon ?? "Not yet assigned"}</dd>
          <FocSummary detail={detail} />
          <dt>Losing carrier</dt>
          <dd>{order.carrier ? `${order.carrier.name} (SPID ${order.carrier.spid}, ${order.carrier.type})` : "—"}</dd>
          <dt>Numbers</dt>
          <dd>
            {detail.tns.length} ({tnsActive} active)
          </dd>
          <dt>End user</dt>
          <dd>{endUserName(order.details.subscriber)}</dd>
          <dt>BTN</dt>
          <dd>{order.details.btn ? formatTn(order.details.btn, "NATIONAL") : "—"}</dd>
          <dt>Customer reference</dt>
          <dd>
            {order.customerReference ? (
              <>
                {order.customerReference}{" "}
                <a href={`/orders?ref=${encodeURIComponent(order.customerReference)}`}>
                  all orders of this port request
                </a>
              </>
            ) : (
              "—"
            )}
          </dd>
          <dt>Created</dt>
          <dd>{formatEastern(order.createdAt)}</dd>
        </dl>
      </section>
      <OrderActions detail={detail} />
      <OrderRejections detail={detail} />
      <div className="order-columns">
        <section className="card" aria-labelledby="order-timeline">
          <h2 id="order-timeline">Timeline</h2>
          <Timeline entries={detail.history} label="Order timeline" />
        </section>
        <section className="card" aria-labelledby="order-tns">
          <h2 id="order-tns">Numbers ({detail.tns.length})</h2>
          <div className="scroll-box">
            <table className="plain-table">
              <caption className="sr-only">Numbers and their status</caption>
              <thead>
                <tr>
                  <th scope="col">TN</th>
                  <th scope="col">Status</th>
                  <th scope="col">Activated</th>
                </tr>
              </thead>
              <tbody>
                {detail.tns.map((tn) => (
                  <tr key={tn.tn}>
                    <td>{tn.tn}</td>
                    <td>
                      {tn.status}
                      {tn.excludedReason ? ` (${tn.excludedReason})` : ""}
                    </td>
                    <td>{tn.activatedAt ? formatEastern(tn.activatedAt) : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      </div>
      <OrderCollaboration detail={detail} />
    </article>
  );
}
