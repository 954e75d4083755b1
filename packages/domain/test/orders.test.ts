import { describe, expect, it } from "vitest";
import {
  accountKeyOf,
  buildBusinessCalendar,
  cancelRequestSchema,
  createPon,
  DEFAULT_PORT_LIMITS,
  decidePortType,
  focRequestSchema,
  groupTnsIntoOrders,
  type OrderDraft,
  orderDraftSchema,
  orderEditSchema,
  orderSubmissionSchema,
  toFieldIssues,
  validatePon,
  type validateSubmission,
} from "../src/index";
import { type OneOrderContext, validateOne } from "./submission-helpers";

describe("decidePortType (SPEC 5), limits as configuration", () => {
  it.each([
    [false, 1, "AUTOMATED"],
    [false, 600, "AUTOMATED"],
    [false, 601, "PROJECT"],
    [false, 5000, "PROJECT"],
    [true, 1, "ON_NET"],
    [true, 999, "ON_NET"],
    [true, 1000, "PROJECT"],
  ] as const)("onNet=%s, %i TNs -> %s", (onNet, tnCount, type) => {
    expect(decidePortType({ onNet, tnCount })).toBe(type);
  });

  it("takes other limits", () => {
    const limits = { onNetAutomatedMax: 10, offNetAutomatedMax: 49 };
    expect(decidePortType({ onNet: false, tnCount: 49 }, limits)).toBe("AUTOMATED");
    expect(decidePortType({ onNet: false, tnCount: 50 }, limits)).toBe("PROJECT");
    expect(decidePortType({ onNet: true, tnCount: 11 }, limits)).toBe("PROJECT");
  });
});

