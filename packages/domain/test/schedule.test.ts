import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addBusinessDays,
  addDays,
  buildBusinessCalendar,
  checkRequestedFoc,
  dayOfWeek,
  earliestFocDate,
  easternDate,
  easternOffsetMinutes,
  easternToInstant,
  getFocTimeWindow,
  isBusinessDay,
  isCivilDate,
  isShortNotice,
  latestFocDate,
  listFocMonth,
  listPortingHolidays,
  parseInstant,
  portingHolidays,
  previousBusinessDay,
  shortNoticeCutoff,
  toEasternWallTime,
} from "../src/index";

describe("porting holidays with observed dates (SPEC 6)", () => {
  it.each([
    [2025, ["2025-01-01", "2025-05-26", "2025-07-04", "2025-09-01", "2025-11-27", "2025-12-25"]],
    [2026, ["2026-01-01", "2026-05-25", "2026-07-03", "2026-09-07", "2026-11-26", "2026-12-25"]],
    [2027, ["2027-01-01", "2027-05-31", "2027-07-05", "2027-09-06", "2027-11-25", "2027-12-24", "2027-12-31"]],
    [2028, ["2028-05-29", "2028-07-04", "2028-09-04", "2028-11-23", "2028-12-25"]],
    [2022, ["2022-05-30", "2022-07-04", "2022-09-05", "2022-11-24", "2022-12-26"]],
    [2023, ["2023-01-02", "2023-05-29", "2023-07-04", "2023-09-04", "2023-11-23", "2023-12-25"]],
  ])("%i", (year, dates) => {
    expect(portingHolidays(year)).toEqual(dates);
  });

  it("names each holiday and its own date", () => {
    expect(listPortingHolidays(2026).find((h) => h.name === "INDEPENDENCE_DAY")).toEqual({
      name: "INDEPENDENCE_DAY",
      date: "2026-07-04",
      observed: "2026-07-03",
    });
  });

  const holidays2025to2027 = [2025, 2026, 2027].flatMap((year) => portingHolidays(year));
  it.each(holidays2025to2027)("%s is not a business day; the weekdays around it are", (holiday) => {
    expect(isBusinessDay(holiday)).toBe(false);
    for (const neighbour of [addDays(holiday, -1), addDays(holiday, 1)]) {
      const weekday = dayOfWeek(neighbour);
      const isHoliday = holidays2025to2027.includes(neighbour);
      expect(isBusinessDay(neighbour)).toBe(weekday !== 0 && weekday !== 6 && !isHoliday);
    }
  });

  it("observes Saturday holidays on Friday and Sunday holidays on Monday", () => {
    expect(isBusinessDay("2026-07-03")).toBe(false);
    expect(isBusinessDay("2026-07-06")).toBe(true);
    expect(isBusinessDay("2027-07-05")).toBe(false);
    expect(isBusinessDay("2027-07-02")).toBe(true);
    expect(isBusinessDay("2021-12-31")).toBe(false);
    expect(isBusinessDay("2022-12-26")).toBe(false);
  });
});

