import { describe, expect, it } from "vitest";
import {
  compareCsr,
  mapRejection,
  mapRejections,
  normalizeCsrText,
  normalizeRejectionCode,
  parseAddressLine,
  parseCsr,
  REJECTION_CODE_MAP,
  REJECTION_PLAYBOOKS,
  REJECTION_REASONS,
} from "../src/index";

describe("rejections mapped to canonical reasons (SPEC 9)", () => {
  it.each([
    ["SERVICE_ADDRESS_MISMATCH", "ADDRESS_MISMATCH", "CUSTOMER"],
    ["zip mismatch", "ADDRESS_MISMATCH", "CUSTOMER"],
    ["AUTH_NAME_MISMATCH", "NAME_MISMATCH", "PORTING_TEAM"],
    ["Business-Name-Mismatch", "NAME_MISMATCH", "PORTING_TEAM"],
    ["ACCOUNT_NUMBER_MISMATCH", "ACCOUNT_NUMBER", "CUSTOMER"],
    ["PIN_INVALID", "PIN", "CUSTOMER"],
    ["BTN_ATN_MISMATCH", "BTN", "CUSTOMER"],
    ["PARTIAL_PORT", "BTN", "CUSTOMER"],
    ["PENDING_ORDER", "PENDING_ORDER", "END_USER"],
    ["LSP_FREEZE", "FREEZE", "END_USER"],
    ["TN_NOT_ACTIVE", "NOT_PORTABLE", "CUSTOMER"],
    ["FOC_REJECTED", "FOC_DATE_REFUSED", "CUSTOMER"],
    ["ILLEGIBLE_LOA", "LOA_PROBLEM", "CUSTOMER"],
    ["MORE_RECENT_AUTHORIZATION", "LOA_PROBLEM", "CUSTOMER"],
    ["X-999", "OTHER", "PORTING_TEAM"],
  ])("%s -> %s, %s acts", (code, reason, actor) => {
    const rejection = mapRejection({ code, text: "raw partner text" });
    expect(rejection).toMatchObject({ code, reason, actor, rawText: "raw partner text" });
    expect(rejection.explanation.length).toBeGreaterThan(20);
  });

  it("names the fields to fix", () => {
    expect(mapRejection({ code: "ZIP_MISMATCH" }).fieldsToFix).toContain("serviceAddress.zip");
    expect(mapRejection({ code: "PIN_REQUIRED" }).fieldsToFix).toEqual(["accountNumber", "pin"]);
    expect(mapRejection({ code: "FOC_REJECTED" }).fieldsToFix).toEqual(["requestedFoc"]);
    expect(mapRejection({ code: "LSP_FREEZE" }).fieldsToFix).toEqual([]);
    expect(mapRejection({ code: "?" }).rawText).toBe("");
  });

  it("maps several rejections at once, with the union of fields", () => {
    const { rejections, fieldsToFix } = mapRejections([
      { code: "PIN_INVALID" },
      { code: "ACCOUNT_NUMBER_MISMATCH" },
      { code: "FOC_REJECTED" },
    ]);
    expect(rejections.map((r) => r.reason)).toEqual(["PIN", "ACCOUNT_NUMBER", "FOC_DATE_REFUSED"]);
    expect(fieldsToFix).toEqual(["accountNumber", "pin", "requestedFoc"]);
  });

  it("has a playbook for every reason and a reason for every code", () => {
    for (const reason of REJECTION_REASONS) {
      expect(REJECTION_PLAYBOOKS[reason].reason).toBe(reason);
    }
    expect(new Set(Object.values(REJECTION_CODE_MAP))).toEqual(new Set(REJECTION_REASONS.filter((r) => r !== "OTHER")));
    expect(normalizeRejectionCode("  pin / invalid ")).toBe("PIN_INVALID");
  });
});

const CSR = `CUSTOMER SERVICE RECORD
Account Number: 99-123
BTN: (718) 234-0001
Name: Tom's Bass Shop LLC
Service Address: 12 North Main Street Suite 4, Brooklyn, NY 11201-1234
Working TNs: 718-234-0001, 718-234-0002
  7182340003
Features: call forwarding
`;

