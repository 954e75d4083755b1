import {
  changeStaffRole,
  changeStaffRoleInput,
  createStaffUser,
  createStaffUserInput,
  deactivateStaffInput,
  deactivateStaffUser,
  listStaffUsers,
} from "@portway/services";
import { leadProcedure, router } from "../trpc";

/** The porting team's own users: leads only, enforced here whatever the page shows. */
export const adminStaffRouter = router({
  list: leadProcedure.query(({ ctx }) => listStaffUsers(ctx.db)),
  create: leadProcedure
    .input(createStaffUserInput)
    .mutation(({ ctx, input }) => createStaffUser(ctx.db, ctx.clock, ctx.staff.userId, input)),
  changeRole: leadProcedure
    .input(changeStaffRoleInput)
    .mutation(({ ctx, input }) => changeStaffRole(ctx.db, ctx.clock, ctx.staff.userId, input)),
  deactivate: leadProcedure
    .input(deactivateStaffInput)
    .mutation(({ ctx, input }) => deactivateStaffUser(ctx.db, ctx.clock, ctx.staff.userId, input)),
});
