import { describe, expect, it } from "vitest";
import { applyChanges, applyOrderEvent, buildSuppChanges, onDemandDeadline } from "../src/index";
import {
  draftOrder,
  effectTypes,
  FOC_AT,
  NOW,
  RULES,
  run,
  STAFF,
  SYSTEM,
  step,
  TO_FOC,
  TO_PENDING_FOC,
  TO_SUBMITTED,
  USER,
} from "./lifecycle-helpers";

const foc = () => run(draftOrder(), ...TO_FOC);
const NEW_FOC = "2025-09-10T15:30:00Z";
const BEFORE_CUTOFF = "2025-09-05T15:29:00Z";
const AT_CUTOFF = "2025-09-05T15:30:00Z";

describe("changes before FOC (SPEC 8)", () => {
  it("any change other than the date sends a CHANGE SUPP and restarts the CSR phase", () => {
    const result = step(run(draftOrder(), ...TO_PENDING_FOC), { type: "EDIT", changes: { btn: "+17182340002" } });
    expect(result.ok && result.order.status).toBe("CSR_REVIEW");
    expect(result.ok && result.order.csrRound).toBe(2);
    expect(result.ok && result.effects.slice(1)).toEqual([
      { type: "SEND_SUPP", route: "PARTNER", suppType: "CHANGE", supCode: 3, changes: { btn: "+17182340002" } },
      { type: "RESTART_CSR", round: 2 },
    ]);
  });

  it("a date-only change before FOC sends a RESCHEDULE SUPP and keeps the status", () => {
    const result = step(run(draftOrder(), ...TO_PENDING_FOC), { type: "RESCHEDULE", requestedFoc: NEW_FOC });
    expect(result.ok && [result.order.status, result.order.details.requestedFoc]).toEqual(["PENDING_FOC", NEW_FOC]);
    expect(result.ok && result.effects[1]).toEqual({
      type: "SEND_SUPP",
      route: "PARTNER",
      suppType: "RESCHEDULE",
      supCode: 2,
      changes: { requestedFoc: NEW_FOC },
    });
  });

  it("account number and PIN travel together, even when only one changed", () => {
    const result = step(run(draftOrder(), ...TO_PENDING_FOC), { type: "EDIT", changes: { pin: "9999" } });
    expect(result.ok && result.effects[1]).toMatchObject({
      suppType: "CHANGE",
      changes: { accountNumber: "88123", pin: "9999" },
    });
    const cleared = step(run(draftOrder(), ...TO_PENDING_FOC), { type: "EDIT", changes: { accountNumber: null } });
    expect(cleared.ok && cleared.effects[1]).toMatchObject({ changes: { accountNumber: null, pin: "1234" } });
  });

  it("sends the whole address, the TN list and the other changed fields", () => {
    const order = run(draftOrder(), ...TO_PENDING_FOC);
    const applied = applyChanges(order, {
      tns: ["+17182340001", "+17182340004"],
      partialPort: true,
      replacementBtn: "+17182340009",
      serviceAddress: { street: "Main Street", city: "Brooklyn" },
      requestedFoc: NEW_FOC,
    });
    expect(applied.fields).toEqual(["partialPort", "replacementBtn", "requestedFoc", "serviceAddress.street", "tns"]);
    expect(applied.lines).toEqual([
      { tn: "+17182340001", status: "PENDING" },
      { tn: "+17182340004", status: "PENDING" },
    ]);
    expect(buildSuppChanges(applied)).toEqual({
      tns: ["+17182340001", "+17182340004"],
      partialPort: true,
      replacementBtn: "+17182340009",
      serviceAddress: { houseNumber: "12", street: "Main Street", city: "Brooklyn", state: "NY", zip: "11201" },
      requestedFoc: NEW_FOC,
    });
    expect(applied.history.find((c) => c.field === "tns")).toEqual({ field: "tns", from: "3 TNs", to: "2 TNs" });
  });

  it("a change while SUBMITTED keeps SUBMITTED (the CSR phase has not started)", () => {
    const result = step(run(draftOrder(), ...TO_SUBMITTED), {
      type: "EDIT",
      changes: { serviceAddress: { zip: "11202" } },
    });
    expect(result.ok && [result.order.status, effectTypes(result.effects)]).toEqual([
      "SUBMITTED",
      ["RECORD_HISTORY", "SEND_SUPP"],
    ]);
  });

  it("a fix in EXCEPTION resubmits and clears the rejections", () => {
    const exception = run(draftOrder(), ...TO_PENDING_FOC, {
      type: "REJECTED",
      rejections: [{ code: "FOC_REJECTED" }],
    });
    expect(exception.rejections.map((r) => r.reason)).toEqual(["FOC_DATE_REFUSED"]);
    const result = step(exception, { type: "RESCHEDULE", requestedFoc: NEW_FOC });
    expect(result.ok && [result.order.status, result.order.rejections, effectTypes(result.effects)]).toEqual([
      "CSR_REVIEW",
      [],
      ["RECORD_HISTORY", "SEND_SUPP", "RESTART_CSR"],
    ]);
  });

  it.each([
    [{ subscriber: undefined, btn: "+17182340001" }, "NO_CHANGES"],
    [{ requestedFoc: "2025-08-27T15:30:00Z" }, "INVALID_FOC"],
  ] as const)("refuses %j with %s", (changes, code) => {
    expect(step(run(draftOrder(), ...TO_PENDING_FOC), { type: "EDIT", changes })).toMatchObject({
      ok: false,
      error: { code },
    });
  });

  it("in DRAFT any field changes, with no effects", () => {
    const result = step(draftOrder(), { type: "RESCHEDULE", requestedFoc: "2030-01-01T00:00:00Z" });
    expect(result.ok && [result.order.details.requestedFoc, effectTypes(result.effects)]).toEqual([
      "2030-01-01T00:00:00Z",
      ["RECORD_HISTORY"],
    ]);
  });
});

