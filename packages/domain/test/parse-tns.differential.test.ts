import { parsePhoneNumberFromString } from "libphonenumber-js";
import { describe, expect, it } from "vitest";
import { parseTns } from "../src/index";
import { createRandom, randomDigits, TN_FORMATS } from "./tn-generators";

/**
 * Independent oracle: the SPEC 3 rule that explains why Portway refuses a number libphonenumber-js accepts,
 * written from SPEC 3 with string tests only (not with the parser's tables).
 */
function specRuleRefusing(input: string, digits: string): string | null {
  if (/x\d/i.test(input)) {
    return "EXTENSION";
  }
  if (input.startsWith("+") && !input.startsWith("+1")) {
    return "NON_NANP_COUNTRY_CODE";
  }
  const npa = digits.slice(0, 3);
  const nxx = digits.slice(3, 6);
  if (/^[01]/.test(npa)) {
    return "NPA_FIRST_DIGIT";
  }
  if (/^[2-9]11$/.test(npa)) {
    return "NPA_N11";
  }
  if (/^[2-9]9\d$/.test(npa)) {
    return "NPA_N9X_RESERVED";
  }
  if (/^(37|96)\d$/.test(npa)) {
    return "NPA_37X_96X_RESERVED";
  }
  if (["800", "833", "844", "855", "866", "877", "888"].includes(npa)) {
    return "TOLL_FREE";
  }
  if (/^(500|52[1-9]|533|544|566|577|588|600|700|710|900)$/.test(npa)) {
    return "NON_GEOGRAPHIC_NPA";
  }
  if (/^[01]/.test(nxx)) {
    return "NXX_FIRST_DIGIT";
  }
  if (/^[2-9]11$/.test(nxx)) {
    return "NXX_N11";
  }
  if (["950", "958", "959"].includes(nxx)) {
    return "SERVICE_NXX";
  }
  if (nxx === "555" && /^01\d\d$/.test(digits.slice(6))) {
    return "FICTIONAL_555_01XX";
  }
  return null;
}

const INPUTS = 100_000;

describe("differential test against libphonenumber-js", () => {
  it(`agrees on ${INPUTS.toLocaleString("en-US")} generated inputs, or a SPEC 3 rule explains why not`, () => {
    const random = createRandom(20_250_301);
    const tally = new Map<string, number>();
    const failures: string[] = [];
    const count = (key: string) => tally.set(key, (tally.get(key) ?? 0) + 1);
    for (let i = 0; i < INPUTS; i++) {
      const digits = randomDigits(random);
      const roll = random();
      let input = TN_FORMATS[Math.floor(random() * TN_FORMATS.length)]?.(digits) ?? digits;
      if (roll < 0.01) {
        input = `${input} x${Math.floor(random() * 999)}`;
      } else if (roll < 0.02) {
        input = `+44 ${digits}`;
      }
      const ours = parseTns(input);
      const theirs = parsePhoneNumberFromString(input, "US");
      const theirsValid = theirs?.isValid() === true ? theirs.number : null;
      const oursValid = ours.tns[0] ?? null;
      // One number in, one outcome out: never split into two, never silently dropped.
      if (ours.tns.length + ours.errors.length !== 1) {
        failures.push(`${input}: ${ours.tns.length} numbers and ${ours.errors.length} errors`);
      }
      if (oursValid !== null && theirsValid !== null) {
        if (oursValid !== theirsValid) {
          failures.push(`${input}: ${oursValid} here, ${theirsValid} in libphonenumber-js`);
        }
        count("both accept, same E.164");
      } else if (oursValid === null && theirsValid === null) {
        count("both refuse");
      } else if (oursValid === null) {
        // Refused here, accepted there: the refusal must be the SPEC 3 rule the oracle names.
        const rule = specRuleRefusing(input, digits);
        const code = ours.errors[0]?.code;
        if (rule === null || code !== rule) {
          failures.push(`${input}: refused with ${code}, SPEC 3 rule ${rule}`);
        }
        count(`SPEC 3 rule ${rule}`);
      } else {
        // Accepted here, refused there: only because the number is not in libphonenumber's assignment data
        // ("syntax is necessary, not sufficient: portability comes from the numbering data", SPEC 3). The
        // syntax must still be possible for libphonenumber, and the number must be the one it parsed.
        if (theirs?.isPossible() !== true || theirs.number !== oursValid) {
          failures.push(`${input}: accepted as ${oursValid}, libphonenumber-js read ${theirs?.number}`);
        }
        count("SPEC 3 syntax-only (not in libphonenumber's assignment data)");
      }
    }
    expect(failures.slice(0, 20)).toEqual([]);
    const total = [...tally.values()].reduce((a, b) => a + b, 0);
    expect(total).toBe(INPUTS);
    expect(tally.get("both accept, same E.164") ?? 0).toBeGreaterThan(INPUTS / 4);
    expect(tally.get("SPEC 3 rule FICTIONAL_555_01XX") ?? 0).toBeGreaterThanOrEqual(0);
    expect(tally.get("SPEC 3 rule TOLL_FREE") ?? 0).toBeGreaterThan(0);
    expect(tally.get("SPEC 3 rule NXX_N11") ?? 0).toBeGreaterThan(0);
    expect(tally.get("SPEC 3 rule EXTENSION") ?? 0).toBeGreaterThan(0);
    expect(tally.get("SPEC 3 rule NON_NANP_COUNTRY_CODE") ?? 0).toBeGreaterThan(0);
  });

  it("the fictional 555-01XX range: libphonenumber-js accepts, SPEC 3 refuses", () => {
    for (const input of ["2125550100", "(212) 555-0150", "+1 212 555 0199"]) {
      expect(parsePhoneNumberFromString(input, "US")?.isValid()).toBe(true);
      expect(parseTns(input).errors.map((e) => e.code)).toEqual(["FICTIONAL_555_01XX"]);
    }
  });
});
