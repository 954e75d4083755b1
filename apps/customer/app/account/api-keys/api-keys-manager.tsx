"use client";

import { formatEastern } from "@portway/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { errorsByField, messagesFor } from "@/lib/errors";
import { useTRPC } from "@/trpc/react";

/** Create (shown once), list and revoke the account's API keys. */
export function ApiKeysManager() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const keys = useQuery(trpc.apiKeys.list.queryOptions());
  const [name, setName] = useState("");
  const [role, setRole] = useState<"member" | "admin">("member");
  const [created, setCreated] = useState<{ name: string; key: string; role: string } | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.apiKeys.list.queryKey() });
  const create = useMutation({
    ...trpc.apiKeys.create.mutationOptions(),
    onSuccess: async (data) => {
      setCreated({ name: data.name, key: data.key, role: data.role });
      setName("");
      setRole("member");
      await refresh();
    },
  });
  const revoke = useMutation({ ...trpc.apiKeys.revoke.mutationOptions(), onSuccess: refresh });
  const nameErrors = messagesFor(errorsByField(create.error), "name");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name, role });
  };
  const rows = keys.data ?? [];
  return (
    <>
      {created ? (
        <div className="nt-notice nt-notice--good" role="status">
          <p>
            Key “{created.name}” ({created.role}) created. Copy it now: it is shown only this once and stored only as a
            hash.
          </p>
          <p>
            <code className="nt-secret" data-testid="new-api-key">
              {created.key}
            </code>
          </p>
        </div>
      ) : null}
      <section className="card" aria-labelledby="new-key-heading">
        <h2 id="new-key-heading">Create a key</h2>
        <form className="nt-form" onSubmit={submit} noValidate>
          <div className="nt-field">
            <label htmlFor="key-name">Name</label>
            <input
              id="key-name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              aria-invalid={nameErrors.length > 0}
              aria-describedby="key-name-hint key-name-errors"
            />
            <p className="nt-hint" id="key-name-hint">
              Name it after the system that uses it, so you know what breaks when you revoke it.
            </p>
            <div id="key-name-errors">
              {nameErrors.map((m) => (
                <p key={m} className="nt-error">
                  {m}
                </p>
              ))}
            </div>
          </div>
          <fieldset className="nt-field">
            <legend>Role</legend>
            <label>
              <input
                type="radio"
                name="key-role"
                value="member"
                checked={role === "member"}
                onChange={() => setRole("member")}
              />{" "}
              Member: checks numbers, submits and follows orders
            </label>
            <label>
              <input
                type="radio"
                name="key-role"
                value="admin"
                checked={role === "admin"}
                onChange={() => setRole("admin")}
              />{" "}
              Admin: also lists, changes and rotates the account's webhooks
            </label>
          </fieldset>
          <div className="nt-actions">
            <button type="submit" disabled={create.isPending}>
              Create key
            </button>
          </div>
        </form>
      </section>
      <section className="card" aria-labelledby="keys-heading">
        <h2 id="keys-heading">Keys</h2>
        {keys.error ? (
          <p role="alert" className="nt-error">
            {keys.error.message}
          </p>
        ) : null}
        {revoke.error ? (
          <p role="alert" className="nt-error">
            {revoke.error.message}
          </p>
        ) : null}
        {rows.length === 0 && !keys.isPending ? <p className="nt-muted">No keys yet.</p> : null}
        {rows.length > 0 ? (
          <table className="nt-table">
            <caption className="sr-only">API keys of this account</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Key starts with</th>
                <th scope="col">Role</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">State</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((k) => (
                <tr key={k.id}>
                  <td>{k.name}</td>
                  <td>
                    <code>{k.prefix}_…</code>
                  </td>
                  <td>{k.role}</td>
                  <td>
                    {formatEastern(k.createdAt)}
                    {k.createdByName ? ` by ${k.createdByName}` : ""}
                  </td>
                  <td>{k.lastUsedAt ? formatEastern(k.lastUsedAt) : "never"}</td>
                  <td>
                    {k.revokedAt ? (
                      <span className="badge badge--neutral">revoked {formatEastern(k.revokedAt)}</span>
                    ) : (
                      <button
                        type="button"
                        className="button--quiet"
                        disabled={revoke.isPending}
                        aria-label={`Revoke key ${k.name}`}
                        onClick={() => {
                          if (window.confirm(`Revoke “${k.name}”? Calls with it are refused at once.`)) {
                            revoke.mutate({ keyId: k.id });
                          }
                        }}
                      >
                        Revoke
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
    </>
  );
}
