import { describe, expect, it } from "vitest";
import {
  buildBusinessCalendar,
  type CheckedTn,
  createDraftOrder,
  DEFAULT_PORT_LIMITS,
  type EditContext,
  isPreFocEdit,
  type OrderChanges,
  type PortOrder,
  type PortType,
  tnsAfterEdit,
  validateEdit,
} from "../src/index";

/** Monday 2026-01-05 10:00 ET. */
const NOW = "2026-01-05T15:00:00Z";
const tnsOf = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => `+1718234${String(from + i).padStart(4, "0")}`);

function order(portType: PortType, tns = tnsOf(2), status: PortOrder["status"] = "PENDING_FOC"): PortOrder {
  const base = createDraftOrder({
    id: "o1",
    tns,
    details: {
      btn: tns[0],
      partialPort: false,
      subscriber: { type: "BUSINESS", businessName: "Tom's Bass Shop" },
      accountNumber: "88123",
      serviceAddress: { houseNumber: "12", street: "Main St", city: "Brooklyn", state: "NY", zip: "11201" },
      loaAuthorizingPerson: "Tom Bass",
      onDemandActivation: false,
      customerOrderRef: "REF-1",
      // Signed long ago: the LOA was judged at submission, an edit does not judge it again.
      documents: [{ documentId: "00000000-0000-4000-8000-000000000001", kind: "LOA", signedOn: "2025-06-01" }],
      requestedFoc: "2026-01-14T16:00:00Z",
    },
  });
  return { ...base, status, portType };
}

const offNet = (tns: readonly string[], carrierSpid = "9202"): CheckedTn[] =>
  tns.map((tn) => ({ tn, carrierSpid, carrierName: carrierSpid === "9202" ? "Atlantic" : "Summit", onNet: false }));

function context(tns: readonly CheckedTn[], overrides: Partial<EditContext> = {}): EditContext {
  return {
    now: NOW,
    carrier: { type: "WIRELINE", requiresAccountNumber: true, requiresPin: false, minBusinessDays: 0 },
    calendar: buildBusinessCalendar([2025, 2026, 2027]),
    limits: DEFAULT_PORT_LIMITS,
    onNetOnly: false,
    order: { onNet: false, carrierSpid: "9202", carrierName: "Atlantic" },
    portableTns: tns,
    siblingTns: [],
    ...overrides,
  };
}

const codesOf = (result: ReturnType<typeof validateEdit>) =>
  result.ok ? [] : result.errors.map((e) => `${e.field}:${e.code}`);

