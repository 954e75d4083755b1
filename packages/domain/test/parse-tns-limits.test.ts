import { describe, expect, it } from "vitest";
import { MAX_TNS_PER_INPUT, parseTns } from "../src/index";

/** Exchanges whose every line is a valid number (no N11, no 555, no service codes). */
const CLEAN_NXXS = Array.from({ length: 800 }, (_, i) => 200 + i).filter(
  (nxx) => nxx % 100 !== 11 && ![555, 950, 958, 959, 976].includes(nxx),
);

/** `count` full 10,000-number ranges in distinct exchanges: 16 characters of input each. */
function fullRanges(count: number): string {
  return Array.from(
    { length: count },
    (_, i) => `${202 + Math.floor(i / CLEAN_NXXS.length)}${CLEAN_NXXS[i % CLEAN_NXXS.length]}0000-9999`,
  ).join(",");
}

describe("parseTns: a total cap before range expansion (issue 14, finding 8)", () => {
  it("refuses, before expanding it, a range that would bring the input past the cap, naming the range and the counts", () => {
    const input = fullRanges(150);
    expect(input.length).toBeLessThan(2_500);
    const result = parseTns(input);
    expect(result.tns.length).toBeLessThanOrEqual(MAX_TNS_PER_INPUT);
    const refused = result.errors.filter((e) => e.code === "INPUT_TOO_LARGE");
    const accepted = MAX_TNS_PER_INPUT / 10_000;
    expect(result.tns).toHaveLength(accepted * 10_000);
    expect(refused).toHaveLength(150 - accepted);
    const first = refused[0];
    expect(first?.input).toBe(input.split(",")[accepted]);
    expect(first?.message).toContain("10,000 numbers");
    expect(first?.message).toContain(MAX_TNS_PER_INPUT.toLocaleString("en-US"));
  });

  it("counts single numbers and ranges together, and accepts exactly the cap", () => {
    const singles = Array.from({ length: 9_999 }, (_, i) => `+1303555${String(i).padStart(4, "0")}`).filter(
      (tn) => !/5550[1]\d\d$/.test(tn),
    );
    const room = MAX_TNS_PER_INPUT - singles.length;
    const ranges = fullRanges(Math.floor(room / 10_000));
    const left = room % 10_000;
    const lastRange = `4042020000-${String(left - 1).padStart(4, "0")}`;
    const exact = parseTns([singles.join("\n"), ranges, lastRange]);
    expect(exact.errors).toEqual([]);
    expect(exact.tns).toHaveLength(MAX_TNS_PER_INPUT);
    const over = parseTns([singles.join("\n"), ranges, lastRange, "4042030000-0001"]);
    expect(over.tns).toHaveLength(MAX_TNS_PER_INPUT);
    expect(over.errors.map((e) => [e.input, e.code])).toEqual([["4042030000-0001", "INPUT_TOO_LARGE"]]);
  });

  it("the cap can be lowered by the caller", () => {
    const result = parseTns("2025550200-0299, 2025550300-0399", { maxTotalTns: 150 });
    expect(result.tns).toHaveLength(100);
    expect(result.errors.map((e) => e.code)).toEqual(["INPUT_TOO_LARGE"]);
  });
});

describe("parseTns: space-joined numbers and NPA reasons of ranges (issue 14, finding 17)", () => {
  it("a short number does not swallow the first group of the valid number after it", () => {
    const result = parseTns("202234012 202 234 0124");
    expect(result.tns).toEqual(["+12022340124"]);
    expect(result.errors.map((e) => [e.input, e.code])).toEqual([["202234012", "INVALID_LENGTH"]]);
  });

  it.each([
    ["202234012 202 234 0124 202 234 0125", ["+12022340124", "+12022340125"]],
    ["202 234 0124 202 234 0125", ["+12022340124", "+12022340125"]],
    ["202234012 202 234 0124,2022340125", ["+12022340124", "+12022340125"]],
    ["2022340 1202 234 0124", ["+12022340124"]],
    ["202234012 202 +12022340124", ["+12022340124"]],
    ["202234012 202 ext", []],
  ])("%j keeps every valid number", (input, tns) => {
    expect(parseTns(input).tns).toEqual(tns);
  });

  it.each([
    ["1025550100-0199", "NPA_FIRST_DIGIT"],
    ["0125550100-0199", "NPA_FIRST_DIGIT"],
    ["1995550100-1995550199", "NPA_FIRST_DIGIT"],
    ["2115550100-0199", "NPA_N11"],
  ])("range %j reports %s, like the single number would", (input, code) => {
    expect(parseTns(input).errors.map((e) => e.code)).toEqual([code]);
  });

  it("a trunk-prefixed range still reads as a range", () => {
    expect(parseTns("12025550200-0201").tns).toEqual(["+12025550200", "+12025550201"]);
  });
});
