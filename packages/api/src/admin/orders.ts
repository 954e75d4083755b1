import {
  addStaffNote,
  assignInput,
  assignWork,
  exportOrdersCsv,
  getOrderDetail,
  getOrderWorkbench,
  listOrders,
  orderFiltersInput,
  orderListInput,
  recordEventInput,
  recordOrderEvent,
  staffNoteInput,
} from "@portway/services";
import { z } from "zod";
import { router, staffProcedure } from "../trpc";

const staffListInput = orderListInput.extend({ accountId: z.string().uuid().optional() });

export const adminOrdersRouter = router({
  list: staffProcedure
    .input(staffListInput)
    .query(({ ctx, input }) => listOrders(ctx.db, { allAccounts: true, accountId: input.accountId }, input)),
  get: staffProcedure
    .input(z.object({ orderId: z.string().uuid() }))
    .query(({ ctx, input }) =>
      getOrderDetail(ctx.db, { orderId: input.orderId }, { staff: true, now: ctx.clock.now() }),
    ),
  /** The order workbench: the staff view plus raw partner messages and the job history. */
  workbench: staffProcedure
    .input(z.object({ orderId: z.string().uuid() }))
    .query(({ ctx, input }) => getOrderWorkbench(ctx.db, ctx.clock, input.orderId)),
  exportCsv: staffProcedure.input(orderFiltersInput).query(async ({ ctx, input }) => {
    let csv = "";
    for await (const chunk of exportOrdersCsv(ctx.db, { allAccounts: true }, input)) {
      csv += chunk;
    }
    return csv;
  }),
  record: staffProcedure
    .input(recordEventInput)
    .mutation(({ ctx, input }) => recordOrderEvent(ctx.db, ctx.clock, ctx.acting, input)),
  assign: staffProcedure
    .input(assignInput)
    .mutation(({ ctx, input }) => assignWork(ctx.db, input, ctx.staff.userId, ctx.clock.now())),
  addNote: staffProcedure
    .input(staffNoteInput)
    .mutation(({ ctx, input }) =>
      addStaffNote(ctx.db, ctx.clock, { userId: ctx.staff.userId, name: ctx.staff.name }, input),
    ),
});
