"use client";

import { formatEastern } from "@portway/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/trpc/react";
import { EndpointForm } from "./endpoint-form";

/** The account's endpoints and the form to add one (account admins only: the page shows members a notice). */
export function WebhooksManager() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const endpoints = useQuery(trpc.webhooks.list.queryOptions());
  const types = useQuery(trpc.webhooks.eventTypes.queryOptions());
  const allTypes = (types.data ?? []).map((t) => t.type);
  const [created, setCreated] = useState<{ id: string; url: string; secret: string } | null>(null);
  const [formKey, setFormKey] = useState(0);
  const create = useMutation({
    ...trpc.webhooks.create.mutationOptions(),
    onSuccess: async (endpoint) => {
      setCreated({ id: endpoint.id, url: endpoint.url, secret: endpoint.secret });
      setFormKey((k) => k + 1);
      await queryClient.invalidateQueries({ queryKey: trpc.webhooks.list.queryKey() });
    },
  });
  const rows = endpoints.data ?? [];
  return (
    <>
      {created ? (
        <div className="nt-notice nt-notice--good" role="status">
          <p>
            Endpoint created for {created.url}. Copy its signing secret now: it is shown only this once. If you lose it,
            rotate the secret on the endpoint's page.
          </p>
          <p>
            <code className="nt-secret" data-testid="new-webhook-secret">
              {created.secret}
            </code>
          </p>
          <p>
            <a href={`/account/webhooks/${created.id}`}>Open the endpoint</a> to send a test event.
          </p>
        </div>
      ) : null}
      <section className="card" aria-labelledby="endpoints-heading">
        <h2 id="endpoints-heading">Endpoints</h2>
        {endpoints.error ? (
          <p role="alert" className="nt-error">
            {endpoints.error.message}
          </p>
        ) : null}
        {rows.length === 0 && !endpoints.isPending ? (
          <p className="nt-muted">No endpoints yet.</p>
        ) : (
          <table className="nt-table">
            <caption className="sr-only">Webhook endpoints of this account</caption>
            <thead>
              <tr>
                <th scope="col">URL</th>
                <th scope="col">Events</th>
                <th scope="col">State</th>
                <th scope="col">Last success</th>
                <th scope="col">Failures in a row</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((e) => (
                <tr key={e.id}>
                  <td>
                    <a href={`/account/webhooks/${e.id}`}>{e.url}</a>
                    {e.description ? <div className="nt-muted">{e.description}</div> : null}
                  </td>
                  <td>{allTypes.every((t) => e.eventTypes.includes(t)) ? "All events" : e.eventTypes.join(", ")}</td>
                  <td>
                    {e.enabled ? (
                      <span className="badge badge--good">enabled</span>
                    ) : (
                      <span className="badge badge--bad">disabled</span>
                    )}
                  </td>
                  <td>{formatEastern(e.lastSuccessAt)}</td>
                  <td>{e.failureStreak}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="card" aria-labelledby="new-endpoint-heading">
        <h2 id="new-endpoint-heading">Add an endpoint</h2>
        <EndpointForm
          key={`${formKey}-${allTypes.length}`}
          initial={{ url: "", description: "", eventTypes: [...allTypes] }}
          submitLabel="Create endpoint"
          pending={create.isPending}
          error={create.error}
          onSubmit={(values) => create.mutate(values)}
        />
      </section>
    </>
  );
}
