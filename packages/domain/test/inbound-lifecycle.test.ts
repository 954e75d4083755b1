import { describe, expect, it } from "vitest";
import {
  activationDueAt,
  applyOrderEvent,
  availableActions,
  businessHoursBetween,
  checkRequestedFoc,
  defaultRequestedFoc,
  getActivationWindow,
  getFocWindowMinutes,
  isOrderStuck,
  normalizeRequestedFoc,
  onDemandDeadline,
  type PortOrder,
  reviewCommittedFoc,
} from "../src/index";
import {
  draftOrder,
  FOC_AT,
  NOW,
  RULES,
  run,
  STAFF,
  step,
  TO_EXCEPTION,
  TO_FOC,
  TO_PENDING_FOC,
  USER,
} from "./lifecycle-helpers";

const foc = () => run(draftOrder(), ...TO_FOC);
/** Tuesday 2025-09-09 11:30 EDT: the date the LSP committed to instead of the one requested. */
const LSP_FOC = "2025-09-09T15:30:00Z";
const NEW_FOC = "2025-09-10T15:30:00Z";

function onDemand(order: PortOrder): PortOrder {
  return { ...order, details: { ...order.details, onDemandActivation: true } };
}

describe("finding 10: the originally requested date can be requested again", () => {
  it("after the LSP committed another date, rescheduling to the requested date sends a RESCHEDULE", () => {
    const order = run(draftOrder(), ...TO_PENDING_FOC, { type: "FOC_RECEIVED", focAt: LSP_FOC });
    expect([order.details.requestedFoc, order.focAt]).toEqual([FOC_AT, LSP_FOC]);
    const result = step(order, { type: "RESCHEDULE", requestedFoc: FOC_AT });
    expect(result.ok && result.order.status).toBe("SUPP_PENDING");
    expect(result.ok && result.effects[1]).toMatchObject({ type: "SEND_SUPP", suppType: "RESCHEDULE" });
    expect(result.ok && result.order.supp?.requestedFoc).toBe(FOC_AT);
  });

  it("the date the LSP already committed is no change", () => {
    const order = run(draftOrder(), ...TO_PENDING_FOC, { type: "FOC_RECEIVED", focAt: LSP_FOC });
    expect(step(order, { type: "RESCHEDULE", requestedFoc: LSP_FOC })).toMatchObject({
      ok: false,
      error: { code: "NO_CHANGES" },
    });
  });
});

describe("finding 11: project ports activate at 11:30 ET whatever time was asked", () => {
  it("a requested FOC at any time of a business day is valid for a project port, with a warning", () => {
    const result = checkRequestedFoc({
      requested: "2025-09-15T18:00:00Z",
      portType: "PROJECT",
      now: "2025-08-26T14:00:00Z",
    });
    expect(result).toEqual({ ok: true, warnings: [expect.objectContaining({ code: "PROJECT_TIME_FIXED" })] });
  });

  it("the submitted project order carries its date at 11:30 ET", () => {
    const draft = draftOrder();
    const order = { ...draft, details: { ...draft.details, requestedFoc: "2025-09-08T18:00:00Z" } };
    const result = step(order, { type: "SUBMIT", portType: "PROJECT" });
    expect(result.ok && result.order.details.requestedFoc).toBe("2025-09-08T15:30:00.000Z");
    expect(result.ok && result.effects[1]).toMatchObject({
      type: "CREATE_MANUAL_REQUEST",
      requestedFoc: "2025-09-08T15:30:00.000Z",
    });
  });

  it("a project reschedule keeps 11:30 ET", () => {
    const project = run(
      onDemand(draftOrder()),
      { type: "SUBMIT", portType: "PROJECT" },
      { type: "PARTNER_ACCEPTED", pon: "PWP250826000001" },
      { type: "CSR_UNAVAILABLE" },
    );
    const result = step(project, { type: "RESCHEDULE", requestedFoc: "2025-09-10T19:00:00Z" }, { actor: USER });
    expect(result.ok && result.order.details.requestedFoc).toBe("2025-09-10T15:30:00.000Z");
  });

  it("on-demand activation of a project port works on the FOC morning, not only at 11:30:00.000", () => {
    const project = run(
      onDemand(draftOrder()),
      { type: "SUBMIT", portType: "PROJECT" },
      { type: "PARTNER_ACCEPTED", pon: "PWP250826000001" },
      { type: "CSR_UNAVAILABLE" },
      { type: "FOC_RECEIVED", focAt: FOC_AT },
    );
    const at = (now: string) =>
      applyOrderEvent(project, { type: "ACTIVATE", trigger: "ON_DEMAND" }, { ...RULES, now, actor: USER });
    expect(at("2025-09-08T13:00:00Z").ok).toBe(true);
    expect(at("2025-09-08T15:30:00.500Z")).toMatchObject({ ok: false, error: { code: "OUTSIDE_ACTIVATION_WINDOW" } });
    expect(onDemandDeadline(project, FOC_AT)).toBe("2025-09-08T15:30:00.000Z");
  });
});

