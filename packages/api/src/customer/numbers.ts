import { numberCheckSchema, parseTns } from "@portway/domain";
import { checkNumbers } from "@portway/services";
import { customerProcedure, router } from "../trpc";

/** A check of more numbers than this is large: an account runs one at a time (it holds the database longest). */
export const largeNumberCheckTns = 1_000;

/** Long inputs are large without parsing them twice; a short one may still expand (ranges) past the threshold. */
function isLargeCheck(input: string): boolean {
  return input.length > 20 * largeNumberCheckTns || parseTns(input).tns.length > largeNumberCheckTns;
}

export const customerNumbersRouter = router({
  /**
   * The portability check (SPEC 4). A mutation although it only reads: its input can be megabytes of numbers, which
   * must travel in a POST body rather than a GET URL.
   */
  check: customerProcedure.input(numberCheckSchema).mutation(({ ctx, input }) => {
    const run = () => checkNumbers(ctx.db, { input: input.input, accountId: ctx.account.id, now: ctx.clock.now() });
    return ctx.limits && isLargeCheck(input.input) ? ctx.limits.oneLargeCheckAtATime(ctx.account.id, run) : run();
  }),
});
