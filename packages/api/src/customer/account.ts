import { listAccountUsers } from "@portway/services";
import { customerProcedure, router } from "../trpc";

export const customerAccountRouter = router({
  /** The users of the signed-in user's account, with their roles. */
  users: customerProcedure.query(({ ctx }) => listAccountUsers(ctx.db, ctx.account.id)),
});