describe("finding 12: on-demand re-plan after a SUPP targets the end of the window", () => {
  it("an accepted reschedule plans the automatic activation at the end of the new FOC day's window", () => {
    const order = run(onDemand(draftOrder()), ...TO_FOC, { type: "RESCHEDULE", requestedFoc: NEW_FOC });
    const result = step(order, { type: "SUPP_ACCEPTED", focAt: NEW_FOC });
    expect(result.ok && result.effects[1]).toEqual({ type: "SCHEDULE_ACTIVATION", at: "2025-09-11T02:00:00.000Z" });
  });

  it("a refused reschedule plans it at the end of the old FOC day's window", () => {
    const order = run(onDemand(draftOrder()), ...TO_FOC, { type: "RESCHEDULE", requestedFoc: NEW_FOC });
    const result = step(order, { type: "SUPP_REJECTED", reason: "date not available" });
    expect(result.ok && result.effects[1]).toEqual({ type: "SCHEDULE_ACTIVATION", at: "2025-09-09T02:00:00.000Z" });
    expect(result.ok && activationDueAt(result.order, FOC_AT)).toBe("2025-09-09T02:00:00.000Z");
  });
});

describe("finding 13: partner events the state machine used to refuse", () => {
  it("a second rejection while in EXCEPTION adds to the first", () => {
    const result = step(run(draftOrder(), ...TO_EXCEPTION), {
      type: "REJECTED",
      rejections: [{ code: "PIN_MISMATCH", text: "pin" }],
    });
    expect(result.ok && result.order.status).toBe("EXCEPTION");
    expect(result.ok && result.order.rejections.map((r) => r.code)).toEqual(["ZIP_MISMATCH", "PIN_MISMATCH"]);
  });

  it("numbers can be excluded while a SUPP is in flight", () => {
    const order = run(draftOrder(), ...TO_FOC, { type: "RESCHEDULE", requestedFoc: NEW_FOC });
    const result = step(
      order,
      { type: "TNS_EXCLUDED", tns: ["+17182340003"], reason: "not portable" },
      { actor: STAFF },
    );
    expect(result.ok && result.order.status).toBe("SUPP_PENDING");
    expect(result.ok && result.order.lines[2]).toMatchObject({ status: "EXCLUDED" });
  });

  it("a new FOC from the LSP after a reschedule replaces the date taken from the acceptance", () => {
    const accepted = run(
      draftOrder(),
      ...TO_FOC,
      { type: "RESCHEDULE", requestedFoc: NEW_FOC },
      { type: "SUPP_ACCEPTED", focAt: NEW_FOC },
    );
    expect(accepted.focAt).toBe(NEW_FOC);
    const result = step(accepted, { type: "FOC_RECEIVED", focAt: "2025-09-11T15:30:00Z" });
    expect(result.ok && [result.order.status, result.order.focAt]).toEqual(["FOC", "2025-09-11T15:30:00Z"]);
    expect(result.ok && result.effects[1]).toEqual({ type: "SCHEDULE_ACTIVATION", at: "2025-09-11T15:30:00Z" });
  });

  it("a new FOC once activation was sent is refused", () => {
    const sent = { ...foc(), activationSent: true };
    expect(step(sent, { type: "FOC_RECEIVED", focAt: NEW_FOC })).toMatchObject({
      ok: false,
      error: { code: "ACTIVATION_ALREADY_SENT" },
    });
  });
});

