import type { OrderStatus } from "./order";

/**
 * How long an order may stay in a status before the porting team should look at it (a stuck order): hours since its
 * last progress. Statuses without an entry wait on someone else's date (FOC) or are final.
 */
export const EXPECTED_HOURS_IN_STATUS: Readonly<Partial<Record<OrderStatus, number>>> = {
  SUBMITTED: 4,
  CSR_REVIEW: 48,
  PENDING_FOC: 120,
  SUPP_PENDING: 48,
  EXCEPTION: 120,
};
