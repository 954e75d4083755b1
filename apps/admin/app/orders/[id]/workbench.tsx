"use client";

import { formatEastern, StatusBadge } from "@portway/ui";
import { useQuery } from "@tanstack/react-query";
import { AssignSelect } from "@/components/assign-select";
import { RetryDeliveryButton } from "@/components/retry-delivery-button";
import { useTRPC } from "@/trpc/react";
import { NotesSection, TicketsSection } from "./collaboration";
import { OrderDocuments } from "./order-documents";
import { ManualSuppAnswer, ProjectPortActions } from "./record-forms";
import type { WorkbenchView } from "./workbench-types";

const deadLetterJob = "partner.dead-letters";

function Summary({ view }: { view: WorkbenchView }) {
  const { order } = view;
  const details = order.details as Record<string, unknown>;
  const subscriber = details.subscriber as { businessName?: string; firstName?: string; lastName?: string } | undefined;
  return (
    <section className="card" aria-labelledby="order-heading">
      <h1 id="order-heading">
        Order {order.customerReference ?? order.id.slice(0, 8)} <StatusBadge status={order.status} />
      </h1>
      <dl className="facts">
        <dt>Status</dt>
        <dd data-testid="order-status">{order.status.replaceAll("_", " ")}</dd>
        <dt>Port type</dt>
        <dd>{order.portType ?? "—"}</dd>
        <dt>PON</dt>
        <dd data-testid="order-pon">{order.pon ?? "—"}</dd>
        <dt>FOC</dt>
        <dd data-testid="order-foc">{formatEastern(order.focAt)}</dd>
        <dt>Requested FOC</dt>
        <dd>{formatEastern(order.requestedFocAt)}</dd>
        <dt>Short-notice cutoff</dt>
        <dd>{order.shortNoticeCutoff ? formatEastern(order.shortNoticeCutoff) : "—"}</dd>
        <dt>Losing carrier</dt>
        <dd>
          {order.carrier ? `${order.carrier.name} (${order.carrier.spid}, ${order.carrier.type.toLowerCase()})` : "—"}
        </dd>
        <dt>Numbers</dt>
        <dd>{view.tns.length.toLocaleString("en-US")}</dd>
        <dt>Subscriber</dt>
        <dd>
          {subscriber?.businessName ?? [subscriber?.firstName, subscriber?.lastName].filter(Boolean).join(" ") ?? "—"}
        </dd>
        <dt>BTN</dt>
        <dd>{typeof details.btn === "string" ? details.btn : "—"}</dd>
        <dt>Account number / PIN</dt>
        <dd>
          {typeof details.accountNumber === "string" ? details.accountNumber : "—"} /{" "}
          {typeof details.pin === "string" ? details.pin : "—"}
        </dd>
        <dt>Submitted</dt>
        <dd>{formatEastern(order.createdAt)}</dd>
        <dt>Assigned to</dt>
        <dd>
          <AssignSelect target="order" id={order.id} assignedTo={order.assignedTo} label="this order" />
        </dd>
      </dl>
    </section>
  );
}