describe("validateEdit: an edit judged as the submission of the order it would produce", () => {
  it("accepts an edit within the rules, without judging the LOA again", () => {
    const changes: OrderChanges = { tns: tnsOf(3) };
    expect(validateEdit(order("AUTOMATED"), changes, context(offNet(tnsOf(3))))).toEqual({ ok: true, warnings: [] });
  });

  it("refuses an edit that changes the port type, for every type", () => {
    const automated = validateEdit(order("AUTOMATED"), { tns: tnsOf(601) }, context(offNet(tnsOf(601))));
    expect(codesOf(automated)).toEqual(["tns:EDIT_CHANGES_PORT_TYPE"]);
    expect(automated.ok ? "" : automated.errors[0]?.message).toContain("at most 600 TNs");
    const onNetContext = context(
      tnsOf(1000).map((tn) => ({ tn, carrierSpid: "9202", onNet: true })),
      { order: { onNet: true, carrierSpid: "9202", carrierName: "Atlantic" } },
    );
    const onNet = validateEdit(order("ON_NET"), { tns: tnsOf(1000) }, onNetContext);
    expect(onNet.ok ? "" : onNet.errors[0]?.message).toContain("at most 999 TNs");
    const project = validateEdit(order("PROJECT", tnsOf(700)), { tns: tnsOf(600) }, context(offNet(tnsOf(600))));
    expect(project.ok ? "" : project.errors[0]?.message).toContain("a project port");
  });

  it("refuses numbers of another carrier or network, naming a few of them", () => {
    const others = tnsOf(5, 100);
    const result = validateEdit(
      order("AUTOMATED"),
      { tns: [...tnsOf(2), ...others] },
      context([...offNet(tnsOf(2)), ...others.map((tn) => ({ tn, carrierSpid: "6101", onNet: false }))]),
    );
    expect(codesOf(result)).toEqual(["tns:EDIT_SPLITS_ORDER"]);
    expect(result.ok ? "" : result.errors[0]?.message).toContain("and 2 more: 6101, off-net");
    const onNetTn = tnsOf(1, 200);
    const onNet = validateEdit(
      order("AUTOMATED"),
      { tns: [...tnsOf(2), ...onNetTn] },
      context([
        ...offNet(tnsOf(2)),
        { tn: onNetTn[0] ?? "", carrierSpid: "9202", carrierName: "Atlantic", onNet: true },
      ]),
    );
    expect(onNet.ok ? "" : onNet.errors[0]?.message).toContain("Atlantic, on-net");
    const fromOnNet = validateEdit(
      order("ON_NET"),
      { tns: [...tnsOf(2), ...onNetTn] },
      context([...tnsOf(2).map((tn) => ({ tn, carrierSpid: "9202", onNet: true })), ...offNet(onNetTn)], {
        order: { onNet: true, carrierSpid: "9202", carrierName: "Atlantic" },
      }),
    );
    expect(fromOnNet.ok ? "" : fromOnNet.errors[0]?.message).toContain("this order ports numbers of Atlantic, on-net");
  });

  it("applies the order rules with the same errors as a submission, each once", () => {
    const result = validateEdit(
      order("AUTOMATED"),
      { accountNumber: null, partialPort: true, serviceAddress: { houseNumber: "12345678901" } },
      context(offNet(tnsOf(2))),
    );
    expect(codesOf(result)).toEqual([
      "replacementBtn:REPLACEMENT_BTN_REQUIRED",
      "accountNumber:ACCOUNT_NUMBER_REQUIRED",
      "serviceAddress.houseNumber:TOO_LONG_FOR_PARTNER",
    ]);
    const both = validateEdit(
      order("AUTOMATED"),
      { tns: [...tnsOf(600), ...tnsOf(1)] },
      context(offNet(tnsOf(600)), { limits: { ...DEFAULT_PORT_LIMITS, maxTnsPerOrder: 600 } }),
    );
    expect(codesOf(both)).toEqual(["tns:EDIT_CHANGES_PORT_TYPE", "tns:TOO_MANY_TNS", "tns:DUPLICATE_TN"]);
  });

  it("judges the BTN against the other orders of the port request", () => {
    const mine = order("AUTOMATED", tnsOf(2, 10));
    const changes: OrderChanges = { btn: "+17182340001" };
    expect(codesOf(validateEdit(mine, changes, context(offNet(tnsOf(2, 10)))))).toEqual(["btn:BTN_NOT_PORTED"]);
    const split = context(offNet(tnsOf(2, 10)), { siblingTns: ["+17182340001"] });
    expect(validateEdit(mine, changes, split)).toMatchObject({ ok: true });
  });

  it("judges the requested FOC only when the edit changes it, with the carrier's minimum", () => {
    const late = context(offNet(tnsOf(2)), {
      carrier: { type: "WIRELINE", requiresAccountNumber: true, requiresPin: false, minBusinessDays: 10 },
    });
    expect(validateEdit(order("AUTOMATED"), { serviceAddress: { houseNumber: "14" } }, late)).toMatchObject({
      ok: true,
    });
    expect(codesOf(validateEdit(order("AUTOMATED"), { requestedFoc: "2026-01-13T16:00:00Z" }, late))).toEqual([
      "requestedFoc:BEFORE_CARRIER_MINIMUM",
    ]);
    const early = validateEdit(order("AUTOMATED"), { requestedFoc: "2026-01-13T12:00:00Z" }, context(offNet(tnsOf(2))));
    expect(early).toMatchObject({ ok: true, warnings: [{ code: "OUTSIDE_SUPPORT_HOURS" }] });
  });

  it("judges no port type change of an order that has none yet", () => {
    const untyped: PortOrder = { ...order("AUTOMATED"), portType: null };
    expect(validateEdit(untyped, { tns: tnsOf(601) }, context(offNet(tnsOf(601))))).toMatchObject({ ok: true });
  });

  it("refuses an off-net order of an on-net-only account", () => {
    const result = validateEdit(order("AUTOMATED"), { tns: tnsOf(3) }, context(offNet(tnsOf(3)), { onNetOnly: true }));
    expect(codesOf(result)).toEqual(["tns:OFF_NET_NOT_ALLOWED"]);
  });

  it("knows an order's TNs after an edit and which edits it judges", () => {
    const withExcluded: PortOrder = {
      ...order("AUTOMATED", tnsOf(3)),
      lines: tnsOf(3).map((tn, i) =>
        i === 2 ? { tn, status: "EXCLUDED", excludedReason: "x" } : { tn, status: "PENDING" },
      ),
    };
    expect(tnsAfterEdit(withExcluded, {})).toEqual(tnsOf(2));
    expect(tnsAfterEdit(withExcluded, { tns: tnsOf(4) })).toEqual([...tnsOf(2), ...tnsOf(1, 3)]);
    expect(isPreFocEdit(order("AUTOMATED"), { pin: "1" })).toBe(true);
    expect(isPreFocEdit(order("AUTOMATED"), {})).toBe(false);
    expect(isPreFocEdit(order("AUTOMATED", tnsOf(2), "FOC"), { requestedFoc: "2026-01-13T16:00:00Z" })).toBe(false);
  });
});
