import { getSystemStatus } from "@portway/services";
import { router, staffProcedure } from "../trpc";

export const adminSystemRouter = router({
  status: staffProcedure.query(({ ctx }) =>
    getSystemStatus(ctx.db, { partnerUrl: ctx.config.partnerUrl, clock: ctx.clock }),
  ),
});
