import {
  addAccountUser,
  addAccountUserInput,
  changeAccountUserRole,
  changeAccountUserRoleInput,
  deactivateAccountUser,
  deactivateAccountUserInput,
  listAccountUsers,
} from "@portway/services";
import { customerProcedure, router } from "../trpc";

export const customerAccountRouter = router({
  /** The users of the signed-in user's account, with their roles. */
  users: customerProcedure.query(({ ctx }) => listAccountUsers(ctx.db, ctx.account.id)),
  /** Account admins only: add a user, change a role, deactivate a user (never the account's last admin). */
  addUser: customerProcedure
    .input(addAccountUserInput)
    .mutation(({ ctx, input }) => addAccountUser(ctx.db, ctx.user, input)),
  changeRole: customerProcedure
    .input(changeAccountUserRoleInput)
    .mutation(({ ctx, input }) => changeAccountUserRole(ctx.db, ctx.user, input)),
  deactivateUser: customerProcedure
    .input(deactivateAccountUserInput)
    .mutation(({ ctx, input }) => deactivateAccountUser(ctx.db, ctx.user, input)),
});
