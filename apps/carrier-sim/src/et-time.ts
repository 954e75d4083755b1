import { isBusinessDay } from "@portway/domain";

/**
 * Wall-clock arithmetic in America/New_York (with daylight saving) through Intl. Which days are business days is
 * the domain's porting calendar (weekends and porting holidays), so the simulated LSPs work the days Portway offers.
 */
const formatter = new Intl.DateTimeFormat("en-US", {
  timeZone: "America/New_York",
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  weekday: "short",
});

const weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

export interface EtParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday. */
  weekday: number;
}

export function toEtParts(instant: Date): EtParts {
  const parts: Record<string, string> = {};
  for (const part of formatter.formatToParts(instant)) {
    parts[part.type] = part.value;
  }
  const read = (type: string) => Number(parts[type] ?? "0");
  return {
    year: read("year"),
    month: read("month"),
    day: read("day"),
    hour: read("hour"),
    minute: read("minute"),
    second: read("second"),
    weekday: weekdays.indexOf(parts.weekday ?? "Sun"),
  };
}

function offsetMs(instant: number): number {
  const p = toEtParts(new Date(instant));
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The instant of an ET wall-clock time (day overflow allowed, e.g. day 32 is the next month). */
export function fromEtWallTime(wall: Omit<EtParts, "weekday">): Date {
  const utcGuess = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const first = utcGuess - offsetMs(utcGuess);
  return new Date(utcGuess - offsetMs(first));
}

export function formatEtDate(instant: Date): string {
  const p = toEtParts(instant);
  return `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
}

export function formatEtDateTime(instant: Date): string {
  const p = toEtParts(instant);
  return `${formatEtDate(instant)} ${String(p.hour).padStart(2, "0")}:${String(p.minute).padStart(2, "0")} ET`;
}

export function startOfEtDay(instant: Date): Date {
  const p = toEtParts(instant);
  return fromEtWallTime({ ...p, hour: 0, minute: 0, second: 0 });
}

/** Same ET wall-clock time `days` calendar days later. */
export function addEtDays(instant: Date, days: number): Date {
  const p = toEtParts(instant);
  return fromEtWallTime({ ...p, day: p.day + days });
}

/** True when the ET date of `instant` is a business day of the domain's porting calendar. */
export function isEtBusinessDay(instant: Date): boolean {
  return isBusinessDay(formatEtDate(instant));
}

/** Same ET wall-clock time `count` business days later (the domain's porting calendar). */
export function addEtBusinessDays(instant: Date, count: number): Date {
  let result = instant;
  let remaining = count;
  while (remaining > 0) {
    result = addEtDays(result, 1);
    if (isEtBusinessDay(result)) {
      remaining -= 1;
    }
  }
  return result;
}
