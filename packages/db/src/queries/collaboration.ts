import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { documents, notes, ticketMessages, tickets } from "../schema/index";

export async function insertNote(db: DbOrTx, row: typeof notes.$inferInsert) {
  const [inserted] = await db.insert(notes).values(row).returning();
  if (!inserted) {
    throw new Error("note not inserted");
  }
  return inserted;
}

/** An order's notes; customers never see internal ones. */
export async function findNotes(db: DbOrTx, orderId: string, options: { includeInternal: boolean }) {
  const where = options.includeInternal
    ? eq(notes.orderId, orderId)
    : and(eq(notes.orderId, orderId), eq(notes.visibility, "CUSTOMER"));
  return db.select().from(notes).where(where).orderBy(asc(notes.createdAt), asc(notes.id));
}

export async function insertDocument(db: DbOrTx, row: typeof documents.$inferInsert) {
  const [inserted] = await db.insert(documents).values(row).returning({ id: documents.id });
  if (!inserted) {
    throw new Error("document not inserted");
  }
  return inserted;
}

const documentListColumns = {
  id: documents.id,
  orderId: documents.orderId,
  draftId: documents.draftId,
  kind: documents.kind,
  fileName: documents.fileName,
  mediaType: documents.mediaType,
  size: documents.size,
  signedAt: documents.signedAt,
  createdAt: documents.createdAt,
};

export async function findOrderDocuments(db: DbOrTx, orderId: string) {
  return db
    .select(documentListColumns)
    .from(documents)
    .where(eq(documents.orderId, orderId))
    .orderBy(asc(documents.createdAt));
}

export async function findDraftDocuments(db: DbOrTx, accountId: string, draftId: string) {
  return db
    .select(documentListColumns)
    .from(documents)
    .where(and(eq(documents.accountId, accountId), eq(documents.draftId, draftId)))
    .orderBy(asc(documents.createdAt));
}

/** One document with its content; with an account ID, another account's document is not found. */
export async function findDocument(db: DbOrTx, where: { documentId: string; accountId?: string }) {
  const filters = [eq(documents.id, where.documentId)];
  if (where.accountId) {
    filters.push(eq(documents.accountId, where.accountId));
  }
  const rows = await db
    .select()
    .from(documents)
    .where(and(...filters))
    .limit(1);
  return rows[0] ?? null;
}

export async function deleteDocument(db: DbOrTx, documentId: string) {
  await db.delete(documents).where(eq(documents.id, documentId));
}

/** Moves a draft's documents onto the orders created from it. */
export async function attachDraftDocuments(db: DbOrTx, draftId: string, orderId: string) {
  await db
    .update(documents)
    .set({ orderId })
    .where(and(eq(documents.draftId, draftId), isNull(documents.orderId)));
}

export async function insertTicket(db: DbOrTx, row: typeof tickets.$inferInsert) {
  const [inserted] = await db.insert(tickets).values(row).returning();
  if (!inserted) {
    throw new Error("ticket not inserted");
  }
  return inserted;
}

export async function insertTicketMessage(db: DbOrTx, row: typeof ticketMessages.$inferInsert) {
  await db.insert(ticketMessages).values(row);
}

export async function updateTicket(db: DbOrTx, ticketId: string, values: Partial<typeof tickets.$inferInsert>) {
  await db.update(tickets).set(values).where(eq(tickets.id, ticketId));
}

export async function findTicket(db: DbOrTx, where: { ticketId: string; accountId?: string }) {
  const filters = [eq(tickets.id, where.ticketId)];
  if (where.accountId) {
    filters.push(eq(tickets.accountId, where.accountId));
  }
  const rows = await db
    .select()
    .from(tickets)
    .where(and(...filters))
    .limit(1);
  return rows[0] ?? null;
}

/** The tickets of an order with their messages, oldest message first. */
export async function findOrderTickets(db: DbOrTx, orderId: string) {
  const rows = await db.select().from(tickets).where(eq(tickets.orderId, orderId)).orderBy(desc(tickets.createdAt));
  if (rows.length === 0) {
    return [];
  }
  const messages = await db
    .select()
    .from(ticketMessages)
    .where(
      inArray(
        ticketMessages.ticketId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(ticketMessages.createdAt), asc(ticketMessages.id));
  return rows.map((ticket) => ({ ...ticket, messages: messages.filter((m) => m.ticketId === ticket.id) }));
}

export async function countOpenTickets(db: DbOrTx) {
  const rows = await db.select({ n: sql<number>`count(*)::int` }).from(tickets).where(eq(tickets.status, "OPEN"));
  return rows[0]?.n ?? 0;
}
