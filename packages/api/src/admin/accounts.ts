import { listCustomerAccounts } from "@portway/services";
import { router, staffProcedure } from "../trpc";

export const adminAccountsRouter = router({
  list: staffProcedure.query(({ ctx }) => listCustomerAccounts(ctx.db)),
});
