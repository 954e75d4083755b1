import { describe, expect, it } from "vitest";
import { classifyTn, formatTn, isValidTn, parseTn, parseTns, toPartnerTn } from "../src/index";

const codes = (input: string | string[]) => parseTns(input).errors.map((e) => e.code);
const warnings = (input: string | string[]) => parseTns(input).warnings.map((w) => w.code);

describe("parseTns: accepted formats (SPEC 3)", () => {
  it.each([
    ["2125550234", "+12125550234"],
    ["(212) 555-0234", "+12125550234"],
    ["212.555.0234", "+12125550234"],
    ["212/555-0234", "+12125550234"],
    ["212-555-0234", "+12125550234"],
    ["1-212-555-0234", "+12125550234"],
    ["12125550234", "+12125550234"],
    ["+1 212 555 0234", "+12125550234"],
    ["+12125550234", "+12125550234"],
    ["+1 (212) 555-0234", "+12125550234"],
    ["1 (212) 555-0234", "+12125550234"],
    ["  212 555 0234  ", "+12125550234"],
    ["212\u00a0555\u00a00234", "+12125550234"],
  ])("%j -> %s", (input, e164) => {
    const result = parseTns(input);
    expect(result.tns).toEqual([e164]);
    expect(result.errors).toEqual([]);
  });
});

describe("parseTns: separators", () => {
  it.each([
    ["newline", "3122864000\n6172531000"],
    ["CRLF", "3122864000\r\n6172531000"],
    ["comma", "3122864000,6172531000"],
    ["semicolon", "3122864000;6172531000"],
    ["tab", "3122864000\t6172531000"],
    ["space between numbers", "(312) 286-4000 6172531000"],
    ["spaces and commas", "312 286 4000 , 617 253 1000"],
    ["plus starts a number", "3122864000 +1 617 253 1000"],
    ["parenthesis starts a number", "312286400 (617) 253-1000"],
  ])("%s", (_name, input) => {
    expect(parseTns(input).tns.slice(-1)).toEqual(["+16172531000"]);
  });

  it("splits two full numbers separated by a space", () => {
    expect(parseTns("(312) 286-4000 6172531000").tns).toEqual(["+13122864000", "+16172531000"]);
  });

  it("accepts an array of inputs, each with its own separators", () => {
    expect(parseTns(["3122864000, 6172531000", "7182345678"]).tns).toEqual([
      "+13122864000",
      "+16172531000",
      "+17182345678",
    ]);
  });

  it("ignores empty input and bare separators", () => {
    expect(parseTns("")).toEqual({ tns: [], errors: [], warnings: [] });
    expect(parseTns(" ,;\n\t ")).toEqual({ tns: [], errors: [], warnings: [] });
    expect(parseTns([])).toEqual({ tns: [], errors: [], warnings: [] });
  });

  it("keeps the token as the user typed it in issues", () => {
    expect(parseTns("  (312) 286-40001 ,x").errors.map((e) => e.input)).toEqual(["(312) 286-40001", "x"]);
  });
});

describe("parseTns: de-duplication", () => {
  it("collapses duplicates across formats with a warning, first-seen order", () => {
    const result = parseTns("7182345678\n312-286-4000\n(718) 234-5678\n+17182345678");
    expect(result.tns).toEqual(["+17182345678", "+13122864000"]);
    expect(result.warnings.map((w) => [w.input, w.code])).toEqual([
      ["(718) 234-5678", "DUPLICATE"],
      ["+17182345678", "DUPLICATE"],
    ]);
  });

  it("warns once for a range overlapping earlier numbers", () => {
    const result = parseTns("7182340005, 7182340000-0009");
    expect(result.tns).toHaveLength(10);
    expect(result.warnings).toEqual([expect.objectContaining({ code: "DUPLICATE", input: "7182340000-0009" })]);
  });

  it("handles many numbers (growing the set)", () => {
    const input = Array.from({ length: 5000 }, (_, i) => `71823${String(40000 + i)}`);
    const result = parseTns([...input, ...input]);
    expect(result.tns).toHaveLength(5000);
    expect(result.warnings).toHaveLength(5000);
  });
});

