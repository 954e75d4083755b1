"use client";

import { formatEastern } from "@portway/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";
import { MutationError } from "./mutation-error";
import type { WorkbenchView } from "./workbench-types";

/** Notes (customer-visible and internal) with a form for a new one. */
export function NotesSection({ view }: { view: WorkbenchView }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const add = useMutation(trpc.orders.addNote.mutationOptions({ onSuccess: () => queryClient.invalidateQueries() }));
  return (
    <section className="card" aria-labelledby="notes-heading">
      <h2 id="notes-heading">Notes</h2>
      {view.notes.length === 0 ? <p>No notes yet.</p> : null}
      <ol className="thread">
        {view.notes.map((note) => (
          <li
            key={note.id}
            className={note.visibility === "INTERNAL" ? "thread__item thread__item--internal" : "thread__item"}
          >
            <p className="thread__meta">
              {note.authorName ?? note.source} · {formatEastern(note.createdAt)} ·{" "}
              {note.visibility === "INTERNAL" ? "internal (staff only)" : "customer can see"}
            </p>
            <p className="thread__body">{note.body}</p>
          </li>
        ))}
      </ol>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const form = event.currentTarget;
          const data = new FormData(form);
          add.mutate(
            {
              orderId: view.order.id,
              body: String(data.get("noteBody") ?? ""),
              internal: data.get("internal") === "on",
            },
            { onSuccess: () => form.reset() },
          );
        }}
      >
        <label>
          New note <textarea name="noteBody" rows={2} required />
        </label>
        <label className="checkbox">
          <input type="checkbox" name="internal" defaultChecked /> Internal (staff only)
        </label>
        <button type="submit" disabled={add.isPending}>
          Add note
        </button>
        <MutationError error={add.error} />
      </form>
    </section>
  );
}

function TicketReply({ ticketId, subject }: { ticketId: string; subject: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const reply = useMutation(trpc.tickets.reply.mutationOptions({ onSuccess: () => queryClient.invalidateQueries() }));
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        const form = event.currentTarget;
        const data = new FormData(form);
        reply.mutate(
          { ticketId, body: String(data.get("replyBody") ?? ""), close: data.get("close") === "on" },
          { onSuccess: () => form.reset() },
        );
      }}
    >
      <label>
        Reply to “{subject}” <textarea name="replyBody" rows={3} required />
      </label>
      <label className="checkbox">
        <input type="checkbox" name="close" /> Close the ticket with this reply
      </label>
      <button type="submit" disabled={reply.isPending}>
        Send reply
      </button>
      <MutationError error={reply.error} />
    </form>
  );
}

/** Tickets: the customer's questions and the porting team's answers; both sides see the whole thread. */
export function TicketsSection({ view }: { view: WorkbenchView }) {
  return (
    <section className="card" id="tickets" aria-labelledby="tickets-heading">
      <h2 id="tickets-heading">Tickets</h2>
      {view.tickets.length === 0 ? <p>The customer has not opened a ticket on this order.</p> : null}
      {view.tickets.map((ticket) => (
        <article key={ticket.id} className="ticket" aria-label={`Ticket ${ticket.subject}`}>
          <h3>
            {ticket.subject} <small>({ticket.status.toLowerCase()})</small>
          </h3>
          <ol className="thread">
            {ticket.messages.map((message) => (
              <li key={message.id} className="thread__item">
                <p className="thread__meta">
                  {message.authorName ?? message.authorKind} · {formatEastern(message.createdAt)}
                </p>
                <p className="thread__body">{message.body}</p>
              </li>
            ))}
          </ol>
          {ticket.status === "OPEN" ? <TicketReply ticketId={ticket.id} subject={ticket.subject} /> : null}
        </article>
      ))}
    </section>
  );
}
