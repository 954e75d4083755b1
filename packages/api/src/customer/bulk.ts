import {
  bulkFileInput,
  bulkSubmitInput,
  bulkTemplateCsv,
  previewBulkPortIn,
  submitBulkPortIn,
} from "@portway/services";
import { customerProcedure, router } from "../trpc";

/** Bulk port-in from a CSV or XLSX file: the template, a preview of every row and the orders, then create. */
export const customerBulkRouter = router({
  template: customerProcedure.query(() => ({ fileName: "portway-bulk-port-in.csv", csv: bulkTemplateCsv() })),
  preview: customerProcedure.input(bulkFileInput).mutation(async ({ ctx, input }) => {
    const preview = await previewBulkPortIn(ctx.db, ctx.clock, ctx.owner, input);
    const { submissions: _submissions, ...shown } = preview;
    return shown;
  }),
  submit: customerProcedure
    .input(bulkSubmitInput)
    .mutation(({ ctx, input }) => submitBulkPortIn(ctx.db, ctx.clock, ctx.owner, input)),
});