describe("parseTns: ranges", () => {
  it.each([
    ["long form", "7182340100-7182340199", 100],
    ["short form", "7182340100-0199", 100],
    ["LSR form", "718-234-0100-0199", 100],
    ["spaces around the dash", "7182340100 - 7182340199", 100],
    ["11-digit ends", "17182340100-17182340199", 100],
    ["single number", "7182340100-0100", 1],
    ["whole exchange (10,000)", "7182340000-9999", 10_000],
    ["space-separated end", "7182340100-718 234 0199", 100],
  ])("%s", (_name, input, count) => {
    const result = parseTns(input);
    expect(result.errors).toEqual([]);
    expect(result.tns).toHaveLength(count);
    expect(result.tns[0]).toMatch(/^\+1718234/);
  });

  it("expands inclusively and in order", () => {
    expect(parseTns("7182340198-0201").tns).toEqual(["+17182340198", "+17182340199", "+17182340200", "+17182340201"]);
  });

  it.each([
    ["different exchange", "7182340100-7182350100", "RANGE_NOT_SAME_EXCHANGE"],
    ["different NPA", "7182340100-2122340199", "RANGE_NOT_SAME_EXCHANGE"],
    ["start after end", "7182340199-0100", "RANGE_REVERSED"],
    ["end of 3 digits", "7182340100-199", "RANGE_END_INVALID"],
    ["end of 5 digits", "7182340100-10199", "RANGE_END_INVALID"],
    ["missing end", "7182340100-", "RANGE_END_INVALID"],
    ["invalid start NPA", "1182340100-0199", "NPA_FIRST_DIGIT"],
    ["start in N11 exchange", "7189110100-0199", "NXX_N11"],
    ["toll-free range", "8002340100-0199", "TOLL_FREE"],
  ])("%s -> %s", (_name, input, code) => {
    expect(codes(input)).toEqual([code]);
    expect(parseTns(input).tns).toEqual([]);
  });

  it("checks the cap before expansion", () => {
    const result = parseTns("7182340000-0100", { maxRangeSize: 100 });
    expect(result.errors).toEqual([expect.objectContaining({ code: "RANGE_TOO_LARGE" })]);
    expect(result.errors[0]?.message).toContain("at most 100");
    expect(result.tns).toEqual([]);
    expect(parseTns("7182340000-0099", { maxRangeSize: 100 }).tns).toHaveLength(100);
  });

  it("leaves the fictional 555-01XX part out of a range, with an error, and keeps the rest", () => {
    const result = parseTns("7185550190-0209");
    expect(result.tns).toHaveLength(10);
    expect(result.tns[0]).toBe("+17185550200");
    expect(result.errors).toEqual([expect.objectContaining({ code: "FICTIONAL_555_01XX", input: "7185550190-0209" })]);
    expect(result.errors[0]?.message).toContain("10 numbers");
    expect(result.warnings.map((w) => w.code)).toEqual(["SUSPICIOUS_555"]);
  });

  it("rejects a wholly fictional range (the SPEC example) with one error", () => {
    const result = parseTns("2025550100-2025550199");
    expect(result.tns).toEqual([]);
    expect(result.errors).toEqual([expect.objectContaining({ code: "FICTIONAL_555_01XX" })]);
    expect(result.warnings).toEqual([]);
  });

  it("warns for 976 ranges", () => {
    expect(warnings("7189760000-0009")).toEqual(["PAY_PER_CALL_976"]);
  });
});

