import { getCustomerAccount } from "@portway/services";
import { TRPCError } from "@trpc/server";
import { customerProcedure, router } from "../trpc";

export const customerMeRouter = router({
  get: customerProcedure.query(async ({ ctx }) => {
    const account = await getCustomerAccount(ctx.db, ctx.account.id);
    if (!account) {
      throw new TRPCError({ code: "NOT_FOUND", message: "Your customer account no longer exists." });
    }
    return {
      user: { name: ctx.user.name, email: ctx.user.email, role: ctx.user.role },
      account: { id: account.id, name: account.name },
      /** Business time (the sandbox clock outside production): what FOC pickers and countdowns count from. */
      now: ctx.clock.now(),
    };
  }),
});
