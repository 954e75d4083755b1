import type { Issue } from "../issue";
import type { PortType } from "../port-type/port-type";
import {
  addBusinessDays,
  type BusinessCalendar,
  isBusinessDay,
  listPortingHolidays,
  previousBusinessDay,
} from "./business-days";
import { addDays, dayOfWeek, daysInMonth, formatCivilDate } from "./civil-date";
import { easternToEpoch, formatInstant, parseInstant, requireInstant, toEasternWallTime } from "./eastern-time";

/** Business days between submission and the earliest FOC, per port type (SPEC 6). */
export const FOC_LEAD_BUSINESS_DAYS: Readonly<Record<PortType, number>> = { ON_NET: 2, AUTOMATED: 3, PROJECT: 10 };
/** The latest FOC is this many calendar days after today (ET). */
export const FOC_MAX_CALENDAR_DAYS = 30;

/** An inclusive ET wall-clock window, `HH:MM`. */
export interface TimeWindow {
  from: string;
  to: string;
}

export const FOC_TIME_WINDOWS: Readonly<Record<PortType, TimeWindow>> = {
  ON_NET: { from: "05:00", to: "22:00" },
  AUTOMATED: { from: "06:00", to: "22:00" },
  PROJECT: { from: "11:30", to: "11:30" },
};
/** Outside these hours an FOC is allowed with a warning that support may be slower. */
export const SUPPORT_HOURS: Readonly<TimeWindow> = { from: "08:00", to: "20:00" };

export const FOC_ERROR_CODES = [
  "INVALID_INSTANT",
  "WEEKEND",
  "PORTING_HOLIDAY",
  "BEFORE_EARLIEST_FOC",
  "BEFORE_CARRIER_MINIMUM",
  "AFTER_LATEST_FOC",
  "OUTSIDE_TIME_WINDOW",
] as const;
export type FocErrorCode = (typeof FOC_ERROR_CODES)[number];

export interface FocContext {
  portType: PortType;
  /** ISO 8601 instant. */
  now: string;
  calendar?: BusinessCalendar;
  /** The losing carrier's minimum porting interval in business days. */
  carrierMinBusinessDays?: number;
}

export interface CheckRequestedFocInput extends FocContext {
  /** ISO 8601 instant. */
  requested: string;
}

export type FocCheck = { ok: true; warnings: Issue[] } | { ok: false; errors: Issue[] };

function leadDays(context: FocContext): number {
  return Math.max(FOC_LEAD_BUSINESS_DAYS[context.portType], context.carrierMinBusinessDays ?? 0);
}

/**
 * The earliest FOC date: the Nth business day after the ET date of `now`, N being the larger of the port type's lead
 * time and the carrier's minimum interval. Throws a RangeError when `now` is not an ISO instant.
 */
export function earliestFocDate(context: FocContext): string {
  const today = toEasternWallTime(requireInstant(context.now)).date;
  return addBusinessDays(today, leadDays(context), context.calendar);
}

/** The latest FOC date: the ET date of `now` plus 30 calendar days. */
export function latestFocDate(now: string): string {
  return addDays(toEasternWallTime(requireInstant(now)).date, FOC_MAX_CALENDAR_DAYS);
}

export function getFocTimeWindow(portType: PortType): TimeWindow {
  return FOC_TIME_WINDOWS[portType];
}

const WINDOW_MINUTES: Readonly<Record<PortType, { from: number; to: number }>> = {
  ON_NET: { from: 5 * 60, to: 22 * 60 },
  AUTOMATED: { from: 6 * 60, to: 22 * 60 },
  PROJECT: { from: 11 * 60 + 30, to: 11 * 60 + 30 },
};

/**
 * When an activation may be triggered on the FOC day (on demand), in minutes after ET midnight; its end is when an
 * on-demand order activates by itself. A project port goes live at 11:30 ET at the latest; on demand it may go
 * earlier that day, from the start of the partner's window.
 */
const ACTIVATION_WINDOW_MINUTES: Readonly<Record<PortType, { from: number; to: number }>> = {
  ON_NET: { from: 5 * 60, to: 22 * 60 },
  AUTOMATED: { from: 6 * 60, to: 22 * 60 },
  PROJECT: { from: 6 * 60, to: 11 * 60 + 30 },
};

export function getActivationWindowMinutes(portType: PortType): { from: number; to: number } {
  return ACTIVATION_WINDOW_MINUTES[portType];
}

function minutesToTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

export function getActivationWindow(portType: PortType): TimeWindow {
  const { from, to } = ACTIVATION_WINDOW_MINUTES[portType];
  return { from: minutesToTime(from), to: minutesToTime(to) };
}