describe("parseTns: invalid classes, each with its own code", () => {
  it.each([
    ["letters (vanity)", "718-234-CALL", "LETTERS"],
    ["letters only", "hello", "LETTERS"],
    ["extension x", "7182345678 x12", "EXTENSION"],
    ["extension ext", "7182345678 ext 12", "EXTENSION"],
    ["extension ext.", "7182345678 ext. 12", "EXTENSION"],
    ["extension #", "7182345678#12", "EXTENSION"],
    ["extension glued", "7182345678x12", "EXTENSION"],
    ["other character", "718*234*5678", "INVALID_CHARACTER"],
    ["hash without number", "718#2345678", "INVALID_CHARACTER"],
    ["plus inside", "718+2345678", "INVALID_CHARACTER"],
    ["9 digits", "718234567", "INVALID_LENGTH"],
    ["12 digits", "718234567890", "INVALID_LENGTH"],
    ["11 digits not starting with 1", "27182345678", "INVALID_LENGTH"],
    ["+1 with 10 digits", "+1718234567", "INVALID_LENGTH"],
    ["+ with 10 digits", "+7182345678", "NON_NANP_COUNTRY_CODE"],
    ["punctuation only", "()", "INVALID_LENGTH"],
    ["UK number", "+44 20 7946 0958", "NON_NANP_COUNTRY_CODE"],
    ["NPA starting with 0", "0182345678", "NPA_FIRST_DIGIT"],
    ["NPA starting with 1 (11 digits)", "11182345678", "NPA_FIRST_DIGIT"],
    ["NPA N11 (211)", "2112345678", "NPA_N11"],
    ["NPA N11 (911)", "9112345678", "NPA_N11"],
    ["NPA N9X (291)", "2912345678", "NPA_N9X_RESERVED"],
    ["NPA N9X (999)", "9992345678", "NPA_N9X_RESERVED"],
    ["NPA 37X (370)", "3702345678", "NPA_37X_96X_RESERVED"],
    ["NPA 37X (379)", "3792345678", "NPA_37X_96X_RESERVED"],
    ["NPA 96X (960)", "9602345678", "NPA_37X_96X_RESERVED"],
    ["NPA 96X (969)", "9692345678", "NPA_37X_96X_RESERVED"],
    ["NPA 500", "5002345678", "NON_GEOGRAPHIC_NPA"],
    ["NPA 521", "5212345678", "NON_GEOGRAPHIC_NPA"],
    ["NPA 529", "5292345678", "NON_GEOGRAPHIC_NPA"],
    ["NPA 533", "5332345678", "NON_GEOGRAPHIC_NPA"],
    ["NPA 588", "5882345678", "NON_GEOGRAPHIC_NPA"],
    ["NPA 600", "6002345678", "NON_GEOGRAPHIC_NPA"],
    ["NPA 700", "7002345678", "NON_GEOGRAPHIC_NPA"],
    ["NPA 710", "7102345678", "NON_GEOGRAPHIC_NPA"],
    ["NPA 900", "9002345678", "NON_GEOGRAPHIC_NPA"],
    ["NXX starting with 0", "7180345678", "NXX_FIRST_DIGIT"],
    ["NXX starting with 1", "7181345678", "NXX_FIRST_DIGIT"],
    ["NXX N11 (411)", "7184115678", "NXX_N11"],
    ["NXX N11 (911)", "7189115678", "NXX_N11"],
    ["NXX 950", "7189505678", "SERVICE_NXX"],
    ["NXX 958", "7189585678", "SERVICE_NXX"],
    ["NXX 959", "7189595678", "SERVICE_NXX"],
    ["555-0100 (first fictional)", "7185550100", "FICTIONAL_555_01XX"],
    ["555-0199 (last fictional)", "7185550199", "FICTIONAL_555_01XX"],
  ])("%s: %j -> %s", (_name, input, code) => {
    const result = parseTns(input);
    expect(result.errors.map((e) => e.code)).toEqual([code]);
    expect(result.errors[0]?.message.length).toBeGreaterThan(10);
    expect(result.tns).toEqual([]);
  });

  it.each([
    ["520 is geographic", "5202345678"],
    ["530 is geographic", "5302345678"],
    ["601 is geographic", "6012345678"],
    ["701 is geographic", "7012345678"],
    ["380 is geographic", "3802345678"],
    ["950 as NPA is fine", "9502345678"],
    ["NXX 200", "7182005678"],
    ["NXX 951", "7189515678"],
    ["555-0099 (before fictional)", "7185550099"],
    ["555-0200 (after fictional)", "7185550200"],
  ])("%s: %j is accepted", (_name, input) => {
    expect(parseTns(input).errors).toEqual([]);
    expect(parseTns(input).tns).toHaveLength(1);
  });

  it("refuses toll-free NPAs for a local port-in, naming the RespOrg change", () => {
    for (const npa of ["800", "833", "844", "855", "866", "877", "888"]) {
      const result = parseTns(`${npa}2345678`);
      expect(result.errors.map((e) => e.code)).toEqual(["TOLL_FREE"]);
      expect(result.errors[0]?.message).toMatch(/RespOrg/);
    }
    expect(codes("8004111234")).toEqual(["TOLL_FREE"]);
    expect(codes("8222345678")).toEqual([]);
  });

  it("warns, without refusing, for other 555 numbers and 976", () => {
    expect(parseTns("7185551212").tns).toEqual(["+17185551212"]);
    expect(warnings("7185551212")).toEqual(["SUSPICIOUS_555"]);
    expect(warnings("7189761234")).toEqual(["PAY_PER_CALL_976"]);
    expect(warnings("7189771234")).toEqual([]);
  });

  it("keeps valid numbers around invalid ones", () => {
    const result = parseTns("Tel 7182345678, 718-234-CALL 3122864000, 2112345678");
    expect(result.tns).toEqual(["+17182345678", "+13122864000"]);
    expect(result.errors.map((e) => [e.input, e.code])).toEqual([
      ["Tel", "LETTERS"],
      ["718-234-CALL", "LETTERS"],
      ["2112345678", "NPA_N11"],
    ]);
  });

  it("keeps a number with an extension as one invalid token", () => {
    const result = parseTns("7182345678 x12 3122864000");
    expect(result.errors.map((e) => e.input)).toEqual(["7182345678 x12"]);
    expect(result.tns).toEqual(["+13122864000"]);
  });

  it("treats trailing letters after a number as one invalid token", () => {
    expect(parseTns("7182345678 abc").errors.map((e) => [e.input, e.code])).toEqual([["7182345678 abc", "LETTERS"]]);
  });
});

