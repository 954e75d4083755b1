"use client";

import { DOCUMENT_KINDS, type DocumentKind, isTerminalStatus } from "@portway/domain";
import { DocumentLinks, formatEastern } from "@portway/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Field } from "@/components/field";
import { SigningLinks } from "@/components/signing-links";
import { errorsByField, messagesFor } from "@/lib/errors";
import { readFileBase64 } from "@/lib/files";
import { useTRPC } from "@/trpc/react";
import type { OrderDetail } from "./order-types";

const kindLabels: Record<DocumentKind, string> = {
  LOA: "Letter of authorization (LOA)",
  BILL_COPY: "Bill copy",
  CSR: "Customer service record",
  OTHER: "Other",
};

function useRefresh(orderId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.orders.get.queryKey({ orderId }) });
}

function Notes({ detail }: { detail: OrderDetail }) {
  const trpc = useTRPC();
  const refresh = useRefresh(detail.order.id);
  const add = useMutation(trpc.notes.add.mutationOptions());
  const [body, setBody] = useState("");
  const [local, setLocal] = useState<string[]>([]);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) {
      setLocal(["Write a note first."]);
      return;
    }
    setLocal([]);
    try {
      await add.mutateAsync({ orderId: detail.order.id, body });
      setBody("");
      await refresh();
    } catch {
      // Shown below.
    }
  };
  return (
    <section className="card" aria-labelledby="order-notes">
      <h2 id="order-notes">Notes ({detail.notes.length})</h2>
      <ul className="messages">
        {detail.notes.map((note) => (
          <li key={note.id}>
            <div className="messages__head">
              <strong>{note.authorName ?? note.source}</strong> · {formatEastern(note.createdAt)}
            </div>
            <p className="messages__body">{note.body}</p>
          </li>
        ))}
      </ul>
      <form onSubmit={submit} noValidate aria-label="Add a note">
        <Field
          label="Add a note"
          errors={[...local, ...(add.error ? messagesFor(errorsByField(add.error), "body") : [])]}
        >
          {(ids) => (
            <textarea
              id={ids.id}
              aria-describedby={ids.describedBy}
              rows={2}
              value={body}
              onChange={(e) => setBody(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" disabled={add.isPending}>
          Add note
        </button>
      </form>
    </section>
  );
}

function Documents({ detail }: { detail: OrderDetail }) {
  const trpc = useTRPC();
  const refresh = useRefresh(detail.order.id);
  const upload = useMutation(trpc.documents.upload.mutationOptions());
  const [kind, setKind] = useState<DocumentKind>("LOA");
  const [file, setFile] = useState<File | null>(null);
  const [local, setLocal] = useState<string[]>([]);
  const readOnly = isTerminalStatus(detail.order.status);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setLocal(["Choose a file first."]);
      return;
    }
    setLocal([]);
    try {
      await upload.mutateAsync({
        orderId: detail.order.id,
        kind,
        fileName: file.name,
        contentBase64: await readFileBase64(file),
      });
      setFile(null);
      await refresh();
    } catch {
      // Shown below.
    }
  };
  const server = upload.error ? errorsByField(upload.error) : {};
  return (
    <section className="card" aria-labelledby="order-documents">
      <h2 id="order-documents">Documents ({detail.documents.length})</h2>
      {detail.documents.length === 0 ? (
        <p className="muted">No documents.</p>
      ) : (
        <ul className="item-list">
          {detail.documents.map((doc) => (
            <li key={doc.id}>
              {doc.fileName}{" "}
              <span className="muted">
                ({doc.kind}, {Math.ceil(doc.size / 1024)} KB)
              </span>{" "}
              <DocumentLinks doc={doc} />
            </li>
          ))}
        </ul>
      )}
      <SigningLinks
        orderId={detail.order.id}
        authorizingPerson={String(
          (detail.order.details as { loaAuthorizingPerson?: string }).loaAuthorizingPerson ?? "",
        )}
        readOnly={readOnly}
      />
      {readOnly ? (
        <p className="muted">Documents of a closed order are read-only.</p>
      ) : (
        <form onSubmit={submit} noValidate aria-label="Upload a document" className="inline-form">
          <label>
            Kind
            <select value={kind} onChange={(e) => setKind(e.target.value as DocumentKind)}>
              {DOCUMENT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {kindLabels[k]}
                </option>
              ))}
            </select>
          </label>
          <Field
            label="File (PDF, image, text, CSV, DOCX or XLSX; at most 3 MB)"
            errors={[...local, ...messagesFor(server, "file"), ...(server._form ?? [])]}
          >
            {(ids) => (
              <input
                id={ids.id}
                type="file"
                aria-describedby={ids.describedBy}
                onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              />
            )}
          </Field>
          <button type="submit" disabled={upload.isPending}>
            Upload
          </button>
        </form>
      )}
    </section>
  );
}

