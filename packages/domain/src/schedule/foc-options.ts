import type { PortType } from "../port-type/port-type";
import type { BusinessCalendar } from "./business-days";
import { isBusinessDay } from "./business-days";
import { addDays } from "./civil-date";
import { easternToInstant } from "./eastern-time";
import { earliestFocDate, FOC_TIME_WINDOWS, latestFocDate, SUPPORT_HOURS, type TimeWindow } from "./foc";

/** One order the FOC applies to: its port type, its losing carrier's calendar and minimum interval (required). */
export interface FocOptionsOrder {
  portType: PortType;
  calendar: BusinessCalendar;
  carrierMinBusinessDays: number;
}

export interface FocTimeOption {
  /** `HH:MM`, US Eastern. */
  time: string;
  /** Outside 08:00-20:00 ET: allowed, but support may be slower. */
  outsideSupportHours: boolean;
}

export interface FocOptions {
  /** Every date valid for every order, `YYYY-MM-DD` (ET), ascending. */
  dates: string[];
  earliest: string;
  latest: string;
  /** The time window every order accepts (the intersection), or null when they have none in common. */
  window: TimeWindow | null;
  /** The times the picker offers, every `stepMinutes` inside the window. */
  times: FocTimeOption[];
  supportHours: TimeWindow;
}

function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

function timeOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/**
 * What an FOC picker offers (SPEC 6) for one or several orders that share a requested FOC (a split submission):
 * the dates valid for every one of them (business days of each carrier's calendar, no earlier than each one's
 * earliest FOC, at most 30 days ahead) and the times inside every port type's ET window.
 */
export function listFocOptions(input: {
  now: string;
  /** At least one order: the dates depend on each one's carrier, so there is no default. */
  orders: readonly [FocOptionsOrder, ...FocOptionsOrder[]];
  stepMinutes?: number;
}): FocOptions {
  const orders = input.orders;
  const latest = latestFocDate(input.now);
  let earliest = "";
  for (const order of orders) {
    const date = earliestFocDate({
      portType: order.portType,
      now: input.now,
      calendar: order.calendar,
      carrierMinBusinessDays: order.carrierMinBusinessDays,
    });
    if (date > earliest) {
      earliest = date;
    }
  }
  const dates: string[] = [];
  for (let date = earliest; date <= latest; date = addDays(date, 1)) {
    if (orders.every((order) => isBusinessDay(date, order.calendar))) {
      dates.push(date);
    }
  }
  let from = 0;
  let to = 24 * 60 - 1;
  for (const order of orders) {
    const window = FOC_TIME_WINDOWS[order.portType];
    from = Math.max(from, minutesOf(window.from));
    to = Math.min(to, minutesOf(window.to));
  }
  const window = from <= to ? { from: timeOf(from), to: timeOf(to) } : null;
  const step = input.stepMinutes ?? 30;
  const times: FocTimeOption[] = [];
  if (window) {
    for (let minute = from; minute <= to; minute += step) {
      times.push({
        time: timeOf(minute),
        outsideSupportHours: minute < minutesOf(SUPPORT_HOURS.from) || minute > minutesOf(SUPPORT_HOURS.to),
      });
    }
  }
  return { dates, earliest, latest, window, times, supportHours: SUPPORT_HOURS };
}

/** The ISO instant of an ET date and time the picker offered, or null when they do not form one. */
export function focInstantOf(date: string, time: string): string | null {
  return easternToInstant(date, time);
}