describe("business days", () => {
  it.each([
    ["2025-09-06", false],
    ["2025-09-07", false],
    ["2025-09-05", true],
    ["2025-09-01", false],
    ["2025-02-30", false],
    ["not a date", false],
  ])("isBusinessDay(%s) = %s", (date, expected) => {
    expect(isBusinessDay(date)).toBe(expected);
  });

  it("uses a given calendar as the complete holiday list", () => {
    const calendar = { holidays: ["2025-09-02"] };
    expect(isBusinessDay("2025-09-01", calendar)).toBe(true);
    expect(isBusinessDay("2025-09-02", calendar)).toBe(false);
    expect(isBusinessDay("2025-09-02", calendar)).toBe(false);
  });

  it("builds calendars from the default holidays plus extra dates", () => {
    const calendar = buildBusinessCalendar([2025], ["2025-11-28", "2025-07-04"]);
    expect(calendar.holidays).toEqual([...portingHolidays(2025), "2025-11-28"].sort());
    expect(isBusinessDay("2025-11-28", calendar)).toBe(false);
    expect(buildBusinessCalendar([2025]).holidays).toEqual(portingHolidays(2025));
  });

  it.each([
    ["2025-09-05", 1, "2025-09-08"],
    ["2025-08-29", 1, "2025-09-02"],
    ["2025-08-29", 3, "2025-09-04"],
    ["2025-09-06", 2, "2025-09-09"],
    ["2025-12-24", 1, "2025-12-26"],
    ["2025-09-05", 0, "2025-09-05"],
  ])("addBusinessDays(%s, %i) = %s", (date, n, expected) => {
    expect(addBusinessDays(date, n)).toBe(expected);
  });

  it.each([
    ["2025-09-08", "2025-09-05"],
    ["2025-09-02", "2025-08-29"],
    ["2025-09-05", "2025-09-04"],
    ["2026-01-02", "2025-12-31"],
  ])("previousBusinessDay(%s) = %s", (date, expected) => {
    expect(previousBusinessDay(date)).toBe(expected);
  });

  it("validates civil dates", () => {
    expect(isCivilDate("2024-02-29")).toBe(true);
    expect(isCivilDate("2100-02-29")).toBe(false);
    expect(isCivilDate("2000-02-29")).toBe(true);
    expect(isCivilDate("2025-04-31")).toBe(false);
    expect(isCivilDate("2025-13-01")).toBe(false);
    expect(isCivilDate("2025-1-01")).toBe(false);
  });

  it("day arithmetic round-trips (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -50_000, max: 50_000 }), fc.integer({ min: -1000, max: 1000 }), (offset, n) => {
        const date = addDays("1970-01-01", offset);
        expect(isCivilDate(date)).toBe(true);
        expect(addDays(addDays(date, n), -n)).toBe(date);
        expect(new Date(`${date}T00:00:00Z`).getUTCDay()).toBe(dayOfWeek(date));
      }),
    );
  });
});

describe("Eastern time", () => {
  const intlOffset = (ms: number) => {
    const part = new Intl.DateTimeFormat("en-US", { timeZone: "America/New_York", timeZoneName: "shortOffset" })
      .formatToParts(new Date(ms))
      .find((p) => p.type === "timeZoneName")?.value;
    return part === "GMT-4" ? -240 : -300;
  };

  it("matches Intl America/New_York for any instant 2007-2099 (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2007, 0, 1), max: Date.UTC(2099, 11, 31) }), (ms) => {
        expect(easternOffsetMinutes(ms)).toBe(intlOffset(ms));
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ["2025-03-09T06:59:59Z", -300],
    ["2025-03-09T07:00:00Z", -240],
    ["2025-11-02T05:59:59Z", -240],
    ["2025-11-02T06:00:00Z", -300],
  ])("offset at the DST changes: %s -> %i", (instant, offset) => {
    expect(easternOffsetMinutes(parseInstant(instant) ?? 0)).toBe(offset);
  });

  it("converts ET wall clock to instants, across the changes", () => {
    expect(easternToInstant("2026-01-14", "06:00")).toBe("2026-01-14T11:00:00.000Z");
    expect(easternToInstant("2026-07-15", "06:00")).toBe("2026-07-15T10:00:00.000Z");
    expect(easternToInstant("2025-03-09", "02:30")).toBe("2025-03-09T07:30:00.000Z");
    expect(easternToInstant("2025-11-02", "01:30")).toBe("2025-11-02T05:30:00.000Z");
    expect(easternToInstant("2025-11-02", "03:00")).toBe("2025-11-02T08:00:00.000Z");
    expect(easternToInstant("2025-11-02", "25:00")).toBeNull();
  });

  it("reads the ET date and time of instants with any offset", () => {
    expect(toEasternWallTime(parseInstant("2026-01-15T03:00:00Z") ?? 0)).toMatchObject({
      date: "2026-01-14",
      time: "22:00",
    });
    expect(easternDate("2026-07-15T23:30:00-04:00")).toBe("2026-07-15");
    expect(easternDate("2026-07-15")).toBeNull();
    expect(parseInstant("2026-02-30T10:00:00Z")).toBeNull();
    expect(parseInstant("2026-02-10T24:00:00Z")).toBeNull();
    expect(parseInstant("2026-02-10T10:60:00Z")).toBeNull();
  });
});

const WINTER_NOW = "2026-01-05T15:00:00Z";
const SUMMER_NOW = "2026-07-06T15:00:00Z";