describe("CSR parsing (SPEC 9)", () => {
  it("parses the fields of a CSR note", () => {
    const csr = parseCsr(CSR);
    expect(csr).toEqual({
      name: "Tom's Bass Shop LLC",
      serviceAddress: {
        houseNumber: "12",
        street: "North Main Street",
        unit: "Suite 4",
        city: "Brooklyn",
        state: "NY",
        zip: "11201-1234",
      },
      btn: "+17182340001",
      accountNumber: "99-123",
      tns: ["+17182340001", "+17182340002", "+17182340003"],
      unparsed: ["CUSTOMER SERVICE RECORD", "Features: call forwarding"],
    });
  });

  it("parses address parts and other labels", () => {
    const csr = parseCsr(
      "SANO: 45\nSASN: Elm Ave\nCity: Troy\nstate: ny\nZIP: 12180\nATN = 5182340000\nAcct #: 77\nEU Name: Ann Lee\nWTN: 5182340000-0002",
    );
    expect(csr.serviceAddress).toEqual({
      houseNumber: "45",
      street: "Elm Ave",
      city: "Troy",
      state: "NY",
      zip: "12180",
    });
    expect(csr.btn).toBe("+15182340000");
    expect(csr.accountNumber).toBe("77");
    expect(csr.name).toBe("Ann Lee");
    expect(csr.tns).toHaveLength(3);
  });

  it("tolerates an empty or unrecognisable CSR (no CSR is not an error)", () => {
    expect(parseCsr("")).toEqual({
      name: null,
      serviceAddress: null,
      btn: null,
      accountNumber: null,
      tns: [],
      unparsed: [],
    });
    expect(parseCsr("BTN: unknown").btn).toBeNull();
  });

  it.each([
    [
      "12 Main St, Brooklyn, NY 11201",
      { houseNumber: "12", street: "Main St", city: "Brooklyn", state: "NY", zip: "11201" },
    ],
    [
      "12 Main St, Fl 3, Brooklyn, NY 11201",
      { houseNumber: "12", street: "Main St", unit: "Fl 3", city: "Brooklyn", state: "NY", zip: "11201" },
    ],
    [
      "12B Main St #5, Troy, ny 12180",
      { houseNumber: "12B", street: "Main St", unit: "#5", city: "Troy", state: "NY", zip: "12180" },
    ],
    ["Main Street", { street: "Main Street" }],
    ["", {}],
  ])("address line %j", (line, expected) => {
    expect(parseAddressLine(line)).toEqual(expected);
  });
});

describe("CSR compared with the order", () => {
  const order = {
    subscriber: { type: "BUSINESS", businessName: "Tom's Bass Shop, LLC" },
    btn: "+17182340001",
    accountNumber: "88123",
    serviceAddress: {
      houseNumber: "12",
      street: "N Main St",
      unit: "Ste 4",
      city: "Brooklyn",
      state: "NY",
      zip: "11201",
    },
    tns: ["+17182340001", "+17182340002", "+17182340009"],
  };

  it("gives a field-by-field difference and detects a partial port", () => {
    const result = compareCsr(parseCsr(CSR), order);
    const byField = Object.fromEntries(result.differences.map((d) => [d.field, d]));
    expect(byField.name?.match).toBe(true);
    expect(byField["serviceAddress.street"]?.match).toBe(true);
    expect(byField["serviceAddress.unit"]?.match).toBe(true);
    expect(byField["serviceAddress.zip"]?.match).toBe(true);
    expect(byField.btn?.match).toBe(true);
    expect(byField.accountNumber).toMatchObject({
      match: false,
      order: "88123",
      csr: "99-123",
      adopt: { accountNumber: "99-123" },
    });
    expect(byField.tns).toMatchObject({ match: false, order: "3 TNs", csr: "3 TNs", adopt: null });
    expect(result.partialPort).toBe(true);
    expect(result.tnsRemaining).toEqual(["+17182340003"]);
    expect(result.tnsNotOnAccount).toEqual(["+17182340009"]);
    expect(result.replacementBtnNeeded).toBe(true);
  });

  it("offers to adopt a differing address field", () => {
    const result = compareCsr(parseCsr("Service Address: 14 N Main St Ste 4, Brooklyn, NY 11201"), order);
    expect(result.differences.find((d) => d.field === "serviceAddress.houseNumber")).toEqual({
      field: "serviceAddress.houseNumber",
      order: "12",
      csr: "14",
      match: false,
      adopt: { serviceAddress: { houseNumber: "14" } },
    });
    expect(result.differences.map((d) => d.field)).not.toContain("btn");
    expect(result.partialPort).toBe(false);
    expect(result.tnsNotOnAccount).toEqual([]);
  });

  it("names exact-name mismatches and residential names", () => {
    const business = compareCsr(parseCsr("Name: Tom's Bass Shop"), order);
    expect(business.differences).toEqual([
      { field: "name", order: "Tom's Bass Shop, LLC", csr: "Tom's Bass Shop", match: false, adopt: null },
    ]);
    const residential = compareCsr(parseCsr("Name: ANN LEE\nWTN: 7182340001"), {
      subscriber: { type: "RESIDENTIAL", firstName: "Ann", lastName: "Lee" },
      tns: ["+17182340001"],
    });
    expect(residential.differences.map((d) => [d.field, d.match])).toEqual([
      ["name", true],
      ["tns", true],
    ]);
    expect(compareCsr(parseCsr("Name: Ann"), { tns: [] }).differences[0]).toMatchObject({ order: null, match: false });
    expect(
      compareCsr(parseCsr("Name: Ann"), { subscriber: { type: "RESIDENTIAL" }, tns: [] }).differences[0]?.order,
    ).toBeNull();
  });

  it("a partial port that keeps the BTN needs no replacement", () => {
    const result = compareCsr(parseCsr("WTN: 7182340001, 7182340002"), { btn: "+17182340001", tns: ["+17182340002"] });
    expect(result.partialPort).toBe(true);
    expect(result.replacementBtnNeeded).toBe(false);
  });

  it("ignores formatting in account numbers", () => {
    expect(compareCsr(parseCsr("Account Number: 88-123"), order).differences).toEqual([
      { field: "accountNumber", order: "88123", csr: "88-123", match: true, adopt: null },
    ]);
  });

  it("normalizes text for comparison", () => {
    expect(normalizeCsrText("12 North Main Street, Suite #4", true)).toBe("12 N MAIN ST STE # 4");
    expect(normalizeCsrText("Tom's Bass Shop, LLC")).toBe("TOMS BASS SHOP LLC");
  });
});
