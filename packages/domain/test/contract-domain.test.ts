import { describe, expect, it } from "vitest";
import {
  checkSuppChange,
  mapRejection,
  mapRejections,
  normalizePon,
  PARTNER_FIELD_LIMITS,
  PARTNER_REJECTION_CODES,
  reasonOfRejectionCode,
  SUPP_CHANGE_RULE,
  validatePon,
} from "../src/index";

describe("the partner contract as the domain owns it (issue 14)", () => {
  it("maps every partner rejection code to a canonical reason; only the catch-all is OTHER", () => {
    for (const code of PARTNER_REJECTION_CODES) {
      expect(reasonOfRejectionCode(code) === "OTHER").toBe(code === "OTHER");
    }
    expect(mapRejection({ code: "REPLACEMENT_BTN_REQUIRED" })).toMatchObject({ reason: "BTN", actor: "CUSTOMER" });
    expect(mapRejection({ code: "TN_NOT_PORTABLE" })).toMatchObject({ reason: "NOT_PORTABLE", fieldsToFix: ["tns"] });
  });

  it("keeps the TNs a rejection names, E.164, and none when it names none", () => {
    expect(mapRejection({ code: "TN_NOT_PORTABLE", tns: ["2015557001", "+12015557002"] }).tns).toEqual([
      "+12015557001",
      "+12015557002",
    ]);
    expect(mapRejection({ code: "TN_NOT_PORTABLE", tns: [] })).not.toHaveProperty("tns");
    expect(mapRejections([{ code: "PIN_REQUIRED" }]).rejections[0]).not.toHaveProperty("tns");
  });

  it("a CHANGE SUPP carries at least one field; a cleared field counts", () => {
    expect(checkSuppChange({})).toBe(SUPP_CHANGE_RULE);
    expect(checkSuppChange({ btn: undefined })).toBe(SUPP_CHANGE_RULE);
    expect(checkSuppChange({ replacementBtn: null })).toBeNull();
    expect(SUPP_CHANGE_RULE).toMatchObject({ field: "changes", code: "EMPTY_CHANGE" });
  });

  it("field limits are the partner's", () => {
    expect(PARTNER_FIELD_LIMITS).toMatchObject({
      accountNumber: 30,
      "serviceAddress.street": 60,
      "serviceAddress.unit": 20,
    });
  });
});

describe("project port PONs (issue 14, finding 21)", () => {
  it.each([
    [" 412 345 678 ", "412345678"],
    ["412-345-678", "412345678"],
    ["pwp261207000001", "PWP261207000001"],
    ["  PWP261207000001", "PWP261207000001"],
  ])("%j is stored as %s", (typed, stored) => {
    expect(normalizePon(typed)).toBe(stored);
  });

  it("accepts the partner's 9-digit parent order ID and our PWP PON for a project port", () => {
    expect(validatePon("PROJECT", "412345678")).toBeNull();
    expect(validatePon("PROJECT", "PWP261207000001")).toBeNull();
    expect(validatePon("PROJECT", "41234567")?.code).toBe("INVALID_PON");
  });
});