describe("after FOC only the date changes (SPEC 8)", () => {
  it("locks every other field, naming the reason", () => {
    const result = step(foc(), { type: "EDIT", changes: { btn: "+17182340002", pin: "1" } });
    expect(result).toMatchObject({ ok: false, error: { code: "FIELD_LOCKED", field: "btn" } });
    expect(result.ok ? "" : result.error.message).toMatch(
      /^btn, pin cannot change now\. After FOC only the requested FOC date/,
    );
  });

  it("an EDIT of the date after FOC is a reschedule", () => {
    const result = step(foc(), { type: "EDIT", changes: { requestedFoc: NEW_FOC } });
    expect(result.ok && [result.order.status, result.order.supp?.type]).toEqual(["SUPP_PENDING", "RESCHEDULE"]);
  });

  it("nothing changes while a SUPP is pending", () => {
    const pending = run(foc(), { type: "RESCHEDULE", requestedFoc: NEW_FOC });
    for (const event of [
      { type: "RESCHEDULE", requestedFoc: NEW_FOC },
      { type: "EDIT", changes: { btn: "+17182340002" } },
      { type: "CANCEL" },
    ] as const) {
      expect(step(pending, event)).toMatchObject({ ok: false, error: { code: "SUPP_IN_FLIGHT" } });
    }
  });

  it("validates the new date", () => {
    expect(step(foc(), { type: "RESCHEDULE", requestedFoc: "2025-09-13T15:30:00Z" })).toMatchObject({
      ok: false,
      error: { code: "INVALID_FOC", field: "requestedFoc" },
    });
  });
});