/**
 * The FOC an order asks for: a project port's time is always 11:30 ET on the requested ET date; other types keep
 * what was asked. A malformed instant is returned as is (the check reports it).
 */
export function normalizeRequestedFoc(portType: PortType, requested: string): string {
  const ms = parseInstant(requested);
  if (portType !== "PROJECT" || ms === null) {
    return requested;
  }
  return formatInstant(easternToEpoch(toEasternWallTime(ms).date, WINDOW_MINUTES.PROJECT.from));
}

/** The ET time an order without a requested FOC asks for (the seed: 11:30 ET applies), inside every window. */
export const DEFAULT_FOC_MINUTE = 11 * 60 + 30;

/**
 * The FOC to ask for when the customer gave none: the earliest valid FOC date (port type lead time, the carrier's
 * minimum interval, the calendar) at 11:30 ET, from business time `now`.
 */
export function defaultRequestedFoc(context: FocContext): string {
  return formatInstant(easternToEpoch(earliestFocDate(context), DEFAULT_FOC_MINUTE));
}

export interface CommittedFocInput {
  /** The FOC the partner or LSP committed to. */
  focAt: string;
  portType: PortType;
  /** When the order was submitted: the earliest FOC counts from there. */
  submittedAt: string;
  calendar: BusinessCalendar;
  carrierMinBusinessDays: number;
}

/**
 * A sanity check of a committed FOC (SPEC 6): a business day, inside the port type's ET window, not before the
 * earliest FOC counted from submission. It never refuses (the LSP's date is what the LSP will do); the issues it
 * returns are for the porting team to look at.
 */
export function reviewCommittedFoc(input: CommittedFocInput): Issue[] {
  const focMs = parseInstant(input.focAt);
  const submittedMs = parseInstant(input.submittedAt);
  if (focMs === null || submittedMs === null) {
    const bad = focMs === null ? input.focAt : input.submittedAt;
    return [{ input: bad, code: "INVALID_INSTANT", message: "Not a valid ISO 8601 date and time." }];
  }
  const issues: Issue[] = [];
  const wall = toEasternWallTime(focMs);
  const weekday = dayOfWeek(wall.date);
  if (weekday === 0 || weekday === 6) {
    issues.push({ input: input.focAt, code: "WEEKEND", message: `The FOC ${wall.date} is a weekend day.` });
  } else if (!isBusinessDay(wall.date, input.calendar)) {
    issues.push({
      input: input.focAt,
      code: "PORTING_HOLIDAY",
      message: `The FOC ${wall.date} is ${holidayName(wall.date)}.`,
    });
  }
  const minutes = WINDOW_MINUTES[input.portType];
  if (wall.minuteOfDay < minutes.from || wall.minuteOfDay > minutes.to) {
    const window = FOC_TIME_WINDOWS[input.portType];
    const allowed = window.from === window.to ? `at ${window.from}` : `between ${window.from} and ${window.to}`;
    issues.push({
      input: input.focAt,
      code: "OUTSIDE_TIME_WINDOW",
      message: `The FOC time ${wall.time} ET is outside the ${input.portType} window (${allowed} ET).`,
    });
  }
  const earliest = earliestFocDate({ ...input, now: input.submittedAt });
  if (wall.date < earliest) {
    issues.push({
      input: input.focAt,
      code: "BEFORE_EARLIEST_FOC",
      message: `The FOC ${wall.date} is before the earliest FOC ${earliest} counted from submission.`,
    });
  }
  return issues;
}

/** The port type's window in minutes after ET midnight. */
export function getFocWindowMinutes(portType: PortType): { from: number; to: number } {
  return WINDOW_MINUTES[portType];
}

function holidayName(date: string): string {
  const holiday = listPortingHolidays(Number(date.slice(0, 4))).find((h) => h.observed === date);
  return holiday === undefined
    ? "a porting holiday"
    : `a porting holiday (${holiday.name.replaceAll("_", " ").toLowerCase()})`;
}

