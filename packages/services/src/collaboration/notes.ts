import { type Db, type DbOrTx, findNotes, findOrderRow, insertNote } from "@portway/db";
import { idInput, textInput } from "@portway/domain";
import { z } from "zod";
import type { Clock } from "../clock";
import { notFound } from "../errors";
import { type NoteContext, recordNoteAdded } from "../notifications/record";

export const noteInput = z.object({
  orderId: idInput("The order id"),
  body: textInput(4000, "A note").min(1, { message: "Write a note first." }),
});
export const staffNoteInput = noteInput.extend({ internal: z.boolean().default(true) });

export type NoteSource = "USER" | "STAFF" | "PARTNER" | "CSR" | "SYSTEM";

/** Adds a note in the caller's transaction (partner messages and CSRs arrive this way too). */
export async function addNote(
  db: DbOrTx,
  input: {
    orderId: string;
    body: string;
    visibility: "CUSTOMER" | "INTERNAL";
    source: NoteSource;
    authorId?: string | null;
    authorName: string;
    at: Date;
  },
  known: NoteContext = {},
) {
  const note = await insertNote(db, {
    orderId: input.orderId,
    body: input.body,
    visibility: input.visibility,
    source: input.source,
    authorId: input.authorId ?? null,
    authorName: input.authorName,
    createdAt: input.at,
  });
  await recordNoteAdded(db, { ...input, id: note.id, authorId: input.authorId ?? null }, known);
  return note;
}

/** A customer's note on an order of their account. */
export async function addCustomerNote(
  db: Db,
  clock: Clock,
  who: { accountId: string; userId: string; name: string },
  input: z.infer<typeof noteInput>,
) {
  return db.transaction(async (tx) => {
    const order = await findOrderRow(tx, { orderId: input.orderId, accountId: who.accountId });
    if (!order) {
      throw notFound("The order");
    }
    return addNote(tx, {
      ...input,
      visibility: "CUSTOMER",
      source: "USER",
      authorId: who.userId,
      authorName: who.name,
      at: clock.now(),
    });
  });
}

/** A porting team note: internal unless said otherwise. */
export async function addStaffNote(
  db: Db,
  clock: Clock,
  who: { userId: string; name: string },
  input: z.infer<typeof staffNoteInput>,
) {
  return db.transaction(async (tx) => {
    const order = await findOrderRow(tx, { orderId: input.orderId });
    if (!order) {
      throw notFound("The order");
    }
    return addNote(tx, {
      orderId: input.orderId,
      body: input.body,
      visibility: input.internal ? "INTERNAL" : "CUSTOMER",
      source: "STAFF",
      authorId: who.userId,
      authorName: who.name,
      at: clock.now(),
    });
  });
}

export async function listNotes(db: DbOrTx, orderId: string, options: { includeInternal: boolean }) {
  return findNotes(db, orderId, options);
}
