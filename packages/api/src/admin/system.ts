import { getSystemStatus } from "@portway/services";
import { router, staffProcedure } from "../trpc";

export const adminSystemRouter = router({
  status: staffProcedure.query(({ ctx }) =>
    getSystemStatus(ctx.db, { simulatorUrl: ctx.config.simulatorUrl, clock: ctx.clock }),
  ),
});