function TicketReply({ ticketId, orderId }: { ticketId: string; orderId: string }) {
  const trpc = useTRPC();
  const refresh = useRefresh(orderId);
  const reply = useMutation(trpc.tickets.reply.mutationOptions());
  const [body, setBody] = useState("");
  return (
    <form
      noValidate
      aria-label="Reply"
      onSubmit={async (event) => {
        event.preventDefault();
        try {
          await reply.mutateAsync({ ticketId, body, close: false });
          setBody("");
          await refresh();
        } catch {
          // Shown below.
        }
      }}
    >
      <Field label="Reply" errors={reply.error ? Object.values(errorsByField(reply.error)).flat() : []}>
        {(ids) => (
          <textarea
            id={ids.id}
            aria-describedby={ids.describedBy}
            rows={2}
            value={body}
            onChange={(e) => setBody(e.target.value)}
          />
        )}
      </Field>
      <button type="submit" disabled={reply.isPending}>
        Send reply
      </button>
    </form>
  );
}

function Tickets({ detail }: { detail: OrderDetail }) {
  const trpc = useTRPC();
  const refresh = useRefresh(detail.order.id);
  const open = useMutation(trpc.tickets.open.mutationOptions());
  const [subject, setSubject] = useState("");
  const [body, setBody] = useState("");
  const server = open.error ? errorsByField(open.error) : {};
  return (
    <section className="card" aria-labelledby="order-tickets">
      <h2 id="order-tickets">Tickets</h2>
      {detail.tickets.length === 0 ? <p className="muted">No conversation with the porting team yet.</p> : null}
      {detail.tickets.map((ticket) => (
        <article key={ticket.id} className="ticket" aria-label={`Ticket: ${ticket.subject}`}>
          <h3>
            {ticket.subject} <span className="muted">({ticket.status.toLowerCase()})</span>
          </h3>
          <ul className="messages">
            {ticket.messages.map((m) => (
              <li key={m.id}>
                <div className="messages__head">
                  <strong>{m.authorName ?? (m.authorKind === "STAFF" ? "Porting team" : "You")}</strong> ·{" "}
                  {formatEastern(m.createdAt)}
                </div>
                <p className="messages__body">{m.body}</p>
              </li>
            ))}
          </ul>
          {ticket.status !== "CLOSED" ? <TicketReply ticketId={ticket.id} orderId={detail.order.id} /> : null}
        </article>
      ))}
      <form
        noValidate
        aria-label="Talk to the porting team"
        onSubmit={async (event) => {
          event.preventDefault();
          try {
            await open.mutateAsync({ orderId: detail.order.id, subject, body });
            setSubject("");
            setBody("");
            await refresh();
          } catch {
            // Shown next to the fields.
          }
        }}
      >
        <h3>Talk to the porting team</h3>
        <Field label="Subject" errors={messagesFor(server, "subject")}>
          {(ids) => (
            <input
              id={ids.id}
              aria-describedby={ids.describedBy}
              value={subject}
              onChange={(e) => setSubject(e.target.value)}
            />
          )}
        </Field>
        <Field label="Message" errors={[...messagesFor(server, "body"), ...(server._form ?? [])]}>
          {(ids) => (
            <textarea
              id={ids.id}
              aria-describedby={ids.describedBy}
              rows={3}
              value={body}
              onChange={(e) => setBody(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" disabled={open.isPending}>
          Open ticket
        </button>
      </form>
    </section>
  );
}

export function OrderCollaboration({ detail }: { detail: OrderDetail }) {
  return (
    <div className="order-columns">
      <Tickets detail={detail} />
      <div>
        <Notes detail={detail} />
        <Documents detail={detail} />
      </div>
    </div>
  );
}
