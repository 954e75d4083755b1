import { bulkAssign, bulkAssignInput, bulkRecordSuppAnswer, bulkSuppAnswerInput } from "@portway/services";
import { router, staffProcedure } from "../trpc";

/** Bulk work in the queues: several selected rows at once, all or none. */
export const adminBulkRouter = router({
  assign: staffProcedure
    .input(bulkAssignInput)
    .mutation(({ ctx, input }) => bulkAssign(ctx.db, ctx.clock, ctx.staff.userId, input)),
  suppAnswer: staffProcedure
    .input(bulkSuppAnswerInput)
    .mutation(({ ctx, input }) => bulkRecordSuppAnswer(ctx.db, ctx.clock, ctx.acting, input)),
});
