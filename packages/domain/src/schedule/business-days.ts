import { addDays, dayOfWeek, formatCivilDate, isCivilDate, nthWeekdayOfMonth } from "./civil-date";

/** A business calendar: when given, its list is the complete set of holidays (`YYYY-MM-DD`). */
export interface BusinessCalendar {
  holidays: readonly string[];
}

export type PortingHolidayName =
  | "NEW_YEARS_DAY"
  | "MEMORIAL_DAY"
  | "INDEPENDENCE_DAY"
  | "LABOR_DAY"
  | "THANKSGIVING"
  | "CHRISTMAS_DAY";

export interface PortingHoliday {
  name: PortingHolidayName;
  /** The date the holiday itself falls on. */
  date: string;
  /** The date porting stops: the Friday before a Saturday holiday, the Monday after a Sunday one. */
  observed: string;
}

function observe(date: string): string {
  const weekday = dayOfWeek(date);
  if (weekday === 6) {
    return addDays(date, -1);
  }
  return weekday === 0 ? addDays(date, 1) : date;
}

function holidaysOfYear(year: number): PortingHoliday[] {
  const fixed = (name: PortingHolidayName, month: number, day: number): PortingHoliday => {
    const date = formatCivilDate(year, month, day);
    return { name, date, observed: observe(date) };
  };
  const floating = (name: PortingHolidayName, date: string): PortingHoliday => ({ name, date, observed: date });
  return [
    fixed("NEW_YEARS_DAY", 1, 1),
    floating("MEMORIAL_DAY", nthWeekdayOfMonth(year, 5, 1, -1)),
    fixed("INDEPENDENCE_DAY", 7, 4),
    floating("LABOR_DAY", nthWeekdayOfMonth(year, 9, 1, 1)),
    floating("THANKSGIVING", nthWeekdayOfMonth(year, 11, 4, 4)),
    fixed("CHRISTMAS_DAY", 12, 25),
  ];
}

/**
 * The porting holidays (SPEC 6) whose observed date falls in `year`, in date order. New Year's Day on a Saturday is
 * observed on Friday 31 December of the year before.
 */
export function listPortingHolidays(year: number): PortingHoliday[] {
  return [...holidaysOfYear(year), ...holidaysOfYear(year + 1)]
    .filter((holiday) => holiday.observed.startsWith(`${String(year).padStart(4, "0")}-`))
    .sort((a, b) => (a.observed < b.observed ? -1 : 1));
}

/** Observed porting holidays of a year, `YYYY-MM-DD`. */
export function portingHolidays(year: number): string[] {
  return listPortingHolidays(year).map((holiday) => holiday.observed);
}

const defaultHolidays = new Map<number, ReadonlySet<string>>();
const calendarSets = new WeakMap<readonly string[], ReadonlySet<string>>();

function holidaySet(date: string, calendar: BusinessCalendar | undefined): ReadonlySet<string> {
  if (calendar !== undefined) {
    let set = calendarSets.get(calendar.holidays);
    if (set === undefined) {
      set = new Set(calendar.holidays);
      calendarSets.set(calendar.holidays, set);
    }
    return set;
  }
  const year = Number(date.slice(0, 4));
  let set = defaultHolidays.get(year);
  if (set === undefined) {
    set = new Set(portingHolidays(year));
    defaultHolidays.set(year, set);
  }
  return set;
}

/** Monday to Friday and not a holiday; without a calendar the default porting holidays apply. */
export function isBusinessDay(date: string, calendar?: BusinessCalendar): boolean {
  if (!isCivilDate(date)) {
    return false;
  }
  const weekday = dayOfWeek(date);
  return weekday !== 0 && weekday !== 6 && !holidaySet(date, calendar).has(date);
}

/** The `n`th business day after `date` (n >= 1); n = 0 gives `date` itself. */
export function addBusinessDays(date: string, n: number, calendar?: BusinessCalendar): string {
  let current = date;
  let counted = 0;
  while (counted < n) {
    current = addDays(current, 1);
    if (isBusinessDay(current, calendar)) {
      counted++;
    }
  }
  return current;
}

/** The last business day strictly before `date`. */
export function previousBusinessDay(date: string, calendar?: BusinessCalendar): string {
  let current = addDays(date, -1);
  while (!isBusinessDay(current, calendar)) {
    current = addDays(current, -1);
  }
  return current;
}

/**
 * A complete calendar for the given years: the default porting holidays plus extra dates (company-wide or a
 * carrier's), as leads add them in the admin portal.
 */
export function buildBusinessCalendar(
  years: readonly number[],
  extraHolidays: readonly string[] = [],
): BusinessCalendar {
  const dates = new Set<string>();
  for (const year of years) {
    for (const date of portingHolidays(year)) {
      dates.add(date);
    }
  }
  for (const date of extraHolidays) {
    dates.add(date);
  }
  return { holidays: [...dates].sort() };
}
