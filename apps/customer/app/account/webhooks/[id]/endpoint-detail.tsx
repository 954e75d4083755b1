"use client";

import { formatEastern } from "@portway/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/trpc/react";
import { EndpointForm } from "../endpoint-form";

const pageSize = 20;

function outcome(d: { status: string; lastStatusCode: number | null; lastError: string | null }) {
  if (d.status === "SUCCEEDED") {
    return <span className="badge badge--good">delivered</span>;
  }
  if (d.status === "FAILED") {
    return <span className="badge badge--bad">gave up</span>;
  }
  return <span className="badge badge--warn">{d.lastError ? "retrying" : "queued"}</span>;
}

/**
 * One endpoint, for account admins: its state, a test event, the delivery log with every attempt, replay, editing and
 * rotating its secret (the new secret is shown once, in rotate's answer).
 */
export function EndpointDetail({ endpointId }: { endpointId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(0);
  const [secret, setSecret] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [openEvent, setOpenEvent] = useState<string | null>(null);
  const endpoint = useQuery(trpc.webhooks.get.queryOptions({ endpointId }));
  const log = useQuery({
    ...trpc.webhooks.deliveries.queryOptions({ endpointId, page, pageSize }),
    // While something is on its way, keep the log fresh.
    refetchInterval: (query) =>
      query.state.data?.items.some((d) => d.status === "PENDING" && d.attempts === 0) ? 1_000 : 5_000,
  });
  const payload = useQuery({
    ...trpc.webhooks.event.queryOptions({ eventId: openEvent ?? "00000000-0000-4000-8000-000000000000" }),
    enabled: openEvent !== null,
  });
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.webhooks.get.queryKey({ endpointId }) });
    await queryClient.invalidateQueries({ queryKey: trpc.webhooks.deliveries.queryKey() });
  };
  const rotate = useMutation({
    ...trpc.webhooks.rotateSecret.mutationOptions(),
    onSuccess: (data) => {
      setSecret(data.secret);
      setMessage(null);
    },
  });
  const sendTest = useMutation({
    ...trpc.webhooks.sendTest.mutationOptions(),
    onSuccess: async (data) => {
      setPage(0);
      setMessage(
        data.queued
          ? `Test event ${data.eventId} queued; it appears in the delivery log below.`
          : `Test event ${data.eventId} is held: enable the endpoint to deliver it.`,
      );
      await refresh();
    },
  });
  const replay = useMutation({
    ...trpc.webhooks.replay.mutationOptions(),
    onSuccess: async (data) => {
      setPage(0);
      setMessage(`Event ${data.eventId} queued again with the same event ID.`);
      await refresh();
    },
  });
  const setEnabled = useMutation({
    ...trpc.webhooks.setEnabled.mutationOptions(),
    onSuccess: async (data) => {
      setMessage(data.enabled ? "Endpoint enabled; held deliveries go out now." : "Endpoint disabled.");
      await refresh();
    },
  });
  const update = useMutation({
    ...trpc.webhooks.update.mutationOptions(),
    onSuccess: async () => {
      setMessage("Endpoint saved.");
      await refresh();
    },
  });
  const error = rotate.error ?? sendTest.error ?? replay.error ?? setEnabled.error;
  const e = endpoint.data;
  if (endpoint.error) {
    return (
      <p role="alert" className="nt-error">
        {endpoint.error.message}
      </p>
    );
  }
  if (!e) {
    return <p>Loading…</p>;
  }
  const items = log.data?.items ?? [];
  return (
    <>
      <div className="page-head">
        <h1>Webhook endpoint</h1>
        <div className="page-head__actions">
          <a href="/account/webhooks">All endpoints</a>
        </div>
      </div>
      {message ? (
        <div className="nt-notice nt-notice--info" role="status">
          {message}
        </div>
      ) : null}
      {secret ? (
        <div className="nt-notice nt-notice--good" role="status">
          <p>
            New secret in effect: deliveries from now on are signed with it. Copy it now: it is shown only this once. If
            you lose it, rotate again.
          </p>
          <p>
            <code className="nt-secret" data-testid="rotated-webhook-secret">
              {secret}
            </code>
          </p>
        </div>
      ) : null}
      {error ? (
        <div className="nt-notice nt-notice--bad" role="alert">
          {error.message}
        </div>
      ) : null}
      {!e.enabled ? (
        <div className="nt-notice nt-notice--bad">
          <p>
            Disabled {formatEastern(e.disabledAt)}. {e.disabledReason}
          </p>
          <p>Events are kept and held for this endpoint; enabling it sends them.</p>
        </div>
      ) : e.disableNoticeAt ? (
        <div className="nt-notice nt-notice--warn">
          Failing since {formatEastern(e.firstFailureAt)} ({e.failureStreak} in a row); admins were told{" "}
          {formatEastern(e.disableNoticeAt)}. It is disabled if it keeps failing.
        </div>
      ) : null}
      <section className="card" aria-labelledby="endpoint-heading">
        <h2 id="endpoint-heading">{e.url}</h2>
        <dl className="nt-facts">
          <dt className="nt-muted">Description</dt>
          <dd>{e.description || "—"}</dd>
          <dt className="nt-muted">Events</dt>
          <dd>{e.eventTypes.join(", ")}</dd>
          <dt className="nt-muted">State</dt>
          <dd>
            {e.enabled ? "Enabled" : "Disabled"} · last success {formatEastern(e.lastSuccessAt)} · {e.failureStreak}{" "}
            failures in a row
          </dd>
          <dt className="nt-muted">Signing secret</dt>
          <dd>Shown only when the endpoint is created or its secret rotated.</dd>
        </dl>
        <div className="nt-actions">
          <button type="button" onClick={() => sendTest.mutate({ endpointId })} disabled={sendTest.isPending}>
            Send test event
          </button>
          <button
            type="button"
            className="button--quiet"
            onClick={() => {
              if (window.confirm("Rotate the secret? Deliveries are signed with the new one at once.")) {
                rotate.mutate({ endpointId });
              }
            }}
            disabled={rotate.isPending}
          >
            Rotate secret
          </button>
          <button
            type="button"
            className="button--quiet"
            onClick={() => setEnabled.mutate({ endpointId, enabled: !e.enabled })}
            disabled={setEnabled.isPending}
          >
            {e.enabled ? "Disable endpoint" : "Re-enable endpoint"}
          </button>
        </div>
      </section>
      <section className="card" aria-labelledby="log-heading">
        <h2 id="log-heading">Delivery log</h2>
        {log.error ? (
          <p role="alert" className="nt-error">
            {log.error.message}
          </p>
        ) : null}
        {items.length === 0 && !log.isPending ? <p className="nt-muted">Nothing delivered yet.</p> : null}
        {items.length > 0 ? (
          <table className="nt-table">
            <caption className="sr-only">Deliveries to this endpoint, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">Occurred</th>
                <th scope="col">Outcome</th>
                <th scope="col">Attempts (response, time)</th>
                <th scope="col">Next try</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr key={d.id}>
                  <td>
                    <code>{d.eventType}</code>
                    {d.replay ? <span className="nt-muted"> (replay)</span> : null}
                    <div className="nt-muted">
                      <button
                        type="button"
                        className="button--quiet"
                        aria-expanded={openEvent === d.eventId}
                        onClick={() => setOpenEvent(openEvent === d.eventId ? null : d.eventId)}
                      >
                        {d.eventId}
                      </button>
                    </div>
                  </td>
                  <td>{formatEastern(d.occurredAt)}</td>
                  <td>{outcome(d)}</td>
                  <td>
                    <ul className="nt-list">
                      {d.attemptLog.map((a) => (
                        <li key={a.attempt}>
                          #{a.attempt}: {a.statusCode ?? "no response"} · {a.durationMs} ms
                          {a.error && a.statusCode === null ? ` · ${a.error}` : ""}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>{d.status === "PENDING" ? formatEastern(d.nextAttemptAt) : "—"}</td>
                  <td>
                    <button
                      type="button"
                      className="button--quiet"
                      onClick={() => replay.mutate({ endpointId, eventId: d.eventId })}
                      disabled={replay.isPending}
                      aria-label={`Replay event ${d.eventId}`}
                    >
                      Replay
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {openEvent && payload.data ? (
          <div>
            <h3>Payload of {payload.data.id}</h3>
            <pre className="nt-pre">{JSON.stringify(payload.data.payload, null, 2)}</pre>
          </div>
        ) : null}
        <nav className="nt-toolbar" aria-label="Delivery log pages">
          <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
            Newer
          </button>
          <span>Page {page + 1}</span>
          <button type="button" disabled={!log.data?.hasMore} onClick={() => setPage(page + 1)}>
            Older
          </button>
        </nav>
      </section>
      <section className="card" aria-labelledby="edit-heading">
        <h2 id="edit-heading">Change the endpoint</h2>
        <EndpointForm
          key={e.updatedAt.toString()}
          initial={{ url: e.url, description: e.description, eventTypes: e.eventTypes }}
          submitLabel="Save endpoint"
          pending={update.isPending}
          error={update.error}
          onSubmit={(values) => update.mutate({ endpointId, ...values })}
        />
      </section>
    </>
  );
}
