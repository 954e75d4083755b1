import { replyToTicket, ticketReplyInput } from "@portway/services";
import { router, staffProcedure } from "../trpc";

export const adminTicketsRouter = router({
  reply: staffProcedure
    .input(ticketReplyInput)
    .mutation(({ ctx, input }) =>
      replyToTicket(ctx.db, ctx.clock, { kind: "STAFF", userId: ctx.staff.userId, name: ctx.staff.name }, input),
    ),
});