describe("finding 4: a rejection keeps its TN list", () => {
  it("the order's rejection says which numbers it concerns", () => {
    const result = step(run(draftOrder(), ...TO_PENDING_FOC), {
      type: "REJECTED",
      rejections: [{ code: "TN_NOT_PORTABLE", text: "not portable", tns: ["+17182340002"] }],
    });
    expect(result.ok && result.order.rejections[0]?.tns).toEqual(["+17182340002"]);
  });
});

describe("finding 20: an FOC from the partner is checked against the rules", () => {
  const submittedAt = "2025-08-26T14:00:00Z";
  it.each([
    ["a good FOC", FOC_AT, "AUTOMATED", []],
    ["Labor Day", "2025-09-01T15:30:00Z", "AUTOMATED", ["PORTING_HOLIDAY"]],
    ["a Saturday", "2025-09-06T15:30:00Z", "AUTOMATED", ["WEEKEND"]],
    ["23:30 ET", "2025-09-09T03:30:00Z", "AUTOMATED", ["OUTSIDE_TIME_WINDOW"]],
    ["the day after submission", "2025-08-27T15:30:00Z", "AUTOMATED", ["BEFORE_EARLIEST_FOC"]],
    ["a project port at 14:00", "2025-09-15T18:00:00Z", "PROJECT", ["OUTSIDE_TIME_WINDOW"]],
    ["05:30 ET on-net", "2025-09-08T09:30:00Z", "ON_NET", []],
  ] as const)("%s", (_label, focAt, portType, codes) => {
    const issues = reviewCommittedFoc({ focAt, portType, submittedAt, ...RULES });
    expect(issues.map((issue) => issue.code)).toEqual(codes);
  });

  it("a malformed FOC is an issue, not an exception", () => {
    expect(reviewCommittedFoc({ focAt: "soon", portType: "AUTOMATED", submittedAt, ...RULES })).toMatchObject([
      { code: "INVALID_INSTANT" },
    ]);
  });
});

describe("finding 9: an order without a requested FOC asks for the earliest valid one", () => {
  it("is the earliest FOC date at 11:30 ET, from business time", () => {
    expect(defaultRequestedFoc({ portType: "AUTOMATED", now: "2025-08-26T14:00:00Z", ...RULES })).toBe(
      "2025-08-29T15:30:00.000Z",
    );
    // Labor Day is skipped; a carrier minimum counts.
    expect(
      defaultRequestedFoc({ portType: "AUTOMATED", now: "2025-08-28T14:00:00Z", ...RULES, carrierMinBusinessDays: 5 }),
    ).toBe("2025-09-05T15:30:00.000Z");
  });
});

