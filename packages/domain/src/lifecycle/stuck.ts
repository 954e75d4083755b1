import { type BusinessCalendar, isBusinessDay } from "../schedule/business-days";
import { addDays } from "../schedule/civil-date";
import { easternToEpoch, parseInstant, toEasternWallTime } from "../schedule/eastern-time";
import type { OrderStatus } from "./order";

/**
 * How long an order may stay in a status before the porting team should look at it (a stuck order): business hours
 * since its last progress. FOC waits on the LSP's date; see ACTIVATION_CONFIRMATION_HOURS. Terminal statuses are final.
 */
export const EXPECTED_HOURS_IN_STATUS: Readonly<Partial<Record<OrderStatus, number>>> = {
  SUBMITTED: 4,
  CSR_REVIEW: 48,
  PENDING_FOC: 120,
  SUPP_PENDING: 48,
  EXCEPTION: 120,
};

/** An FOC order whose activation was due this many business hours ago and is still not confirmed is stuck. */
export const ACTIVATION_CONFIRMATION_HOURS = 4;

const HOUR = 3_600_000;

/**
 * Hours between two instants that fall on business days (ET dates that are neither weekend nor holiday); 0 when `to`
 * is not after `from` or either is malformed. A weekend or a porting holiday does not make an order late.
 */
export function businessHoursBetween(from: string, to: string, calendar: BusinessCalendar): number {
  const start = parseInstant(from);
  const end = parseInstant(to);
  if (start === null || end === null || end <= start) {
    return 0;
  }
  let total = 0;
  let date = toEasternWallTime(start).date;
  const last = toEasternWallTime(end).date;
  while (date <= last) {
    const next = addDays(date, 1);
    if (isBusinessDay(date, calendar)) {
      const dayStart = Math.max(start, easternToEpoch(date, 0));
      const dayEnd = Math.min(end, easternToEpoch(next, 0));
      total += Math.max(0, dayEnd - dayStart);
    }
    date = next;
  }
  return total / HOUR;
}

export interface StuckCandidate {
  status: OrderStatus;
  /** When the order last changed status. */
  lastProgressAt: string;
  /** When its activation is (or was) due; FOC orders only. */
  activationDueAt: string | null;
}

/**
 * Whether an order made no progress for longer than its status allows, in business hours (SPEC 13): an FOC order
 * is stuck once its activation was due and stayed unconfirmed for ACTIVATION_CONFIRMATION_HOURS.
 */
export function isOrderStuck(order: StuckCandidate, now: string, calendar: BusinessCalendar): boolean {
  if (order.status === "FOC") {
    return (
      order.activationDueAt !== null &&
      businessHoursBetween(order.activationDueAt, now, calendar) > ACTIVATION_CONFIRMATION_HOURS
    );
  }
  const expected = EXPECTED_HOURS_IN_STATUS[order.status];
  return expected !== undefined && businessHoursBetween(order.lastProgressAt, now, calendar) > expected;
}
