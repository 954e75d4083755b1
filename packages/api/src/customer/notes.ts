import { addCustomerNote, noteInput } from "@portway/services";
import { customerProcedure, router } from "../trpc";

export const customerNotesRouter = router({
  add: customerProcedure
    .input(noteInput)
    .mutation(({ ctx, input }) =>
      addCustomerNote(
        ctx.db,
        ctx.clock,
        { accountId: ctx.account.id, userId: ctx.user.userId, name: ctx.user.name },
        input,
      ),
    ),
});