describe("checkRequestedFoc: time windows in winter and summer (SPEC 6)", () => {
  it.each([
    ["AUTOMATED", WINTER_NOW, "2026-01-14T10:59:00Z", "05:59 EST", "OUTSIDE_TIME_WINDOW"],
    ["AUTOMATED", WINTER_NOW, "2026-01-14T11:00:00Z", "06:00 EST", "OUTSIDE_SUPPORT_HOURS"],
    ["AUTOMATED", WINTER_NOW, "2026-01-15T03:00:00Z", "22:00 EST", "OUTSIDE_SUPPORT_HOURS"],
    ["AUTOMATED", WINTER_NOW, "2026-01-15T03:01:00Z", "22:01 EST", "OUTSIDE_TIME_WINDOW"],
    ["AUTOMATED", SUMMER_NOW, "2026-07-15T09:59:00Z", "05:59 EDT", "OUTSIDE_TIME_WINDOW"],
    ["AUTOMATED", SUMMER_NOW, "2026-07-15T10:00:00Z", "06:00 EDT", "OUTSIDE_SUPPORT_HOURS"],
    ["AUTOMATED", SUMMER_NOW, "2026-07-16T02:00:00Z", "22:00 EDT", "OUTSIDE_SUPPORT_HOURS"],
    ["AUTOMATED", SUMMER_NOW, "2026-07-16T02:01:00Z", "22:01 EDT", "OUTSIDE_TIME_WINDOW"],
    ["AUTOMATED", SUMMER_NOW, "2026-07-15T12:00:00Z", "08:00 EDT", null],
    ["AUTOMATED", SUMMER_NOW, "2026-07-15T11:59:00Z", "07:59 EDT", "OUTSIDE_SUPPORT_HOURS"],
    ["AUTOMATED", SUMMER_NOW, "2026-07-16T00:00:00Z", "20:00 EDT", null],
    ["AUTOMATED", SUMMER_NOW, "2026-07-16T00:01:00Z", "20:01 EDT", "OUTSIDE_SUPPORT_HOURS"],
    ["ON_NET", WINTER_NOW, "2026-01-14T09:59:00Z", "04:59 EST", "OUTSIDE_TIME_WINDOW"],
    ["ON_NET", WINTER_NOW, "2026-01-14T10:00:00Z", "05:00 EST", "OUTSIDE_SUPPORT_HOURS"],
    ["ON_NET", SUMMER_NOW, "2026-07-15T09:00:00Z", "05:00 EDT", "OUTSIDE_SUPPORT_HOURS"],
    ["ON_NET", SUMMER_NOW, "2026-07-16T02:01:00Z", "22:01 EDT", "OUTSIDE_TIME_WINDOW"],
    ["PROJECT", WINTER_NOW, "2026-01-30T16:30:00Z", "11:30 EST", null],
    ["PROJECT", WINTER_NOW, "2026-01-30T16:31:00Z", "11:31 EST", "PROJECT_TIME_FIXED"],
    ["PROJECT", SUMMER_NOW, "2026-07-31T15:30:00Z", "11:30 EDT", null],
    ["PROJECT", SUMMER_NOW, "2026-07-31T16:30:00Z", "12:30 EDT", "PROJECT_TIME_FIXED"],
  ] as const)("%s %s: %s (%s) -> %s", (portType, now, requested, _label, code) => {
    const result = checkRequestedFoc({ requested, portType, now });
    if (code === null) {
      expect(result).toEqual({ ok: true, warnings: [] });
    } else if (code === "OUTSIDE_SUPPORT_HOURS" || code === "PROJECT_TIME_FIXED") {
      expect(result).toEqual({ ok: true, warnings: [expect.objectContaining({ code, input: requested })] });
    } else {
      expect(result).toEqual({ ok: false, errors: [expect.objectContaining({ code, input: requested })] });
    }
  });

  it("has the windows of each port type", () => {
    expect(getFocTimeWindow("AUTOMATED")).toEqual({ from: "06:00", to: "22:00" });
    expect(getFocTimeWindow("ON_NET")).toEqual({ from: "05:00", to: "22:00" });
    expect(getFocTimeWindow("PROJECT")).toEqual({ from: "11:30", to: "11:30" });
  });

  it("refuses 22:00:30 (inclusive to the minute)", () => {
    const result = checkRequestedFoc({ requested: "2026-07-16T02:00:30Z", portType: "AUTOMATED", now: SUMMER_NOW });
    expect(result.ok).toBe(false);
  });
});

