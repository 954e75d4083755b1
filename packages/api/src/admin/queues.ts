import {
  deadLetterListInput,
  getQueueCounts,
  listDeadLetters,
  listManualQueue,
  listOrderQueue,
  listStaff,
  listTicketQueue,
  queueInput,
  retryDeadLetter,
  retryDeadLetterInput,
} from "@portway/services";
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
    .query(({ ctx, input }) => listOrderQueue(ctx.db, "exceptions", ctx.staff.userId, input)),
  stuck: staffProcedure
    .input(queueInput)
    .query(({ ctx, input }) => listOrderQueue(ctx.db, "stuck", ctx.staff.userId, input)),
  tickets: staffProcedure.input(queueInput).query(({ ctx, input }) => listTicketQueue(ctx.db, ctx.staff.userId, input)),
  /** Failed partner deliveries (dead-lettered jobs). */
  deadLetters: staffProcedure
    .input(deadLetterListInput)
    .query(({ ctx, input }) => listDeadLetters(ctx.db, ctx.staff.userId, input)),
  retryDeadLetter: staffProcedure
    .input(retryDeadLetterInput)
    .mutation(({ ctx, input }) =>
      retryDeadLetter(ctx.db, ctx.clock, { userId: ctx.staff.userId, name: ctx.staff.name }, input.deadLetterId),
    ),
});
