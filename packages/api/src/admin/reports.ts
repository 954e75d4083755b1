import { buildReports, reportCharts, reportCsv, reportsInput } from "@portway/services";
import { z } from "zod";
import { leadProcedure, router } from "../trpc";

export const adminReportsRouter = router({
  get: leadProcedure.input(reportsInput).query(({ ctx, input }) => buildReports(ctx.db, ctx.clock, input)),
  /** The table behind one chart as CSV. */
  csv: leadProcedure
    .input(reportsInput.extend({ chart: z.enum(reportCharts) }))
    .query(async ({ ctx, input }) => reportCsv(await buildReports(ctx.db, ctx.clock, input), input.chart)),
});