describe("parseTn, isValidTn, classifyTn, formatTn", () => {
  it("parses exactly one number", () => {
    expect(parseTn("(718) 234-5678")).toEqual({ ok: true, tn: "+17182345678", warnings: [] });
    expect(parseTn("7185551212")).toMatchObject({ ok: true, warnings: [{ code: "SUSPICIOUS_555" }] });
    expect(parseTn("2112345678")).toMatchObject({ ok: false, error: { code: "NPA_N11" } });
    expect(parseTn("7182345678, 3122864000")).toMatchObject({ ok: false, error: { code: "INVALID_LENGTH" } });
    expect(parseTn("")).toMatchObject({ ok: false, error: { code: "INVALID_LENGTH" } });
    expect(parseTn("7182345678-5679")).toMatchObject({ ok: false, error: { code: "RANGE_TOO_LARGE" } });
  });

  it("validates canonical E.164 only", () => {
    expect(isValidTn("+17182345678")).toBe(true);
    expect(isValidTn("7182345678")).toBe(false);
    expect(isValidTn("+1718234567")).toBe(false);
    expect(isValidTn("+12112345678")).toBe(false);
    expect(isValidTn("+1 718234567")).toBe(false);
  });

  it.each([
    ["+17182345678", "GEOGRAPHIC", null],
    ["7182345678", "GEOGRAPHIC", null],
    ["+18002345678", "TOLL_FREE", "TOLL_FREE"],
    ["+19002345678", "NON_GEOGRAPHIC", "NON_GEOGRAPHIC_NPA"],
    ["+17185550150", "INVALID", "FICTIONAL_555_01XX"],
    ["+12112345678", "INVALID", "NPA_N11"],
    ["+17189115678", "INVALID", "NXX_N11"],
    ["12345", "INVALID", "INVALID_LENGTH"],
  ])("classifies %s as %s", (tn, kind, code) => {
    expect(classifyTn(tn)).toMatchObject({ kind, code });
  });

  it("formats for storage, partners and people", () => {
    expect(formatTn("+17182345678", "E164")).toBe("+17182345678");
    expect(formatTn("+17182345678", "DIGITS")).toBe("7182345678");
    expect(toPartnerTn("+17182345678")).toBe("7182345678");
    expect(formatTn("+17182345678", "NATIONAL")).toBe("(718) 234-5678");
    expect(formatTn("+17182345678", "DASHED")).toBe("718-234-5678");
    expect(formatTn("7182345678", "NATIONAL")).toBe("7182345678");
  });
});
