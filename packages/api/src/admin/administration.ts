import { idInput } from "@portway/domain";
import {
  addHoliday,
  addHolidayInput,
  carrierRulesInput,
  changeCustomerAccount,
  changeCustomerUserRole,
  changeRoleInput,
  createAccountInput,
  createCustomerAccount,
  createCustomerUser,
  createUserInput,
  deactivateCustomerUser,
  deactivateUserInput,
  getAccountWithUsers,
  listHolidayCalendar,
  removeHoliday,
  removeHolidayInput,
  setCarrierRules,
  updateAccountInput,
} from "@portway/services";
import { z } from "zod";
import { leadProcedure, router } from "../trpc";
import { staffAct } from "./staff-act";

/** Administration of the porting team: leads only, enforced here on the server. */
export const adminAdministrationRouter = router({
  account: leadProcedure
    .input(z.object({ accountId: idInput("The account id") }))
    .query(({ ctx, input }) => getAccountWithUsers(ctx.db, input.accountId)),
  createAccount: leadProcedure
    .input(createAccountInput)
    .mutation(({ ctx, input }) => createCustomerAccount(ctx.db, input, staffAct(ctx))),
  updateAccount: leadProcedure
    .input(updateAccountInput)
    .mutation(({ ctx, input }) => changeCustomerAccount(ctx.db, input, staffAct(ctx))),
  createUser: leadProcedure
    .input(createUserInput)
    .mutation(({ ctx, input }) => createCustomerUser(ctx.db, input, staffAct(ctx))),
  changeUserRole: leadProcedure
    .input(changeRoleInput)
    .mutation(({ ctx, input }) => changeCustomerUserRole(ctx.db, input, staffAct(ctx))),
  deactivateUser: leadProcedure
    .input(deactivateUserInput)
    .mutation(({ ctx, input }) => deactivateCustomerUser(ctx.db, input, ctx.clock.now(), staffAct(ctx))),
  setCarrierRules: leadProcedure
    .input(carrierRulesInput)
    .mutation(({ ctx, input }) => setCarrierRules(ctx.db, input, staffAct(ctx))),
  holidays: leadProcedure.query(({ ctx }) => listHolidayCalendar(ctx.db)),
  addHoliday: leadProcedure
    .input(addHolidayInput)
    .mutation(({ ctx, input }) => addHoliday(ctx.db, input, staffAct(ctx))),
  removeHoliday: leadProcedure
    .input(removeHolidayInput)
    .mutation(({ ctx, input }) => removeHoliday(ctx.db, input, staffAct(ctx))),
});