function Rejections({ view }: { view: WorkbenchView }) {
  if (view.rejections.length === 0) {
    return null;
  }
  return (
    <section className="card" aria-labelledby="rejections-heading">
      <h2 id="rejections-heading">Rejections</h2>
      <table className="plain">
        <caption className="sr-only">Rejections of this order</caption>
        <thead>
          <tr>
            <th scope="col">Received</th>
            <th scope="col">Code</th>
            <th scope="col">Reason</th>
            <th scope="col">LSP text</th>
            <th scope="col">Resolved</th>
          </tr>
        </thead>
        <tbody>
          {view.rejections.map((r) => (
            <tr key={r.id}>
              <td>{formatEastern(r.receivedAt)}</td>
              <td>{r.code}</td>
              <td>{r.reason}</td>
              <td>{r.rawText ?? "—"}</td>
              <td>{r.resolvedAt ? formatEastern(r.resolvedAt) : "open"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Numbers({ view }: { view: WorkbenchView }) {
  const shown = view.tns.slice(0, 200);
  const activated = view.tns.filter((t) => t.status === "ACTIVATED").length;
  return (
    <section className="card" aria-labelledby="tns-heading">
      <h2 id="tns-heading">Numbers</h2>
      <p>
        {activated.toLocaleString("en-US")} of {view.tns.length.toLocaleString("en-US")} activated
        {view.tns.length > shown.length ? ` (first ${shown.length} shown)` : ""}.
      </p>
      <details>
        <summary>Per-number status</summary>
        <table className="plain">
          <caption className="sr-only">Numbers of this order</caption>
          <thead>
            <tr>
              <th scope="col">TN</th>
              <th scope="col">Status</th>
              <th scope="col">Activated</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((t) => (
              <tr key={t.tn}>
                <td>{t.tn}</td>
                <td>{t.status === "EXCLUDED" ? `Excluded: ${t.excludedReason ?? ""}` : t.status}</td>
                <td>{formatEastern(t.activatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}

function Timeline({ view }: { view: WorkbenchView }) {
  return (
    <section className="card" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Timeline</h2>
      <ol className="timeline-list">
        {view.history.map((h) => (
          <li key={h.id}>
            <strong>{h.event.replaceAll("_", " ").toLowerCase()}</strong> {h.from} → {h.to} ·{" "}
            {h.actorName
              ? `${h.actorName} (${h.actorKind.toLowerCase().replace("_", " ")})`
              : h.actorKind.toLowerCase()}{" "}
            · {formatEastern(h.at)}
            {h.reason ? <div className="hint">{h.reason}</div> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

function PartnerMessages({ view }: { view: WorkbenchView }) {
  return (
    <section className="card" aria-labelledby="partner-heading">
      <h2 id="partner-heading">Raw partner messages</h2>
      {view.partnerMessages.length === 0 ? <p>No callbacks from the partner or the LSP for this order.</p> : null}
      {view.partnerMessages.map((m) => (
        <details key={m.id}>
          <summary>
            #{m.sequence} {m.type} · {m.status.toLowerCase()} · received {formatEastern(m.receivedAt)}
            {m.detail ? ` · ${m.detail}` : ""}
          </summary>
          <pre className="raw">{m.body}</pre>
        </details>
      ))}
    </section>
  );
}

function JobHistory({ view }: { view: WorkbenchView }) {
  return (
    <section className="card" aria-labelledby="jobs-heading">
      <h2 id="jobs-heading">Job history</h2>
      <p className="hint">
        Jobs are written to the outbox with the change that causes them, relayed to the queue, and retried there; a job
        that fails every retry lands in the failed deliveries.
      </p>
      <table className="plain">
        <caption className="sr-only">Jobs of this order</caption>
        <thead>
          <tr>
            <th scope="col">Created</th>
            <th scope="col">Where</th>
            <th scope="col">Job</th>
            <th scope="col">State</th>
            <th scope="col">Retries</th>
            <th scope="col">Detail</th>
          </tr>
        </thead>
        <tbody>
          {view.jobs.map((job) => (
            <tr key={`${job.source}-${job.id}`}>
              <td>{formatEastern(job.createdAt)}</td>
              <td>{job.source === "OUTBOX" ? `outbox #${job.id}` : "queue"}</td>
              <td>{job.job === deadLetterJob ? "failed delivery" : job.job}</td>
              <td>{job.state}</td>
              <td>{job.retryCount ?? "—"}</td>
              <td>
                {job.detail ?? ""}
                {job.job === deadLetterJob && job.state === "created" ? (
                  <RetryDeliveryButton deadLetterId={job.id} label="Retry the failed delivery" />
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The porting team's view of one order: what the customer sees, plus internals and the actions. */
export function Workbench({ orderId }: { orderId: string }) {
  const trpc = useTRPC();
  const workbench = useQuery({ ...trpc.orders.workbench.queryOptions({ orderId }), refetchInterval: 10_000 });
  const view = workbench.data;
  if (!view) {
    return <p>Loading the order…</p>;
  }
  return (
    <div className="workbench">
      <Summary view={view} />
      <ManualSuppAnswer view={view} />
      {view.order.portType === "PROJECT" ? <ProjectPortActions view={view} /> : null}
      <Rejections view={view} />
      <TicketsSection view={view} />
      <NotesSection view={view} />
      <OrderDocuments view={view} />
      <Timeline view={view} />
      <Numbers view={view} />
      <PartnerMessages view={view} />
      <JobHistory view={view} />
    </div>
  );
}
