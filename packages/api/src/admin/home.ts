import { getStaffHome } from "@portway/services";
import { router, staffProcedure } from "../trpc";

/** The admin home: the day's work of the signed-in member of the porting team. */
export const adminHomeRouter = router({
  today: staffProcedure.query(({ ctx }) => getStaffHome(ctx.db, ctx.clock, ctx.staff.userId)),
});
