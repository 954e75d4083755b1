import { fromDays, isCivilDate, nthWeekdayOfMonth, toDays } from "./civil-date";

/**
 * US Eastern time (`America/New_York`) computed from the US daylight-saving rule in force since 2007: daylight time
 * from the second Sunday of March, 02:00 EST (07:00 UTC), to the first Sunday of November, 02:00 EDT (06:00 UTC).
 * Pure arithmetic, so it gives the same answer in every browser and in Node; the tests check it against Intl.
 */

const MINUTE = 60_000;
const DAY = 86_400_000;
const INSTANT_PATTERN = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

export interface EasternWallTime {
  /** `YYYY-MM-DD` in ET. */
  date: string;
  /** `HH:MM` in ET. */
  time: string;
  /** Minutes after ET midnight, with seconds as a fraction. */
  minuteOfDay: number;
  /** UTC offset in minutes: -300 (EST) or -240 (EDT). */
  offsetMinutes: number;
}

/** Milliseconds since the epoch of an ISO 8601 instant with `Z` or an offset, or null when malformed. */
export function parseInstant(instant: string): number | null {
  const match = INSTANT_PATTERN.exec(instant);
  if (match === null || !isCivilDate(match[1] ?? "")) {
    return null;
  }
  const ms = Date.parse(instant);
  return Number.isNaN(ms) ? null : ms;
}

/** Like parseInstant, for instants that must be valid; throws a RangeError (a programming error) otherwise. */
export function requireInstant(instant: string): number {
  const ms = parseInstant(instant);
  if (ms === null) {
    throw new RangeError(`Not an ISO 8601 instant: ${instant}`);
  }
  return ms;
}

function dstBoundsUtc(year: number): { start: number; end: number } {
  const start = toDays(nthWeekdayOfMonth(year, 3, 0, 2)) * DAY + 7 * 3_600_000;
  const end = toDays(nthWeekdayOfMonth(year, 11, 0, 1)) * DAY + 6 * 3_600_000;
  return { start, end };
}

/** The ET offset from UTC in minutes at an instant. */
export function easternOffsetMinutes(epochMs: number): number {
  const year = new Date(epochMs).getUTCFullYear();
  const { start, end } = dstBoundsUtc(year);
  return epochMs >= start && epochMs < end ? -240 : -300;
}

export function toEasternWallTime(epochMs: number): EasternWallTime {
  const offsetMinutes = easternOffsetMinutes(epochMs);
  const local = epochMs + offsetMinutes * MINUTE;
  const days = Math.floor(local / DAY);
  const msOfDay = local - days * DAY;
  const minuteOfDay = msOfDay / MINUTE;
  const hours = Math.floor(minuteOfDay / 60);
  const minutes = Math.floor(minuteOfDay % 60);
  const time = `${String(hours).padStart(2, "0")}:${String(minutes).padStart(2, "0")}`;
  return { date: fromDays(days), time, minuteOfDay, offsetMinutes };
}

/** The ET calendar date of an instant, or null when the instant is malformed. */
export function easternDate(instant: string): string | null {
  const ms = parseInstant(instant);
  return ms === null ? null : toEasternWallTime(ms).date;
}

export function parseTimeOfDay(time: string): number | null {
  const m = TIME_PATTERN.exec(time);
  return m === null ? null : Number(m[1]) * 60 + Number(m[2]);
}

/**
 * The instant of an ET wall-clock time. A time skipped by the spring change moves forward by an hour; a time that
 * occurs twice in the autumn takes the first (EDT) occurrence.
 */
export function easternToEpoch(date: string, minuteOfDay: number): number {
  const wallAsUtc = toDays(date) * DAY + minuteOfDay * MINUTE;
  const daylight = wallAsUtc + 240 * MINUTE;
  if (easternOffsetMinutes(daylight) === -240) {
    return daylight;
  }
  // Either a standard-time wall clock, or one skipped by the spring change, which then reads as EDT an hour later.
  return wallAsUtc + 300 * MINUTE;
}

/** ISO instant (UTC, `Z`) of an ET date and `HH:MM` time; null when the time is malformed. */
export function easternToInstant(date: string, time: string): string | null {
  const minute = parseTimeOfDay(time);
  return minute === null ? null : new Date(easternToEpoch(date, minute)).toISOString();
}

export function formatInstant(epochMs: number): string {
  return new Date(epochMs).toISOString();
}