describe("checkRequestedFoc: dates (SPEC 6)", () => {
  const at = (date: string) => `${date}T16:00:00Z`;
  const check = (date: string, extra: Partial<Parameters<typeof checkRequestedFoc>[0]> = {}) =>
    checkRequestedFoc({ requested: at(date), portType: "AUTOMATED", now: WINTER_NOW, ...extra });
  const codesOf = (result: ReturnType<typeof checkRequestedFoc>) => (result.ok ? [] : result.errors.map((e) => e.code));

  it("earliest FOC: the Nth business day after today's ET date", () => {
    expect(earliestFocDate({ portType: "ON_NET", now: WINTER_NOW })).toBe("2026-01-07");
    expect(earliestFocDate({ portType: "AUTOMATED", now: WINTER_NOW })).toBe("2026-01-08");
    expect(earliestFocDate({ portType: "PROJECT", now: WINTER_NOW })).toBe("2026-01-19");
    expect(earliestFocDate({ portType: "AUTOMATED", now: WINTER_NOW, carrierMinBusinessDays: 5 })).toBe("2026-01-12");
    expect(earliestFocDate({ portType: "AUTOMATED", now: WINTER_NOW, carrierMinBusinessDays: 1 })).toBe("2026-01-08");
    // 23:30 ET on Friday is still Friday in ET although it is Saturday in UTC.
    expect(earliestFocDate({ portType: "ON_NET", now: "2025-08-30T03:30:00Z" })).toBe("2025-09-03");
    expect(() => earliestFocDate({ portType: "ON_NET", now: "yesterday" })).toThrow(RangeError);
  });

  it.each([
    ["2026-01-07", ["BEFORE_EARLIEST_FOC"]],
    ["2026-01-08", []],
    ["2026-01-10", ["WEEKEND"]],
    ["2026-01-11", ["WEEKEND"]],
    ["2026-02-04", []],
    ["2026-02-05", ["AFTER_LATEST_FOC"]],
    ["2026-02-07", ["WEEKEND", "AFTER_LATEST_FOC"]],
  ])("AUTOMATED, today 2026-01-05: %s -> %j", (date, expected) => {
    expect(codesOf(check(date))).toEqual(expected);
  });

  it("latest FOC is today (ET) plus 30 days", () => {
    expect(latestFocDate(WINTER_NOW)).toBe("2026-02-04");
  });

  it("refuses porting holidays, naming them, and the default calendar can be replaced", () => {
    const now = "2025-06-20T15:00:00Z";
    const result = checkRequestedFoc({ requested: "2025-07-04T16:00:00Z", portType: "AUTOMATED", now });
    expect(result).toEqual({ ok: false, errors: [expect.objectContaining({ code: "PORTING_HOLIDAY" })] });
    expect(result.ok ? "" : result.errors[0]?.message).toContain("independence day");
    const own = checkRequestedFoc({
      requested: "2025-07-07T16:00:00Z",
      portType: "AUTOMATED",
      now,
      calendar: { holidays: ["2025-07-07"] },
    });
    expect(codesOf(own)).toEqual(["PORTING_HOLIDAY"]);
    expect(own.ok ? "" : own.errors[0]?.message).toContain("a porting holiday");
    expect(
      checkRequestedFoc({ requested: "2025-07-04T16:00:00Z", portType: "AUTOMATED", now, calendar: { holidays: [] } })
        .ok,
    ).toBe(true);
  });

  it("applies the carrier's minimum interval when it is the larger", () => {
    expect(codesOf(check("2026-01-09", { carrierMinBusinessDays: 5 }))).toEqual(["BEFORE_CARRIER_MINIMUM"]);
    expect(codesOf(check("2026-01-12", { carrierMinBusinessDays: 5 }))).toEqual([]);
    expect(codesOf(check("2026-01-07", { carrierMinBusinessDays: 5 }))).toEqual(["BEFORE_EARLIEST_FOC"]);
  });

  it("reports every error at once", () => {
    const result = checkRequestedFoc({ requested: "2026-01-10T09:00:00Z", portType: "AUTOMATED", now: WINTER_NOW });
    expect(codesOf(result)).toEqual(["WEEKEND", "OUTSIDE_TIME_WINDOW"]);
  });

  it("refuses malformed instants as values", () => {
    expect(checkRequestedFoc({ requested: "2026-01-14 10:00", portType: "AUTOMATED", now: WINTER_NOW })).toEqual({
      ok: false,
      errors: [expect.objectContaining({ code: "INVALID_INSTANT", input: "2026-01-14 10:00" })],
    });
    expect(checkRequestedFoc({ requested: at("2026-01-14"), portType: "AUTOMATED", now: "now" })).toMatchObject({
      ok: false,
      errors: [{ code: "INVALID_INSTANT", input: "now" }],
    });
  });
});

