import { idInput } from "@portway/domain";
import {
  focOptionsForSubmissionInput,
  getOrderFocOptions,
  getSubmissionFocOptions,
  rejectionRiskInput,
  rejectionRiskWarnings,
} from "@portway/services";
import { z } from "zod";
import { customerProcedure, router } from "../trpc";

export const customerFocRouter = router({
  /** Valid FOC dates and times for a new submission (every planned order of its preview). */
  forSubmission: customerProcedure
    .input(focOptionsForSubmissionInput)
    .query(({ ctx, input }) => getSubmissionFocOptions(ctx.db, ctx.clock.now(), input)),
  /** Rejection-risk warnings and FOC expectations of a submission's planned orders (warnings, never errors). */
  risk: customerProcedure
    .input(rejectionRiskInput)
    .query(({ ctx, input }) =>
      rejectionRiskWarnings(ctx.db, { accountId: ctx.account.id, now: ctx.clock.now(), ...input }),
    ),
  /** Valid FOC dates and times to reschedule one of the account's orders to. */
  forOrder: customerProcedure
    .input(z.object({ orderId: idInput("The order id") }))
    .query(({ ctx, input }) =>
      getOrderFocOptions(ctx.db, ctx.clock.now(), { orderId: input.orderId, accountId: ctx.account.id }),
    ),
});