describe("at most 3 SUPPs after FOC (SPEC 8)", () => {
  const rescheduleRound = (order: ReturnType<typeof foc>, date: string) =>
    run(
      order,
      { type: "RESCHEDULE", requestedFoc: date },
      { type: "SUPP_ACCEPTED" },
      { type: "FOC_RECEIVED", focAt: date },
    );

  it("refuses the fourth with a pointer to the porting team", () => {
    let order = foc();
    for (const date of ["2025-09-09T15:30:00Z", "2025-09-10T15:30:00Z", "2025-09-11T15:30:00Z"]) {
      order = rescheduleRound(order, date);
    }
    expect(order.suppsAfterFoc).toBe(3);
    const fourth = step(order, { type: "RESCHEDULE", requestedFoc: "2025-09-12T15:30:00Z" });
    expect(fourth).toMatchObject({ ok: false, error: { code: "SUPP_LIMIT_REACHED" } });
    expect(fourth.ok ? "" : fourth.error.message).toMatch(/porting team/);
    expect(step(order, { type: "CANCEL" })).toMatchObject({ ok: false, error: { code: "SUPP_LIMIT_REACHED" } });
  });

  it("counts refused SUPPs too, and the cap is configurable", () => {
    const order = run(foc(), { type: "RESCHEDULE", requestedFoc: NEW_FOC }, { type: "SUPP_REJECTED", reason: "no" });
    expect(order.suppsAfterFoc).toBe(1);
    expect(step(order, { type: "CANCEL" }, { maxSuppsAfterFoc: 1 })).toMatchObject({
      ok: false,
      error: { code: "SUPP_LIMIT_REACHED" },
    });
  });

  it("does not count pre-FOC SUPPs", () => {
    const order = run(
      draftOrder(),
      ...TO_PENDING_FOC,
      { type: "RESCHEDULE", requestedFoc: NEW_FOC },
      { type: "SUPP_ACCEPTED" },
      { type: "EDIT", changes: { pin: "1" } },
    );
    expect(order.suppsAfterFoc).toBe(0);
  });
});

describe("short notice (SPEC 6 and 8)", () => {
  it.each([
    ["a minute before the cutoff: sent automatically", BEFORE_CUTOFF, "SUPP_PENDING", false],
    ["at the cutoff: a manual request", AT_CUTOFF, "FOC", true],
  ] as const)("reschedule %s", (_name, now, status, manual) => {
    const result = step(foc(), { type: "RESCHEDULE", requestedFoc: NEW_FOC }, { now });
    expect(result.ok && [result.order.status, result.order.supp?.manual, result.order.focAt]).toEqual([
      status,
      manual,
      FOC_AT,
    ]);
    expect(result.ok && effectTypes(result.effects)).toEqual(
      manual
        ? ["RECORD_HISTORY", "CREATE_MANUAL_REQUEST", "HOLD_ACTIVATION"]
        : ["RECORD_HISTORY", "SEND_SUPP", "HOLD_ACTIVATION"],
    );
  });

  it("a short-notice cancel keeps the order in FOC until the porting team records the LSP's acceptance", () => {
    const requested = step(foc(), { type: "CANCEL", reason: "moving" }, { now: AT_CUTOFF });
    expect(requested.ok && requested.effects[1]).toEqual({
      type: "CREATE_MANUAL_REQUEST",
      kind: "SHORT_NOTICE_CANCEL",
      requestedFoc: null,
      reason: "moving",
    });
    if (!requested.ok) {
      return;
    }
    const order = requested.order;
    expect([order.status, order.supp?.type, order.supp?.manual]).toEqual(["FOC", "CANCEL", true]);
    expect(
      applyOrderEvent(order, { type: "SUPP_ACCEPTED" }, { ...RULES, now: AT_CUTOFF, actor: { kind: "PARTNER" } }),
    ).toMatchObject({
      ok: false,
      error: { code: "ACTOR_NOT_ALLOWED" },
    });
    const accepted = applyOrderEvent(order, { type: "SUPP_ACCEPTED" }, { ...RULES, now: AT_CUTOFF, actor: STAFF });
    expect(accepted.ok && accepted.order.status).toBe("CANCELLED");
  });

  it("a short-notice reschedule shows the requested date and moves the FOC only on acceptance", () => {
    const order = run(foc());
    const requested = step(order, { type: "RESCHEDULE", requestedFoc: NEW_FOC }, { now: AT_CUTOFF });
    if (!requested.ok) {
      throw new Error("expected ok");
    }
    expect(requested.order.supp?.requestedFoc).toBe(NEW_FOC);
    expect(requested.order.details.requestedFoc).toBe(FOC_AT);
    const refused = applyOrderEvent(
      requested.order,
      { type: "SUPP_REJECTED", reason: "LSP says no" },
      { ...RULES, now: AT_CUTOFF, actor: STAFF },
    );
    expect(refused.ok && [refused.order.status, refused.order.focAt, refused.order.supp]).toEqual([
      "FOC",
      FOC_AT,
      null,
    ]);
    const accepted = applyOrderEvent(
      requested.order,
      { type: "SUPP_ACCEPTED", focAt: NEW_FOC },
      { ...RULES, now: AT_CUTOFF, actor: STAFF },
    );
    expect(accepted.ok && [accepted.order.status, accepted.order.focAt]).toEqual(["FOC", NEW_FOC]);
  });
});