describe("short-notice cutoff (SPEC 6)", () => {
  it.each([
    ["FOC Monday 11:30 -> Friday 11:30", "2025-09-08T15:30:00Z", "2025-09-05T15:30:00.000Z"],
    ["FOC Tuesday after Labor Day -> the Friday before", "2025-09-02T15:30:00Z", "2025-08-29T15:30:00.000Z"],
    ["FOC Friday 07:00 -> Thursday 07:00", "2025-09-12T11:00:00Z", "2025-09-11T11:00:00.000Z"],
    ["across spring DST: Monday 11:30 EDT -> Friday 11:30 EST", "2025-03-10T15:30:00Z", "2025-03-07T16:30:00.000Z"],
    ["across autumn DST: Monday 11:30 EST -> Friday 11:30 EDT", "2025-11-03T16:30:00Z", "2025-10-31T15:30:00.000Z"],
    ["after Christmas and a weekend", "2025-12-29T16:30:00Z", "2025-12-26T16:30:00.000Z"],
    ["FOC late evening ET (next day in UTC)", "2025-09-09T02:00:00Z", "2025-09-06T02:00:00.000Z"],
  ])("%s", (_name, foc, cutoff) => {
    expect(shortNoticeCutoff(foc)).toBe(cutoff);
  });

  it("uses the given calendar", () => {
    expect(shortNoticeCutoff("2025-09-09T15:30:00Z", { holidays: ["2025-09-08"] })).toBe("2025-09-05T15:30:00.000Z");
  });

  it("is short notice at and after the cutoff, not a minute before", () => {
    const foc = "2025-09-08T15:30:00Z";
    expect(isShortNotice({ foc, now: "2025-09-05T15:29:00Z" })).toBe(false);
    expect(isShortNotice({ foc, now: "2025-09-05T15:30:00Z" })).toBe(true);
    expect(isShortNotice({ foc, now: "2025-09-06T10:00:00Z" })).toBe(true);
  });

  it("throws on a malformed FOC (a programming error, not an expected failure)", () => {
    expect(() => shortNoticeCutoff("Monday")).toThrow(RangeError);
  });
});

describe("the FOC date picker's month", () => {
  it("offers only the valid dates and the window", () => {
    const month = listFocMonth({ year: 2025, month: 9, portType: "AUTOMATED", now: "2025-08-27T14:00:00Z" });
    expect(month.earliest).toBe("2025-09-02");
    expect(month.latest).toBe("2025-09-26");
    expect(month.dates[0]).toBe("2025-09-02");
    expect(month.dates).not.toContain("2025-09-01");
    expect(month.dates).not.toContain("2025-09-06");
    expect(month.dates.at(-1)).toBe("2025-09-26");
    expect(month.dates).toHaveLength(19);
    expect(month.window).toEqual({ from: "06:00", to: "22:00" });
    expect(month.supportHours).toEqual({ from: "08:00", to: "20:00" });
    expect(listFocMonth({ year: 2025, month: 8, portType: "AUTOMATED", now: "2025-08-27T14:00:00Z" }).dates).toEqual(
      [],
    );
  });

  it("every offered date passes checkRequestedFoc (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3000 }),
        fc.constantFrom("ON_NET", "AUTOMATED", "PROJECT"),
        fc.integer({ min: 0, max: 12 }),
        (offset, portType, carrierMin) => {
          const now = `${addDays("2024-01-01", offset)}T14:00:00Z`;
          const today = easternDate(now) ?? "";
          for (const monthShift of [0, 1]) {
            const first = addDays(`${today.slice(0, 7)}-01`, monthShift * 31);
            const input = {
              year: Number(first.slice(0, 4)),
              month: Number(first.slice(5, 7)),
              portType,
              now,
              carrierMinBusinessDays: carrierMin,
            };
            for (const date of listFocMonth(input).dates) {
              const requested = easternToInstant(date, "11:30") ?? "";
              expect(checkRequestedFoc({ requested, portType, now, carrierMinBusinessDays: carrierMin }).ok).toBe(true);
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
