import { numberCheckSchema } from "@portway/domain";
import { checkNumbers } from "@portway/services";
import { customerProcedure, router } from "../trpc";

export const customerNumbersRouter = router({
  /**
   * The portability check (SPEC 4). A mutation although it only reads: its input can be megabytes of numbers, which
   * must travel in a POST body rather than a GET URL.
   */
  check: customerProcedure
    .input(numberCheckSchema)
    .mutation(({ ctx, input }) =>
      checkNumbers(ctx.db, { input: input.input, accountId: ctx.account.id, now: ctx.clock.now() }),
    ),
});