const tnsOf = (n: number, prefix = "+1718234") =>
  Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(4, "0")}`);

describe("groupTnsIntoOrders (SPEC 5)", () => {
  it("splits by carrier, on/off-net and account, in first-seen order", () => {
    const grouping = groupTnsIntoOrders([
      { tn: "+17182340001", carrierSpid: "1111", carrierName: "Acme", onNet: false },
      { tn: "+17182340002", carrierSpid: "2222", onNet: false },
      { tn: "+17182340003", carrierSpid: "1111", onNet: true },
      { tn: "+17182340004", carrierSpid: "1111", carrierName: "Acme", onNet: false },
      { tn: "+17182340005", carrierSpid: "1111", onNet: false, accountKey: "b" },
      { tn: "+17182340001", carrierSpid: "1111", onNet: false },
    ]);
    expect(grouping.orders.map((o) => [o.carrierSpid, o.onNet, o.accountKey, o.tns, o.portType])).toEqual([
      ["1111", false, null, ["+17182340001", "+17182340004"], "AUTOMATED"],
      ["2222", false, null, ["+17182340002"], "AUTOMATED"],
      ["1111", true, null, ["+17182340003"], "ON_NET"],
      ["1111", false, "b", ["+17182340005"], "AUTOMATED"],
    ]);
    expect(grouping.orders[0]?.carrierName).toBe("Acme");
    expect(grouping.orders[1]?.carrierName).toBeNull();
    expect(grouping.totalTns).toBe(5);
    expect(grouping.errors).toEqual([]);
  });

  it("gives each group its port type, and keeps a group over 5,000 TNs in one order (one LSP account)", () => {
    const big = tnsOf(6000).map((tn) => ({ tn, carrierSpid: "1", onNet: false }));
    const grouping = groupTnsIntoOrders(big);
    expect(grouping.orders.map((o) => [o.tns.length, o.portType])).toEqual([[6000, "PROJECT"]]);
    const small = groupTnsIntoOrders(tnsOf(601).map((tn) => ({ tn, carrierSpid: "1", onNet: false })));
    expect(small.orders.map((o) => o.portType)).toEqual(["PROJECT"]);
  });

  it("refuses a port request over 20,000 TNs (configurable)", () => {
    const input = tnsOf(30).map((tn) => ({ tn, carrierSpid: "1", onNet: false }));
    expect(groupTnsIntoOrders(input, { maxTnsPerPortRequest: 30 }).errors).toEqual([]);
    expect(groupTnsIntoOrders(input, { maxTnsPerPortRequest: 29 }).errors).toEqual([
      expect.objectContaining({ field: "tns", code: "PORT_REQUEST_TOO_LARGE" }),
    ]);
    expect(DEFAULT_PORT_LIMITS.maxTnsPerPortRequest).toBe(20_000);
  });

  it("builds account keys that ignore case, punctuation and ZIP+4", () => {
    const a = accountKeyOf({
      btn: "+17182340001",
      serviceAddress: { houseNumber: "12", street: "Main St.", zip: "10001-1234" },
      loaAuthorizingPerson: "Ann Lee",
    });
    const b = accountKeyOf({
      btn: "+17182340001",
      serviceAddress: { houseNumber: "12", street: "MAIN ST", zip: "10001" },
      loaAuthorizingPerson: "ann  lee",
    });
    expect(a).toBe(b);
    expect(accountKeyOf({ btn: "+17182340002" })).not.toBe(a);
  });
});

const NOW = "2026-01-05T15:00:00Z";
const wirelineCarrier = {
  type: "WIRELINE" as const,
  requiresAccountNumber: false,
  requiresPin: false,
  minBusinessDays: 0,
};
const wireline: OneOrderContext = {
  now: NOW,
  onNet: false,
  carrier: wirelineCarrier,
  calendar: buildBusinessCalendar([2025, 2026, 2027]),
  limits: DEFAULT_PORT_LIMITS,
  onNetOnly: false,
};

function draft(overrides: Partial<OrderDraft> = {}): OrderDraft {
  return {
    tns: ["+17182340001", "+17182340002"],
    btn: "+17182340001",
    partialPort: false,
    subscriber: { type: "BUSINESS", businessName: "Tom's Bass Shop, LLC" },
    accountNumber: "88123",
    serviceAddress: { houseNumber: "12", street: "Main St", city: "Brooklyn", state: "NY", zip: "11201" },
    loaAuthorizingPerson: "Tom Bass",
    onDemandActivation: false,
    customerOrderRef: "REF-1",
    documents: [{ documentId: "00000000-0000-4000-8000-0000000000d1", kind: "LOA", signedOn: "2025-12-20" }],
    requestedFoc: "2026-01-14T16:00:00Z",
    ...overrides,
  };
}

const errorsOf = (result: ReturnType<typeof validateSubmission>) =>
  result.ok ? [] : result.errors.map((e) => `${e.field}:${e.code}`);

describe("validateSubmission (SPEC 5)", () => {
  it("accepts a complete submission and decides the port type", () => {
    const result = validateOne(draft(), wireline);
    expect(result).toMatchObject({ ok: true, portType: "AUTOMATED", warnings: [] });
    expect(validateOne(draft(), { ...wireline, onNet: true })).toMatchObject({ ok: true, portType: "ON_NET" });
  });

  it.each([
    [
      "partial port moving the BTN without replacement",
      { partialPort: true },
      ["replacementBtn:REPLACEMENT_BTN_REQUIRED"],
    ],
    [
      "partial port with a replacement that is ported",
      { partialPort: true, replacementBtn: "+17182340002" },
      ["replacementBtn:REPLACEMENT_BTN_IS_PORTING"],
    ],
    ["partial port with a valid replacement", { partialPort: true, replacementBtn: "+17182340009" }, []],
    ["partial port not moving the BTN", { partialPort: true, btn: "+17182340009" }, []],
    [
      "partial port not moving the BTN, with replacement",
      { partialPort: true, btn: "+17182340009", replacementBtn: "+17182340008" },
      ["replacementBtn:REPLACEMENT_BTN_NOT_NEEDED"],
    ],
    ["invalid replacement BTN", { partialPort: true, replacementBtn: "+17185550150" }, ["replacementBtn:INVALID"]],
    [
      "full port with a replacement BTN",
      { replacementBtn: "+17182340009" },
      ["replacementBtn:REPLACEMENT_BTN_NOT_ALLOWED"],
    ],
    ["full port without the BTN", { btn: "+17182340009" }, ["btn:BTN_NOT_PORTED"]],
    ["duplicate TNs", { tns: ["+17182340001", "+17182340001"] }, ["tns:DUPLICATE_TN"]],
    ["no TNs", { tns: [], btn: undefined }, ["tns:REQUIRED", "btn:REQUIRED"]],
    ["invalid TN", { tns: ["+17182340001", "+18002340001"] }, ["tns.1:INVALID"]],
    ["no LOA for AUTOMATED", { documents: [] }, ["documents:LOA_REQUIRED"]],
    [
      "LOA signed 30 days ago",
      {
        documents: [
          { documentId: "00000000-0000-4000-8000-00000000000d", kind: "LOA" as const, signedOn: "2025-12-06" },
        ],
      },
      [],
    ],
    [
      "LOA signed 31 days ago",
      {
        documents: [
          { documentId: "00000000-0000-4000-8000-00000000000d", kind: "LOA" as const, signedOn: "2025-12-05" },
        ],
      },
      ["documents:LOA_EXPIRED"],
    ],
    [
      "LOA signed tomorrow",
      {
        documents: [
          { documentId: "00000000-0000-4000-8000-00000000000d", kind: "LOA" as const, signedOn: "2026-01-06" },
        ],
      },
      ["documents:LOA_SIGNED_IN_FUTURE"],
    ],
    [
      "LOA without date",
      { documents: [{ documentId: "00000000-0000-4000-8000-00000000000d", kind: "LOA" as const }] },
      ["documents:LOA_SIGNED_DATE_REQUIRED"],
    ],
    [
      "newest of several LOAs counts",
      {
        documents: [
          { documentId: "00000000-0000-4000-8000-00000000000a", kind: "LOA" as const, signedOn: "2025-01-01" },
          { documentId: "00000000-0000-4000-8000-00000000000b", kind: "LOA" as const, signedOn: "2026-01-02" },
        ],
      },
      [],
    ],
    [
      "business name over the partner limit",
      { subscriber: { type: "BUSINESS" as const, businessName: "x".repeat(26) } },
      ["subscriber.businessName:TOO_LONG_FOR_PARTNER"],
    ],
    [
      "business name at the partner limit",
      { subscriber: { type: "BUSINESS" as const, businessName: "x".repeat(25) } },
      [],
    ],
    [
      "street over the partner limit",
      { serviceAddress: { houseNumber: "1", street: "s".repeat(61), city: "c", state: "NY", zip: "11201" } },
      ["serviceAddress.street:TOO_LONG_FOR_PARTNER"],
    ],
    [
      "residential without a last name",
      { subscriber: { type: "RESIDENTIAL" as const, firstName: "Ann" } },
      ["subscriber.lastName:REQUIRED"],
    ],
    [
      "bad ZIP and state",
      { serviceAddress: { houseNumber: "1", street: "Main", city: "c", state: "XX", zip: "1120" } },
      ["serviceAddress.state:INVALID", "serviceAddress.zip:INVALID"],
    ],
    ["FOC on a Saturday", { requestedFoc: "2026-01-10T16:00:00Z" }, ["requestedFoc:WEEKEND"]],
  ])("%s", (_name, overrides, expected) => {
    expect(errorsOf(validateOne(draft(overrides), wireline))).toEqual(expected);
  });

  it("names the partner limit in the message", () => {
    const result = validateOne(draft({ pin: "12345678901" }), wireline);
    expect(result.ok ? "" : result.errors[0]?.message).toContain("At most 10 characters");
  });

  it("needs account number and PIN for a wireless LSP, and what the carrier requires", () => {
    const wireless = { ...wireline, carrier: { ...wirelineCarrier, type: "WIRELESS" as const } };
    expect(errorsOf(validateOne(draft({ accountNumber: undefined }), wireless))).toEqual([
      "accountNumber:ACCOUNT_NUMBER_REQUIRED",
      "pin:PIN_REQUIRED",
    ]);
    expect(errorsOf(validateOne(draft({ pin: "1234" }), wireless))).toEqual([]);
    expect(
      errorsOf(
        validateOne(draft({ accountNumber: "  " }), {
          ...wireline,
          carrier: { ...wirelineCarrier, requiresAccountNumber: true, requiresPin: true },
        }),
      ),
    ).toEqual(["accountNumber:REQUIRED", "accountNumber:ACCOUNT_NUMBER_REQUIRED", "pin:PIN_REQUIRED"]);
    expect(errorsOf(validateOne(draft({ accountNumber: undefined }), wireline))).toEqual([]);
  });

  it("needs an LOA for PROJECT but not for ON_NET", () => {
    const many = tnsOf(601);
    const project = validateOne(draft({ tns: many, btn: many[0], documents: [], requestedFoc: undefined }), wireline);
    expect(errorsOf(project)).toEqual(["documents:LOA_REQUIRED"]);
    expect(project.ok ? "" : project.errors[0]?.message).toContain("Project");
    expect(validateOne(draft({ documents: [] }), { ...wireline, onNet: true })).toMatchObject({ ok: true });
  });

  it("refuses an order over 5,000 TNs (configurable)", () => {
    expect(
      errorsOf(validateOne(draft(), { ...wireline, limits: { ...DEFAULT_PORT_LIMITS, maxTnsPerOrder: 1 } })),
    ).toEqual(["tns:TOO_MANY_TNS"]);
  });

  it("applies the carrier's minimum interval and the LOA age setting", () => {
    const context = { ...wireline, carrier: { ...wirelineCarrier, minBusinessDays: 10 }, loaMaxAgeDays: 10 };
    expect(errorsOf(validateOne(draft(), context))).toEqual([
      "documents:LOA_EXPIRED",
      "requestedFoc:BEFORE_CARRIER_MINIMUM",
    ]);
  });

  it("returns the FOC warnings", () => {
    const result = validateOne(draft({ requestedFoc: "2026-01-14T12:00:00Z" }), wireline);
    expect(result).toMatchObject({ ok: true, warnings: [{ code: "OUTSIDE_SUPPORT_HOURS" }] });
  });

  it("reports every error of a submission at once, each naming its field", () => {
    const result = validateOne(
      draft({ partialPort: true, documents: [], loaAuthorizingPerson: "", requestedFoc: "2026-01-10T16:00:00Z" }),
      { ...wireline, carrier: { ...wirelineCarrier, type: "WIRELESS" } },
    );
    expect(errorsOf(result)).toEqual([
      "loaAuthorizingPerson:REQUIRED",
      "replacementBtn:REPLACEMENT_BTN_REQUIRED",
      "pin:PIN_REQUIRED",
      "documents:LOA_REQUIRED",
      "requestedFoc:WEEKEND",
    ]);
  });
});

describe("schemas", () => {
  it("parse the wire shapes", () => {
    expect(orderSubmissionSchema.safeParse(draft()).success).toBe(true);
    expect(orderDraftSchema.safeParse({}).success).toBe(true);
    expect(orderDraftSchema.safeParse({ serviceAddress: { zip: "1" } }).success).toBe(true);
    expect(
      orderEditSchema.safeParse({
        orderId: "00000000-0000-4000-8000-000000000001",
        baseVersion: 3,
        changes: { pin: null, serviceAddress: { zip: "11201" } },
      }).success,
    ).toBe(true);
    expect(orderEditSchema.safeParse({ orderId: "o1", baseVersion: 0, changes: {} }).success).toBe(false);
    expect(
      orderEditSchema.safeParse({ orderId: "00000000-0000-4000-8000-000000000001", baseVersion: 0, changes: {} })
        .success,
    ).toBe(false);
    expect(orderEditSchema.safeParse({ orderId: "o1", baseVersion: 3, changes: {} }).success).toBe(false);
    expect(
      cancelRequestSchema.safeParse({
        orderId: "00000000-0000-4000-8000-000000000001",
        baseVersion: 1,
        reason: "a\u0000b",
      }).success,
    ).toBe(false);
    expect(orderDraftSchema.safeParse({ notes: "half-typed " }).data?.notes).toBe("half-typed ");
    expect(
      focRequestSchema.safeParse({
        orderId: "00000000-0000-4000-8000-000000000001",
        baseVersion: 1,
        date: "2026-01-14",
        time: "06:00",
      }).success,
    ).toBe(true);
    expect(
      focRequestSchema.safeParse({
        orderId: "00000000-0000-4000-8000-000000000001",
        baseVersion: 1,
        date: "2026-01-14",
        time: "6:00",
      }).success,
    ).toBe(false);
  });

  it("turn zod issues into field issues", () => {
    const parsed = orderSubmissionSchema.safeParse({
      ...draft(),
      customerOrderRef: "x".repeat(65),
      subscriber: undefined,
    });
    expect(parsed.success).toBe(false);
    if (!parsed.success) {
      expect(toFieldIssues(parsed.error).map((i) => `${i.field}:${i.code}`)).toEqual([
        "subscriber:REQUIRED",
        "customerOrderRef:TOO_LONG",
      ]);
    }
    const short = orderSubmissionSchema.shape.tns.safeParse([]);
    expect(short.success ? [] : toFieldIssues(short.error).map((i) => i.code)).toEqual(["REQUIRED"]);
  });
});

describe("PON formats", () => {
  it.each([
    ["AUTOMATED", "123456789", true],
    ["AUTOMATED", "12345678", false],
    ["AUTOMATED", "12345678A", false],
    ["AUTOMATED", "1234567890", false],
    ["ON_NET", "PWN260105000042", true],
    ["ON_NET", "PWP260105000042", false],
    ["ON_NET", "PWN261305000042", false],
    ["PROJECT", "PWP260105000042", true],
    ["PROJECT", "123456789", true],
    ["PROJECT", "12345678", false],
    ["PROJECT", "PWN260105000042", false],
  ] as const)("%s %s -> %s", (portType, pon, valid) => {
    expect(validatePon(portType, pon) === null).toBe(valid);
  });

  it("creates our PONs", () => {
    expect(createPon({ portType: "ON_NET", date: "2026-01-05", sequence: 42 })).toEqual({
      ok: true,
      pon: "PWN260105000042",
    });
    expect(createPon({ portType: "PROJECT", date: "2026-01-05", sequence: 999_999 })).toEqual({
      ok: true,
      pon: "PWP260105999999",
    });
    expect(createPon({ portType: "PROJECT", date: "2026-01-05", sequence: 1_000_000 })).toMatchObject({
      ok: false,
      error: { code: "SEQUENCE_OUT_OF_RANGE" },
    });
    expect(createPon({ portType: "PROJECT", date: "2026-01-05", sequence: 1.5 })).toMatchObject({ ok: false });
    expect(createPon({ portType: "ON_NET", date: "2026-02-30", sequence: 1 })).toMatchObject({
      ok: false,
      error: { code: "INVALID_DATE" },
    });
    const made = createPon({ portType: "ON_NET", date: "2026-12-31", sequence: 7 });
    expect(made.ok && validatePon("ON_NET", made.pon)).toBeNull();
  });
});

describe("a split submission", () => {
  it("judges the BTN against every TN of the port request, not one order's share", () => {
    const share = draft({ tns: ["+17182340002"], btn: "+17182340001" });
    expect(errorsOf(validateOne(share, wireline))).toEqual(["btn:BTN_NOT_PORTED"]);
    const requestTns = ["+17182340001", "+17182340002"];
    expect(errorsOf(validateOne(share, { ...wireline, requestTns }))).toEqual([]);
  });
});
