import { describe, expect, it } from "vitest";
import { buildBusinessCalendar, focInstantOf, listFocOptions, textInput } from "../src/index";

describe("listFocOptions", () => {
  const now = "2026-12-07T15:00:00.000Z"; // Monday 10:00 ET
  const rules = { calendar: buildBusinessCalendar([2026, 2027]), carrierMinBusinessDays: 0 };

  it("offers business days only, from the latest earliest FOC of the orders, inside every window", () => {
    const options = listFocOptions({
      now,
      orders: [
        { portType: "AUTOMATED", ...rules },
        { portType: "ON_NET", ...rules },
      ],
    });
    expect(options.dates.length).toBeGreaterThan(5);
    expect(options.dates[0]).toBe(options.earliest);
    for (const date of options.dates) {
      const day = new Date(`${date}T12:00:00Z`).getUTCDay();
      expect(day).not.toBe(0);
      expect(day).not.toBe(6);
      expect(date <= options.latest).toBe(true);
    }
    expect(options.window).not.toBeNull();
    expect(options.times[0]?.time).toBe(options.window?.from);
    expect(options.times.some((t) => t.outsideSupportHours)).toBe(true);
    expect(options.times.some((t) => !t.outsideSupportHours)).toBe(true);
  });

  it("takes a carrier's holiday and minimum interval", () => {
    const plain = listFocOptions({ now, orders: [{ portType: "AUTOMATED", ...rules }] });
    const first = plain.dates[0] ?? "";
    const slowed = listFocOptions({
      now,
      orders: [{ portType: "AUTOMATED", carrierMinBusinessDays: 8, calendar: { holidays: [first] } }],
    });
    expect(slowed.dates).not.toContain(first);
    expect(slowed.earliest > first).toBe(true);
    expect(
      listFocOptions({ now, orders: [{ portType: "AUTOMATED", ...rules }], stepMinutes: 60 }).times.length,
    ).toBeLessThan(plain.times.length);
  });

  it("turns an offered ET date and time into an instant, and refuses a time that is none", () => {
    expect(focInstantOf("2026-12-15", "12:00")).toBe("2026-12-15T17:00:00.000Z");
    expect(focInstantOf("2026-12-15", "25:00")).toBeNull();
  });
});

describe("textInput", () => {
  const schema = textInput(10, "The name");

  it("trims and accepts ordinary text, emoji pairs included", () => {
    expect(schema.parse("  Zoë 😀 ")).toBe("Zoë 😀");
  });

  it.each([
    ["a NUL", `a${String.fromCharCode(0)}b`, "cannot be stored"],
    ["a lone high surrogate", "a\uD83D", "cannot be stored"],
    ["a lone low surrogate", "\uDE00a", "cannot be stored"],
    ["too long", "x".repeat(11), "The name may be at most 10 characters."],
  ])("refuses %s with a message naming the field", (_label, value, message) => {
    const result = schema.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain(message);
  });

  it("names the text generically when no name is given", () => {
    expect(textInput(1).safeParse("xy").error?.issues[0]?.message).toBe("This text may be at most 1 characters.");
  });
});
