/**
 * Calendar dates as `YYYY-MM-DD` strings, computed through days since 1970-01-01 (proleptic Gregorian), so that no
 * Date object, clock or time zone is involved.
 */

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCivilDate(date: string): boolean {
  const m = DATE_PATTERN.exec(date);
  if (m === null) {
    return false;
  }
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(m[1]), month);
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    return isLeapYear(year) ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 (Howard Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

export function formatCivilDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

export function toDays(date: string): number {
  return daysFromCivil(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

export function fromDays(days: number): string {
  const { year, month, day } = civilFromDays(days);
  return formatCivilDate(year, month, day);
}

export function addDays(date: string, days: number): string {
  return fromDays(toDays(date) + days);
}

/** 0 = Sunday ... 6 = Saturday. */
export function dayOfWeek(date: string): number {
  return (((toDays(date) + 4) % 7) + 7) % 7;
}

/** The date of the nth (1-based) given weekday of a month; n = -1 gives the last one. */
export function nthWeekdayOfMonth(year: number, month: number, weekday: number, n: number): string {
  if (n < 0) {
    const lastDay = daysFromCivil(year, month, daysInMonth(year, month));
    const lastWeekday = (((lastDay + 4) % 7) + 7) % 7;
    return fromDays(lastDay - ((lastWeekday - weekday + 7) % 7));
  }
  const firstDay = daysFromCivil(year, month, 1);
  const firstWeekday = (((firstDay + 4) % 7) + 7) % 7;
  return fromDays(firstDay + ((weekday - firstWeekday + 7) % 7) + (n - 1) * 7);
}