describe("activation (SPEC 9)", () => {
  const activate = (order: ReturnType<typeof foc>, trigger: "SCHEDULED" | "ON_DEMAND", now: string) =>
    applyOrderEvent(
      order,
      { type: "ACTIVATE", trigger },
      { ...RULES, now, actor: trigger === "SCHEDULED" ? SYSTEM : USER },
    );

  it("runs at the FOC date and time, not before, and only once", () => {
    expect(activate(foc(), "SCHEDULED", "2025-09-08T15:29:59Z")).toMatchObject({
      ok: false,
      error: { code: "ACTIVATION_TOO_EARLY" },
    });
    const result = activate(foc(), "SCHEDULED", FOC_AT);
    expect(result.ok && result.effects[1]).toEqual({
      type: "SEND_ACTIVATION",
      route: "PARTNER",
      tns: ["+17182340001", "+17182340002", "+17182340003"],
    });
    if (result.ok) {
      expect(activate(result.order, "SCHEDULED", FOC_AT)).toMatchObject({
        ok: false,
        error: { code: "ACTIVATION_ALREADY_SENT" },
      });
    }
  });

  it("is held while any SUPP is in flight (automatic or manual)", () => {
    const automatic = run(foc(), { type: "RESCHEDULE", requestedFoc: NEW_FOC });
    expect(activate(automatic, "SCHEDULED", FOC_AT)).toMatchObject({ ok: false, error: { code: "SUPP_IN_FLIGHT" } });
    expect(step(automatic, { type: "TNS_ACTIVATED", tns: ["+17182340001"] })).toMatchObject({
      ok: false,
      error: { code: "SUPP_IN_FLIGHT" },
    });
    const manual = step(foc(), { type: "CANCEL" }, { now: AT_CUTOFF });
    expect(manual.ok && activate(manual.order, "SCHEDULED", FOC_AT)).toMatchObject({
      ok: false,
      error: { code: "SUPP_IN_FLIGHT" },
    });
  });

  it("on-demand: by the customer on the FOC day within the window, else automatically at the end of it", () => {
    const onDemand = { ...draftOrder(), details: { ...draftOrder().details, onDemandActivation: true } };
    const order = run(onDemand, ...TO_FOC);
    expect(onDemandDeadline(order, FOC_AT)).toBe("2025-09-09T02:00:00.000Z");
    const received = step(
      run(onDemand, ...TO_FOC.slice(0, -1)),
      TO_FOC[TO_FOC.length - 1] ?? { type: "CSR_UNAVAILABLE" },
    );
    expect(received.ok && received.effects[1]).toEqual({ type: "SCHEDULE_ACTIVATION", at: "2025-09-09T02:00:00.000Z" });
    expect(activate(order, "ON_DEMAND", "2025-09-08T09:59:00Z")).toMatchObject({
      ok: false,
      error: { code: "OUTSIDE_ACTIVATION_WINDOW" },
    });
    expect(activate(order, "ON_DEMAND", "2025-09-08T10:00:00Z").ok).toBe(true);
    expect(activate(order, "ON_DEMAND", "2025-09-09T02:00:00Z").ok).toBe(true);
    expect(activate(order, "ON_DEMAND", "2025-09-09T02:01:00Z")).toMatchObject({
      ok: false,
      error: { code: "OUTSIDE_ACTIVATION_WINDOW" },
    });
    expect(activate(order, "ON_DEMAND", "2025-09-07T15:00:00Z")).toMatchObject({
      ok: false,
      error: { code: "OUTSIDE_ACTIVATION_WINDOW" },
    });
    expect(activate(order, "SCHEDULED", FOC_AT)).toMatchObject({ ok: false, error: { code: "ACTIVATION_TOO_EARLY" } });
    expect(activate(order, "SCHEDULED", "2025-09-09T02:00:00Z").ok).toBe(true);
    expect(activate(foc(), "ON_DEMAND", FOC_AT)).toMatchObject({ ok: false, error: { code: "NOT_ON_DEMAND" } });
  });

  it("routes by port type", () => {
    const onNet = run(
      draftOrder(),
      { type: "SUBMIT", portType: "ON_NET" },
      { type: "PARTNER_ACCEPTED", pon: "PWN250826000001" },
      { type: "CSR_UNAVAILABLE" },
      { type: "FOC_RECEIVED", focAt: FOC_AT },
    );
    const result = activate(onNet, "SCHEDULED", FOC_AT);
    expect(result.ok && result.effects[1]).toMatchObject({ type: "SEND_ACTIVATION", route: "LSP" });
    const project = run(draftOrder(), { type: "SUBMIT", portType: "PROJECT" });
    const cancel = step(project, { type: "CANCEL" });
    expect(cancel.ok && cancel.effects[1]).toMatchObject({ type: "SEND_SUPP", route: "PORTING_TEAM" });
  });

  it("checks the TNs it is told about", () => {
    expect(step(foc(), { type: "TNS_ACTIVATED", tns: ["+17189999999"] })).toMatchObject({
      ok: false,
      error: { code: "UNKNOWN_TN", field: "tns" },
    });
    const excluded = run(foc(), { type: "TNS_EXCLUDED", tns: ["+17182340001"], reason: "x" });
    expect(step(excluded, { type: "TNS_ACTIVATED", tns: ["+17182340001"] })).toMatchObject({
      ok: false,
      error: { code: "UNKNOWN_TN" },
    });
    expect(step(excluded, { type: "TNS_EXCLUDED", tns: ["+17189999999"], reason: "x" })).toMatchObject({
      ok: false,
      error: { code: "UNKNOWN_TN" },
    });
    expect(step(excluded, { type: "TNS_EXCLUDED", tns: ["+17182340002", "+17182340003"], reason: "x" })).toMatchObject({
      ok: false,
      error: { code: "LAST_TN" },
    });
    const early = run(draftOrder(), ...TO_PENDING_FOC, {
      type: "TNS_EXCLUDED",
      tns: ["+17182340003"],
      reason: "not portable",
    });
    expect(early.status).toBe("PENDING_FOC");
  });

  it("refuses a malformed FOC", () => {
    expect(step(run(draftOrder(), ...TO_PENDING_FOC), { type: "FOC_RECEIVED", focAt: "soon" })).toMatchObject({
      ok: false,
      error: { code: "INVALID_FOC", field: "focAt" },
    });
  });

  it("records who and when", () => {
    const result = applyOrderEvent(
      foc(),
      { type: "ACTIVATE", trigger: "SCHEDULED" },
      { ...RULES, now: FOC_AT, actor: STAFF },
    );
    expect(result.ok && result.effects[0]).toMatchObject({
      entry: { actor: STAFF, at: FOC_AT, reason: "Scheduled activation" },
    });
    expect(NOW < FOC_AT).toBe(true);
  });
});
