import { idInput } from "@portway/domain";
import { documentUploadInput, removeOrderDocument, uploadOrderDocument } from "@portway/services";
import { z } from "zod";
import { customerProcedure, router } from "../trpc";

export const customerDocumentsRouter = router({
  upload: customerProcedure
    .input(documentUploadInput)
    .mutation(({ ctx, input }) =>
      uploadOrderDocument(ctx.db, ctx.clock, { accountId: ctx.account.id, userId: ctx.user.userId }, input),
    ),
  remove: customerProcedure
    .input(z.object({ documentId: idInput("The document id") }))
    .mutation(({ ctx, input }) => removeOrderDocument(ctx.db, { accountId: ctx.account.id }, input)),
});
