import { type OrderDraft, type SubmissionContext, validateSubmission } from "../src/index";

/** A submission's context but the account's TNs, which are the order's own unless a test gives them. */
export type OneOrderContext = Omit<SubmissionContext, "requestTns"> & { requestTns?: readonly string[] };

/** validateSubmission of a submission that is one order: the account's TNs are its own unless the context says. */
export const validateOne = (submission: OrderDraft, oneOrder: OneOrderContext) =>
  validateSubmission(submission, { requestTns: submission.tns ?? [], ...oneOrder });