function checkDate(requested: string, date: string, context: FocContext, nowMs: number, errors: Issue[]): void {
  const weekday = dayOfWeek(date);
  if (weekday === 0 || weekday === 6) {
    errors.push({
      input: requested,
      code: "WEEKEND",
      message: `${date} is a ${weekday === 0 ? "Sunday" : "Saturday"}; pick a business day.`,
    });
  } else if (!isBusinessDay(date, context.calendar)) {
    errors.push({
      input: requested,
      code: "PORTING_HOLIDAY",
      message: `${date} is ${holidayName(date)}; pick a business day.`,
    });
  }
  const today = toEasternWallTime(nowMs).date;
  const typeEarliest = addBusinessDays(today, FOC_LEAD_BUSINESS_DAYS[context.portType], context.calendar);
  const earliest = addBusinessDays(today, leadDays(context), context.calendar);
  if (date < typeEarliest) {
    errors.push({
      input: requested,
      code: "BEFORE_EARLIEST_FOC",
      message: `The earliest FOC date is ${earliest} (${leadDays(context)} business days after today).`,
    });
  } else if (date < earliest) {
    errors.push({
      input: requested,
      code: "BEFORE_CARRIER_MINIMUM",
      message: `The losing carrier needs at least ${leadDays(context)} business days; the earliest FOC date is ${earliest}.`,
    });
  }
  const latest = addDays(today, FOC_MAX_CALENDAR_DAYS);
  if (date > latest) {
    errors.push({
      input: requested,
      code: "AFTER_LATEST_FOC",
      message: `The FOC can be at most 30 days ahead (${latest}).`,
    });
  }
}

/**
 * Checks a requested FOC (SPEC 6): a business day between the earliest FOC and 30 days ahead, at a time inside the
 * port type's ET window; a time outside 08:00-20:00 ET draws a warning. Every error is reported at once.
 */
export function checkRequestedFoc(input: CheckRequestedFocInput): FocCheck {
  const requestedMs = parseInstant(input.requested);
  const nowMs = parseInstant(input.now);
  if (requestedMs === null || nowMs === null) {
    const bad = requestedMs === null ? input.requested : input.now;
    return {
      ok: false,
      errors: [{ input: bad, code: "INVALID_INSTANT", message: "Not a valid ISO 8601 date and time." }],
    };
  }
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const wall = toEasternWallTime(requestedMs);
  checkDate(input.requested, wall.date, input, nowMs, errors);
  const window = FOC_TIME_WINDOWS[input.portType];
  const minutes = WINDOW_MINUTES[input.portType];
  if (input.portType === "PROJECT") {
    // The seed: a project port needs no action from the customer; it goes live at 11:30 ET whatever time was asked.
    if (wall.minuteOfDay !== minutes.from) {
      warnings.push({
        input: input.requested,
        code: "PROJECT_TIME_FIXED",
        message: `Project ports activate at ${window.from} ET on the FOC date; the requested ${wall.time} ET is not used.`,
      });
    }
  } else if (wall.minuteOfDay < minutes.from || wall.minuteOfDay > minutes.to) {
    const message = `The FOC time must be between ${window.from} and ${window.to} ET (requested ${wall.time} ET).`;
    errors.push({ input: input.requested, code: "OUTSIDE_TIME_WINDOW", message });
  } else if (wall.minuteOfDay < 8 * 60 || wall.minuteOfDay > 20 * 60) {
    warnings.push({
      input: input.requested,
      code: "OUTSIDE_SUPPORT_HOURS",
      message: `${wall.time} ET is outside 08:00-20:00 ET; support may be slower.`,
    });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, warnings };
}

/**
 * The short-notice cutoff of an FOC: the same ET wall-clock time on the business day before the FOC's ET date
 * (FOC Monday 11:30 -> Friday 11:30). Throws a RangeError when `foc` is not an ISO instant.
 */
export function shortNoticeCutoff(foc: string, calendar?: BusinessCalendar): string {
  const wall = toEasternWallTime(requireInstant(foc));
  const dayBefore = previousBusinessDay(wall.date, calendar);
  return formatInstant(easternToEpoch(dayBefore, wall.minuteOfDay));
}

/** True when a reschedule or cancel at `now` is short notice (at or after the cutoff) and so becomes manual. */
export function isShortNotice(input: { foc: string; now: string; calendar?: BusinessCalendar }): boolean {
  return requireInstant(input.now) >= requireInstant(shortNoticeCutoff(input.foc, input.calendar));
}

export interface FocMonth {
  /** Every valid FOC date of the month, `YYYY-MM-DD`. */
  dates: string[];
  earliest: string;
  latest: string;
  /** The allowed ET time window of the port type. */
  window: TimeWindow;
  /** Times outside these hours draw a warning. */
  supportHours: TimeWindow;
}

/** What the FOC date picker offers for one month (1-12): only the valid dates, and the time window. */
export function listFocMonth(input: FocContext & { year: number; month: number }): FocMonth {
  const earliest = earliestFocDate(input);
  const latest = latestFocDate(input.now);
  const dates: string[] = [];
  for (let day = 1; day <= daysInMonth(input.year, input.month); day++) {
    const date = formatCivilDate(input.year, input.month, day);
    if (date >= earliest && date <= latest && isBusinessDay(date, input.calendar)) {
      dates.push(date);
    }
  }
  return { dates, earliest, latest, window: FOC_TIME_WINDOWS[input.portType], supportHours: SUPPORT_HOURS };
}
