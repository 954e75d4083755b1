import { type Db, findOrderNote, findOrderRow, updateNoteBody } from "@portway/db";
import { notFound, ServiceError } from "../errors";
import { noteInput } from "./notes";

/** A note's new text: the same rules as a new note's. */
export const noteEditInput = noteInput.pick({ body: true });

/**
 * Changes the text of a customer-visible note that someone of the customer's account wrote, on an order of that
 * account (Bandwidth's rule: notes may be updated, never deleted). Notes of the porting team, the partner, a CSR or
 * the system are theirs: FORBIDDEN. An internal note, another order's or another account's is NOT_FOUND.
 */
export async function editCustomerNote(
  db: Db,
  who: { accountId: string },
  input: { orderId: string; noteId: string; body: string },
) {
  const body = noteEditInput.parse({ body: input.body }).body;
  return db.transaction(async (tx) => {
    const order = await findOrderRow(tx, { orderId: input.orderId, accountId: who.accountId });
    const note = order ? await findOrderNote(tx, { orderId: order.id, noteId: input.noteId }) : null;
    if (note?.visibility !== "CUSTOMER") {
      throw notFound("The note");
    }
    if (note.source !== "USER") {
      throw new ServiceError(
        "FORBIDDEN",
        "NOTE_NOT_YOURS",
        "Only notes written by your account can be changed; this one is the porting team's or the carrier's.",
        "noteId",
      );
    }
    return updateNoteBody(tx, note.id, body);
  });
}
