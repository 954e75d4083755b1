import { previewSubmission, submissionInput, submitPortRequest } from "@portway/services";
import { customerProcedure, router } from "../trpc";

export const customerSubmissionsRouter = router({
  /** The split into orders, port types, earliest FOC, warnings and every error, before anything is created. */
  preview: customerProcedure
    .input(submissionInput)
    .query(({ ctx, input }) => previewSubmission(ctx.db, ctx.clock, ctx.owner, input)),
  submit: customerProcedure
    .input(submissionInput)
    .mutation(({ ctx, input }) => submitPortRequest(ctx.db, ctx.clock, ctx.owner, input)),
});
