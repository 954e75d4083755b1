import { cancelRequestSchema, focRequestSchema, idInput, orderEditSchema } from "@portway/domain";
import {
  cancelOrder,
  editOrder,
  exportOrdersCsv,
  getOrderDetail,
  listOrders,
  orderFiltersInput,
  orderListInput,
  requestActivation,
  rescheduleOrder,
  resubmitOrder,
} from "@portway/services";
import { z } from "zod";
import { customerProcedure, router } from "../trpc";

const orderRef = z.object({ orderId: idInput("The order id") });
const versionedRef = orderRef.extend({ baseVersion: z.int().min(1) });

export const customerOrdersRouter = router({
  list: customerProcedure
    .input(orderListInput)
    .query(({ ctx, input }) => listOrders(ctx.db, { accountId: ctx.account.id }, input)),
  get: customerProcedure
    .input(orderRef)
    .query(({ ctx, input }) =>
      getOrderDetail(
        ctx.db,
        { orderId: input.orderId, accountId: ctx.account.id },
        { staff: false, now: ctx.clock.now() },
      ),
    ),
  exportCsv: customerProcedure.input(orderFiltersInput).query(async ({ ctx, input }) => {
    let csv = "";
    for await (const chunk of exportOrdersCsv(ctx.db, { accountId: ctx.account.id }, input)) {
      csv += chunk;
    }
    return csv;
  }),
  edit: customerProcedure
    .input(orderEditSchema)
    .mutation(({ ctx, input }) => editOrder(ctx.db, ctx.clock, ctx.acting, input)),
  reschedule: customerProcedure
    .input(focRequestSchema)
    .mutation(({ ctx, input }) => rescheduleOrder(ctx.db, ctx.clock, ctx.acting, input)),
  cancel: customerProcedure
    .input(cancelRequestSchema)
    .mutation(({ ctx, input }) => cancelOrder(ctx.db, ctx.clock, ctx.acting, input)),
  resubmit: customerProcedure
    .input(versionedRef)
    .mutation(({ ctx, input }) => resubmitOrder(ctx.db, ctx.clock, ctx.acting, input)),
  activate: customerProcedure
    .input(versionedRef)
    .mutation(({ ctx, input }) => requestActivation(ctx.db, ctx.clock, ctx.acting, input)),
});
