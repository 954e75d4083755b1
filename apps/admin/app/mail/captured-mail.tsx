"use client";

import { formatEastern } from "@portway/ui";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTRPC } from "@/trpc/react";

const pageSize = 25;

/** Mail received by the local SMTP capture, newest first, filterable by recipient. */
export function CapturedMail() {
  const trpc = useTRPC();
  const [page, setPage] = useState(0);
  const [draft, setDraft] = useState("");
  const [to, setTo] = useState("");
  const mail = useQuery({
    ...trpc.mail.captured.queryOptions({ page, pageSize, ...(to ? { to } : {}) }),
    placeholderData: keepPreviousData,
    refetchInterval: 5_000,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTo(draft.trim());
    setPage(0);
  };
  const items = mail.data?.items ?? [];
  const total = mail.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <section className="card" aria-labelledby="mail-heading">
      <h2 id="mail-heading" className="sr-only">
        Captured mail
      </h2>
      <form className="nt-toolbar" onSubmit={submit}>
        <label htmlFor="mail-to">Recipient</label>
        <input
          id="mail-to"
          type="email"
          value={draft}
          placeholder="member@acme.test"
          onChange={(e) => setDraft(e.target.value)}
        />
        <button type="submit">Filter</button>
        {to ? (
          <button
            type="button"
            className="button--quiet"
            onClick={() => {
              setDraft("");
              setTo("");
            }}
          >
            Show all
          </button>
        ) : null}
        <span className="nt-toolbar__end" aria-live="polite">
          {total} message{total === 1 ? "" : "s"}
        </span>
      </form>
      {mail.error ? (
        <p role="alert" className="nt-error">
          {mail.error.message}
        </p>
      ) : null}
      {items.length === 0 && !mail.isPending ? <p className="nt-muted">No mail captured.</p> : null}
      {items.length > 0 ? (
        <table className="nt-table">
          <caption className="sr-only">Captured mail, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Received</th>
              <th scope="col">To</th>
              <th scope="col">Subject and body</th>
            </tr>
          </thead>
          <tbody>
            {items.map((m) => (
              <tr key={m.id}>
                <td>{formatEastern(m.receivedAt)}</td>
                <td>{m.toAddresses.join(", ")}</td>
                <td>
                  <details>
                    <summary>{m.subject || "(no subject)"}</summary>
                    <p className="nt-muted">
                      From {m.fromAddress} · {m.sizeBytes.toLocaleString("en-US")} bytes
                    </p>
                    <pre className="nt-pre">{m.bodyText}</pre>
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {pages > 1 ? (
        <nav className="nt-toolbar" aria-label="Mail pages">
          <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
            Newer
          </button>
          <span>
            Page {page + 1} of {pages}
          </span>
          <button type="button" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
            Older
          </button>
        </nav>
      ) : null}
    </section>
  );
}
