import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatTn, isValidTn, parseTns } from "../src/index";
import { TN_FORMATS } from "./tn-generators";

const digit = fc.integer({ min: 0, max: 9 }).map(String);
const tenDigits = fc
  .tuple(fc.integer({ min: 200, max: 999 }), fc.integer({ min: 200, max: 999 }), fc.integer({ min: 0, max: 9999 }))
  .map(([npa, nxx, line]) => `${npa}${nxx}${String(line).padStart(4, "0")}`);
const anyTenDigits = fc.array(digit, { minLength: 10, maxLength: 10 }).map((d) => d.join(""));
const format = fc.integer({ min: 0, max: TN_FORMATS.length - 1 });
const separator = fc.constantFrom("\n", ",", ";", "\t", " ", ", ", " ;\r\n");

describe("parseTns properties", () => {
  it("any accepted number re-parses to itself", () => {
    fc.assert(
      fc.property(fc.oneof(tenDigits, anyTenDigits), (digits) => {
        const [tn] = parseTns(digits).tns;
        if (tn !== undefined) {
          expect(parseTns(tn).tns).toEqual([tn]);
          expect(isValidTn(tn)).toBe(true);
          for (const style of ["DIGITS", "NATIONAL", "DASHED"] as const) {
            expect(parseTns(formatTn(tn, style)).tns).toEqual([tn]);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("formatting never changes the result (numbers, error codes and warnings)", () => {
    fc.assert(
      fc.property(fc.oneof(tenDigits, anyTenDigits), format, (digits, f) => {
        const plain = parseTns(digits);
        const formatted = parseTns(TN_FORMATS[f]?.(digits) ?? digits);
        expect(formatted.tns).toEqual(plain.tns);
        expect(formatted.errors.map((e) => e.code)).toEqual(plain.errors.map((e) => e.code));
        expect(formatted.warnings.map((w) => w.code)).toEqual(plain.warnings.map((w) => w.code));
      }),
      { numRuns: 3000 },
    );
  });

  it("a list parses to the de-duplicated union of its items, whatever the formats and separators", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(tenDigits, format, separator), { minLength: 1, maxLength: 30 }), (items) => {
        const text = items.map(([d, f, sep]) => `${TN_FORMATS[f]?.(d) ?? d}${sep}`).join("");
        const expected = [...new Set(items.flatMap(([d]) => parseTns(d).tns))];
        const result = parseTns(text);
        expect(result.tns).toEqual(expected);
        expect(
          result.errors.length + result.tns.length + result.warnings.filter((w) => w.code === "DUPLICATE").length,
        ).toBe(items.length);
      }),
      { numRuns: 1000 },
    );
  });

  it("a short-form range holds exactly the numbers between its ends", () => {
    fc.assert(
      fc.property(tenDigits, fc.integer({ min: 0, max: 200 }), (digits, extra) => {
        const line = Number(digits.slice(6));
        const endLine = Math.min(9999, line + extra);
        const result = parseTns(`${digits}-${String(endLine).padStart(4, "0")}`);
        const singles = parseTns(
          Array.from(
            { length: endLine - line + 1 },
            (_, i) => `${digits.slice(0, 6)}${String(line + i).padStart(4, "0")}`,
          ),
        );
        expect(result.tns).toEqual(singles.tns);
      }),
      { numRuns: 300 },
    );
  });

  it("never throws, whatever the text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        const result = parseTns(text);
        expect(result.tns.every(isValidTn)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
