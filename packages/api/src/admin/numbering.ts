import { applyNumberingImport, listCarriers, numberingImportInput, previewNumberingImport } from "@portway/services";
import { leadProcedure, router, staffProcedure } from "../trpc";
import { staffAct } from "./staff-act";

export const adminNumberingRouter = router({
  carriers: staffProcedure.query(({ ctx }) => listCarriers(ctx.db)),
  /** Validates a CSV of blocks and coverage row by row; writes nothing. */
  previewImport: leadProcedure
    .input(numberingImportInput)
    .mutation(({ ctx, input }) => previewNumberingImport(ctx.db, input.csv)),
  /** Applies a CSV all or nothing; with any bad row the report comes back and nothing is written. */
  applyImport: leadProcedure
    .input(numberingImportInput)
    .mutation(({ ctx, input }) => applyNumberingImport(ctx.db, input.csv, staffAct(ctx))),
});
