import { listOrders, orderListInput } from "@portway/services";
import { customerProcedure, router } from "../trpc";

export const customerOrdersRouter = router({
  list: customerProcedure.input(orderListInput).query(({ ctx, input }) => listOrders(ctx.db, ctx.account.id, input)),
});
