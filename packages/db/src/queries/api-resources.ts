import { and, count, desc, eq, lt, or } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { documents, notes, webhookEvents } from "../schema/index";

/** A document's name, type and (for an LOA) signature date, as its metadata is changed. */
export async function updateDocumentMetadata(
  db: DbOrTx,
  documentId: string,
  values: { kind: string; fileName: string; signedAt: Date | null },
) {
  const [updated] = await db
    .update(documents)
    .set(values)
    .where(eq(documents.id, documentId))
    .returning({ id: documents.id, kind: documents.kind, fileName: documents.fileName });
  if (!updated) {
    throw new Error("document not updated");
  }
  return updated;
}

/** How many documents of a kind an order has. */
export async function countOrderDocumentsOfKind(db: DbOrTx, orderId: string, kind: string) {
  const [row] = await db
    .select({ n: count() })
    .from(documents)
    .where(and(eq(documents.orderId, orderId), eq(documents.kind, kind)));
  return row?.n ?? 0;
}

/** One note of one order. */
export async function findOrderNote(db: DbOrTx, where: { orderId: string; noteId: string }) {
  const rows = await db
    .select()
    .from(notes)
    .where(and(eq(notes.id, where.noteId), eq(notes.orderId, where.orderId)))
    .limit(1);
  return rows[0] ?? null;
}

export async function updateNoteBody(db: DbOrTx, noteId: string, body: string) {
  const [updated] = await db.update(notes).set({ body }).where(eq(notes.id, noteId)).returning();
  if (!updated) {
    throw new Error("note not updated");
  }
  return updated;
}

/**
 * A page of an account's event log, newest first (the account index's order), after a keyset cursor: the events
 * strictly older than (occurredAt, id). Optionally of one type or one order.
 */
export async function findAccountEvents(
  db: DbOrTx,
  where: {
    accountId: string;
    before: { occurredAt: Date; id: string } | null;
    type?: string;
    orderId?: string;
    limit: number;
  },
) {
  const filters = [eq(webhookEvents.accountId, where.accountId)];
  if (where.before) {
    const keyset = or(
      lt(webhookEvents.occurredAt, where.before.occurredAt),
      and(eq(webhookEvents.occurredAt, where.before.occurredAt), lt(webhookEvents.id, where.before.id)),
    );
    if (keyset) {
      filters.push(keyset);
    }
  }
  if (where.type) {
    filters.push(eq(webhookEvents.type, where.type));
  }
  if (where.orderId) {
    filters.push(eq(webhookEvents.orderId, where.orderId));
  }
  return db
    .select()
    .from(webhookEvents)
    .where(and(...filters))
    .orderBy(desc(webhookEvents.occurredAt), desc(webhookEvents.id))
    .limit(where.limit);
}

/** A document's file replaced in place: the same ID, kind and signature date; new bytes, type and name. */
export async function replaceDocumentFile(
  db: DbOrTx,
  documentId: string,
  values: { fileName: string; mediaType: string; size: number; sha256: string; content: Buffer; uploadedBy: string },
) {
  const [updated] = await db
    .update(documents)
    .set(values)
    .where(eq(documents.id, documentId))
    .returning({ id: documents.id, kind: documents.kind, fileName: documents.fileName });
  if (!updated) {
    throw new Error("document not replaced");
  }
  return updated;
}
