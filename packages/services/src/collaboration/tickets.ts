import { type Db, findOrderRow, findTicket, insertTicket, insertTicketMessage, updateTicket } from "@portway/db";
import { idInput, textInput } from "@portway/domain";
import { z } from "zod";
import type { Clock } from "../clock";
import { notFound, ServiceError } from "../errors";
import { recordTicketMessage } from "../notifications/record";

export const openTicketInput = z.object({
  orderId: idInput("The order id"),
  subject: textInput(200, "The subject").min(1, { message: "Give the ticket a subject." }),
  body: textInput(8000, "The message").min(1, { message: "Say what you need from the porting team." }),
});
export const ticketReplyInput = z.object({
  ticketId: idInput("The ticket id"),
  body: textInput(8000, "The reply").min(1, { message: "Write a reply first." }),
  close: z.boolean().default(false),
});

/** "Talk to the porting team" about one order. */
export async function openTicket(
  db: Db,
  clock: Clock,
  who: { accountId: string; userId: string; name: string },
  input: z.infer<typeof openTicketInput>,
) {
  return db.transaction(async (tx) => {
    const order = await findOrderRow(tx, { orderId: input.orderId, accountId: who.accountId });
    if (!order) {
      throw notFound("The order");
    }
    const now = clock.now();
    const ticket = await insertTicket(tx, {
      accountId: who.accountId,
      orderId: order.id,
      subject: input.subject,
      status: "OPEN",
      createdBy: who.userId,
      createdAt: now,
      updatedAt: now,
    });
    await insertTicketMessage(tx, {
      ticketId: ticket.id,
      authorKind: "USER",
      authorId: who.userId,
      authorName: who.name,
      body: input.body,
      createdAt: now,
    });
    await recordTicketMessage(tx, {
      ticketId: ticket.id,
      orderId: order.id,
      accountId: who.accountId,
      subject: input.subject,
      body: input.body,
      fromStaff: false,
      opened: true,
      status: "OPEN",
      authorId: who.userId,
      authorName: who.name,
      at: now,
    });
    return { id: ticket.id };
  });
}

/** A message on a ticket: from the customer it waits for the porting team, from staff for the customer. */
export async function replyToTicket(
  db: Db,
  clock: Clock,
  who: { kind: "USER" | "STAFF"; accountId?: string; userId: string; name: string },
  input: z.infer<typeof ticketReplyInput>,
) {
  return db.transaction(async (tx) => {
    const ticket = await findTicket(tx, {
      ticketId: input.ticketId,
      ...(who.accountId ? { accountId: who.accountId } : {}),
    });
    if (!ticket) {
      throw notFound("The ticket");
    }
    if (ticket.status === "CLOSED" && who.kind === "STAFF") {
      throw new ServiceError("PRECONDITION", "TICKET_CLOSED", "This ticket is closed.", "ticketId");
    }
    const now = clock.now();
    await insertTicketMessage(tx, {
      ticketId: ticket.id,
      authorKind: who.kind,
      authorId: who.userId,
      authorName: who.name,
      body: input.body,
      createdAt: now,
    });
    const status = input.close ? "CLOSED" : who.kind === "STAFF" ? "ANSWERED" : "OPEN";
    await updateTicket(tx, ticket.id, {
      status,
      updatedAt: now,
      ...(who.kind === "STAFF" && !ticket.assignedTo ? { assignedTo: who.userId } : {}),
    });
    await recordTicketMessage(tx, {
      ticketId: ticket.id,
      orderId: ticket.orderId,
      accountId: ticket.accountId,
      subject: ticket.subject,
      body: input.body,
      fromStaff: who.kind === "STAFF",
      opened: false,
      status,
      authorId: who.userId,
      authorName: who.name,
      at: now,
    });
    return { id: ticket.id, status };
  });
}
