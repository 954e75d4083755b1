import { getQueueCounts, listManualQueue, listOrders, listStaff, listTicketQueue, queueInput } from "@portway/services";
import { router, staffProcedure } from "../trpc";

export const adminQueuesRouter = router({
  counts: staffProcedure.query(({ ctx }) => getQueueCounts(ctx.db)),
  staff: staffProcedure.query(({ ctx }) => listStaff(ctx.db)),
  projectPorts: staffProcedure
    .input(queueInput)
    .query(({ ctx, input }) => listManualQueue(ctx.db, "projectPorts", ctx.staff.userId, input)),
  shortNotice: staffProcedure
    .input(queueInput)
    .query(({ ctx, input }) => listManualQueue(ctx.db, "shortNotice", ctx.staff.userId, input)),
  exceptions: staffProcedure
    .input(queueInput)
    .query(({ ctx, input }) =>
      listOrders(
        ctx.db,
        { allAccounts: true },
        { page: input.page, pageSize: input.pageSize, sort: "createdAt", direction: "asc", statuses: ["EXCEPTION"] },
      ),
    ),
  tickets: staffProcedure.input(queueInput).query(({ ctx, input }) => listTicketQueue(ctx.db, ctx.staff.userId, input)),
});