describe("finding 22: stuck detection in business hours, FOC orders included", () => {
  it("counts only business days", () => {
    // Friday 2025-08-29 10:00 EDT to Tuesday 2025-09-02 10:00 EDT: Labor Day and the weekend do not count.
    expect(businessHoursBetween("2025-08-29T14:00:00Z", "2025-09-02T14:00:00Z", RULES.calendar)).toBe(24);
    expect(businessHoursBetween("2025-09-02T14:00:00Z", "2025-08-29T14:00:00Z", RULES.calendar)).toBe(0);
  });

  it("a CSR review over a weekend is not stuck yet", () => {
    const order = { status: "CSR_REVIEW" as const, lastProgressAt: "2025-08-29T14:00:00Z", activationDueAt: null };
    expect(isOrderStuck(order, "2025-09-02T14:00:00Z", RULES.calendar)).toBe(false);
    expect(isOrderStuck(order, "2025-09-04T14:00:01Z", RULES.calendar)).toBe(true);
  });

  it("an FOC order whose activation was never confirmed is stuck", () => {
    const order = { status: "FOC" as const, lastProgressAt: "2025-08-26T14:00:00Z", activationDueAt: FOC_AT };
    expect(isOrderStuck(order, "2025-09-08T16:30:00Z", RULES.calendar)).toBe(false);
    expect(isOrderStuck(order, "2025-09-08T20:00:00Z", RULES.calendar)).toBe(true);
    expect(isOrderStuck({ ...order, activationDueAt: null }, "2025-09-20T20:00:00Z", RULES.calendar)).toBe(false);
    expect(isOrderStuck({ ...order, status: "COMPLETE" }, "2025-09-20T20:00:00Z", RULES.calendar)).toBe(false);
  });
});

describe("edges of the inbound rules", () => {
  it("an FOC while a SUPP is in flight waits for it; the same FOC again is no change", () => {
    const rescheduling = run(draftOrder(), ...TO_FOC, { type: "RESCHEDULE", requestedFoc: NEW_FOC });
    expect(step(rescheduling, { type: "FOC_RECEIVED", focAt: NEW_FOC })).toMatchObject({
      ok: false,
      error: { code: "SUPP_IN_FLIGHT" },
    });
    expect(step(foc(), { type: "FOC_RECEIVED", focAt: FOC_AT })).toMatchObject({
      ok: false,
      error: { code: "NO_CHANGES" },
    });
  });

  it("malformed instants are answered, not thrown", () => {
    expect(businessHoursBetween("soon", FOC_AT, RULES.calendar)).toBe(0);
    expect(normalizeRequestedFoc("PROJECT", "soon")).toBe("soon");
    expect(normalizeRequestedFoc("AUTOMATED", "2025-09-08T18:00:00Z")).toBe("2025-09-08T18:00:00Z");
    expect(reviewCommittedFoc({ focAt: FOC_AT, portType: "AUTOMATED", submittedAt: "x", ...RULES })).toMatchObject([
      { code: "INVALID_INSTANT", input: "x" },
    ]);
  });

  it("activation windows per port type", () => {
    expect(getActivationWindow("PROJECT")).toEqual({ from: "06:00", to: "11:30" });
    expect(getActivationWindow("ON_NET")).toEqual({ from: "05:00", to: "22:00" });
  });

  it("a project port asked at 11:30 ET draws no warning; statuses without a rule are never stuck", () => {
    expect(checkRequestedFoc({ requested: "2025-09-15T15:30:00Z", portType: "PROJECT", now: NOW })).toEqual({
      ok: true,
      warnings: [],
    });
    const draft = { status: "DRAFT" as const, lastProgressAt: "2025-01-01T00:00:00Z", activationDueAt: null };
    expect(isOrderStuck(draft, FOC_AT, RULES.calendar)).toBe(false);
  });
});

describe("project submission without a date", () => {
  it("creates the project port request with no date", () => {
    const draft = draftOrder();
    const { requestedFoc: _none, ...details } = draft.details;
    const result = step({ ...draft, details }, { type: "SUBMIT", portType: "PROJECT" });
    expect(result.ok && result.effects[1]).toMatchObject({ type: "CREATE_MANUAL_REQUEST", requestedFoc: null });
    expect(getFocWindowMinutes("PROJECT")).toEqual({ from: 690, to: 690 });
  });
});

describe("the reschedule action stays available", () => {
  it("when the order's FOC happens to be the date the availability probe tries", () => {
    const order = run(draftOrder(), ...TO_PENDING_FOC, { type: "FOC_RECEIVED", focAt: "2025-08-29T10:00:00.000Z" });
    const actions = availableActions(order, { now: NOW, ...RULES });
    expect(actions.find((a) => a.action === "RESCHEDULE")).toMatchObject({ allowed: true });
  });
});
