import { carrierInsightInput, getCarrierInsight } from "@portway/services";
import { router, staffProcedure } from "../trpc";

export const adminInsightRouter = router({
  /** A losing carrier's statistics over the last 90 days and their weekly trend. */
  carrier: staffProcedure.input(carrierInsightInput).query(({ ctx, input }) => getCarrierInsight(ctx.db, input)),
});
