import { type DbOrTx, findDraft, findDraftDocuments } from "@portway/db";
import { notFound } from "../errors";

/** The documents uploaded to one of the account's drafts (they move to the orders at submit). */
export async function listDraftDocuments(db: DbOrTx, where: { accountId: string; draftId: string }) {
  if (!(await findDraft(db, where))) {
    throw notFound("The draft");
  }
  return findDraftDocuments(db, where.accountId, where.draftId);
}
