import { getCustomerHome } from "@portway/services";
import { customerProcedure, router } from "../trpc";

export const customerHomeRouter = router({
  /** What needs the customer now, and the upcoming FOCs. */
  summary: customerProcedure.query(({ ctx }) =>
    getCustomerHome(ctx.db, { accountId: ctx.account.id, now: ctx.clock.now() }),
  ),
});
