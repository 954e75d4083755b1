import { idInput } from "@portway/domain";
import {
  draftDocumentUploadInput,
  draftSaveInput,
  generateDraftLoa,
  getDraft,
  listDraftDocuments,
  listDrafts,
  removeDraft,
  saveDraft,
  uploadDraftDocument,
} from "@portway/services";
import { z } from "zod";
import { customerProcedure, router } from "../trpc";

const draftRef = z.object({ draftId: idInput("The draft id") });

export const customerDraftsRouter = router({
  list: customerProcedure.query(({ ctx }) => listDrafts(ctx.db, ctx.owner)),
  get: customerProcedure.input(draftRef).query(({ ctx, input }) => getDraft(ctx.db, ctx.owner, input.draftId)),
  save: customerProcedure
    .input(draftSaveInput)
    .mutation(({ ctx, input }) => saveDraft(ctx.db, ctx.clock, ctx.owner, input)),
  remove: customerProcedure.input(draftRef).mutation(({ ctx, input }) => removeDraft(ctx.db, ctx.owner, input.draftId)),
  /** A filled-in LOA PDF of the draft for the end user to sign (base64). */
  generateLoa: customerProcedure
    .input(draftRef)
    .mutation(({ ctx, input }) =>
      generateDraftLoa(ctx.db, { accountId: ctx.account.id, draftId: input.draftId, now: ctx.clock.now() }),
    ),
  documents: customerProcedure
    .input(draftRef)
    .query(({ ctx, input }) => listDraftDocuments(ctx.db, { accountId: ctx.account.id, draftId: input.draftId })),
  uploadDocument: customerProcedure
    .input(draftDocumentUploadInput)
    .mutation(({ ctx, input }) => uploadDraftDocument(ctx.db, ctx.clock, ctx.owner, input)),
});
