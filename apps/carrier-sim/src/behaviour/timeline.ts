import type { PartnerPortType } from "@portway/partner";

const minute = 60_000;
const hour = 60 * minute;

/** Simulated delays, from the moment the order (or its last CHANGE) was accepted. Documented in README.md. */
export const timeline: Record<
  PartnerPortType,
  { csrMs: number; reviewMs: number; focAfterReviewMs: number; suppMs: number }
> = {
  AUTOMATED: { csrMs: 5 * minute, reviewMs: 2 * hour, focAfterReviewMs: 2 * hour, suppMs: 30 * minute },
  ON_NET: { csrMs: 3 * minute, reviewMs: 1 * hour, focAfterReviewMs: 1 * hour, suppMs: 15 * minute },
};

/** One ACTIVATED callback confirms at most this many TNs. */
export const activationBatchSize = 25;

/** A reordered callback waits for the order's next callback, but at most this long (simulated). */
export const reorderHoldMs = 6 * hour;

/** SUPPs that may move the FOC after it was given; the fourth is refused (many LSPs cancel on the fourth). */
export const maxReschedulesAfterFoc = 3;
