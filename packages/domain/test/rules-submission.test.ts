import { describe, expect, it } from "vitest";
import {
  buildBusinessCalendar,
  type CheckedTn,
  DEFAULT_PORT_LIMITS,
  groupTnsIntoOrders,
  normalizeOrderNumbers,
  type OrderDraft,
  type validateSubmission,
} from "../src/index";
import { type OneOrderContext, validateOne } from "./submission-helpers";

const NOW = "2026-01-05T15:00:00Z";
const context: OneOrderContext = {
  now: NOW,
  onNet: false,
  carrier: { type: "WIRELINE", requiresAccountNumber: false, requiresPin: false, minBusinessDays: 0 },
  calendar: buildBusinessCalendar([2025, 2026, 2027]),
  limits: DEFAULT_PORT_LIMITS,
  onNetOnly: false,
};

function draft(overrides: Partial<OrderDraft> = {}): OrderDraft {
  return {
    tns: ["+17182340001", "+17182340002"],
    btn: "+17182340001",
    partialPort: false,
    subscriber: { type: "BUSINESS", businessName: "Tom's Bass Shop" },
    accountNumber: "88123",
    serviceAddress: { houseNumber: "12", street: "Main St", city: "Brooklyn", state: "NY", zip: "11201" },
    loaAuthorizingPerson: "Tom Bass",
    onDemandActivation: false,
    customerOrderRef: "REF-1",
    documents: [{ documentId: "00000000-0000-4000-8000-000000000001", kind: "LOA", signedOn: "2025-12-20" }],
    requestedFoc: "2026-01-14T16:00:00Z",
    ...overrides,
  };
}

const errorsOf = (result: ReturnType<typeof validateSubmission>) =>
  result.ok ? [] : result.errors.map((e) => `${e.field}:${e.code}`);

describe("numbers in the forgiving formats (finding 7)", () => {
  it("judges a BTN typed as (718) 234-0001 against the ported TNs: a full port that moves it is valid", () => {
    const result = validateOne(draft({ btn: "(718) 234-0001" }), context);
    expect(errorsOf(result)).toEqual([]);
    expect(result.ok && result.submission.btn).toBe("+17182340001");
  });

  it("refuses a partial port that moves a BTN typed 718.234.0001 without a replacement", () => {
    const result = validateOne(draft({ btn: "718.234.0001", partialPort: true }), {
      ...context,
      requestTns: ["1-718-234-0001", "718 234 0002"],
    });
    expect(errorsOf(result)).toEqual(["replacementBtn:REPLACEMENT_BTN_REQUIRED"]);
  });

  it("refuses a replacement BTN typed in another format that is itself ported", () => {
    const result = validateOne(draft({ partialPort: true, replacementBtn: "+1 718 234 0002" }), {
      ...context,
      requestTns: ["7182340001", "(718) 234-0002"],
    });
    expect(errorsOf(result)).toEqual(["replacementBtn:REPLACEMENT_BTN_IS_PORTING"]);
  });

  it("normalises the numbers of an order once, and leaves what is not a number for the schema to name", () => {
    expect(normalizeOrderNumbers(draft({ btn: "718/234-0001", replacementBtn: "bad", tns: ["7182340002"] }))).toEqual(
      draft({ btn: "+17182340001", replacementBtn: "bad", tns: ["+17182340002"] }),
    );
    expect(normalizeOrderNumbers({})).toEqual({});
  });
});

describe("one LSP account is one order (finding 16)", () => {
  const tns: CheckedTn[] = Array.from({ length: 5001 }, (_, i) => ({
    tn: `+1718${String(2340000 + i)}`,
    carrierSpid: "9202",
    onNet: false,
  }));

  it("keeps 5,001 TNs of one account in one order, never a 5,000-TN order and a 1-TN order", () => {
    const grouping = groupTnsIntoOrders(tns, DEFAULT_PORT_LIMITS);
    expect(grouping.orders.map((o) => [o.tns.length, o.portType])).toEqual([[5001, "PROJECT"]]);
  });

  it("refuses that order as over the 5,000-TN limit, naming the TN list", () => {
    const all = tns.map((t) => t.tn);
    const result = validateOne(draft({ tns: all, btn: all[0], requestedFoc: undefined }), context);
    expect(errorsOf(result)).toEqual(["tns:TOO_MANY_TNS"]);
    expect(result.ok ? "" : result.errors[0]?.message).toContain("5,000");
  });
});

describe("the LOA rules concern only the orders that need an LOA (finding 19)", () => {
  it("accepts an ON_NET order whose LOA has no signature date", () => {
    const result = validateOne(
      draft({ documents: [{ documentId: "00000000-0000-4000-8000-000000000002", kind: "LOA" }] }),
      {
        ...context,
        onNet: true,
      },
    );
    expect(result).toMatchObject({ ok: true, portType: "ON_NET" });
  });

  it("still needs the signature date on an AUTOMATED order", () => {
    const result = validateOne(
      draft({ documents: [{ documentId: "00000000-0000-4000-8000-000000000002", kind: "LOA" }] }),
      context,
    );
    expect(errorsOf(result)).toEqual(["documents:LOA_SIGNED_DATE_REQUIRED"]);
  });
});

describe("an on-net-only account (finding 14)", () => {
  it("refuses an off-net order, naming the TN list", () => {
    const result = validateOne(draft(), { ...context, onNetOnly: true });
    expect(errorsOf(result)).toEqual(["tns:OFF_NET_NOT_ALLOWED"]);
    expect(result.ok ? "" : result.errors[0]?.message).toContain("on-net");
  });

  it("accepts an on-net order", () => {
    expect(validateOne(draft(), { ...context, onNet: true, onNetOnly: true })).toMatchObject({ ok: true });
  });
});
