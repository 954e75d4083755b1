import { openTicket, openTicketInput, replyToTicket, ticketReplyInput } from "@portway/services";
import { customerProcedure, router } from "../trpc";

export const customerTicketsRouter = router({
  open: customerProcedure
    .input(openTicketInput)
    .mutation(({ ctx, input }) =>
      openTicket(ctx.db, ctx.clock, { accountId: ctx.account.id, userId: ctx.user.userId, name: ctx.user.name }, input),
    ),
  reply: customerProcedure
    .input(ticketReplyInput)
    .mutation(({ ctx, input }) =>
      replyToTicket(
        ctx.db,
        ctx.clock,
        { kind: "USER", accountId: ctx.account.id, userId: ctx.user.userId, name: ctx.user.name },
        input,
      ),
    ),
});
