import { describe, expect, it } from "vitest";
import {
  applyOrderEvent,
  editableFields,
  explainLockedField,
  type HistoryEntry,
  type OrderEvent,
  type OrderStatus,
  PRE_FOC_EDITABLE_FIELDS,
} from "../src/index";
import {
  API_KEY,
  draftOrder,
  effectTypes,
  FOC_AT,
  NOW,
  PARTNER,
  RULES,
  run,
  STAFF,
  SYSTEM,
  step,
  TO_CSR_REVIEW,
  TO_EXCEPTION,
  TO_FOC,
  TO_PENDING_FOC,
  TO_SUBMITTED,
  USER,
} from "./lifecycle-helpers";

const PATHS: Record<string, OrderEvent[]> = {
  DRAFT: [],
  SUBMITTED: TO_SUBMITTED,
  CSR_REVIEW: TO_CSR_REVIEW,
  PENDING_FOC: TO_PENDING_FOC,
  EXCEPTION: TO_EXCEPTION,
  FOC: TO_FOC,
};
const at = (status: string) => run(draftOrder(), ...(PATHS[status] ?? []));
const NEW_FOC = "2025-09-10T15:30:00Z";

describe("the SPEC 7 diagram, transition by transition", () => {
  it.each([
    ["DRAFT", { type: "SUBMIT", portType: "AUTOMATED" }, "SUBMITTED", ["RECORD_HISTORY", "SEND_ORDER"]],
    ["DRAFT", { type: "SUBMIT", portType: "PROJECT" }, "SUBMITTED", ["RECORD_HISTORY", "CREATE_MANUAL_REQUEST"]],
    ["DRAFT", { type: "DELETE_DRAFT" }, "DRAFT", ["RECORD_HISTORY", "DELETE_DRAFT"]],
    ["SUBMITTED", { type: "PARTNER_ACCEPTED", pon: "123456789" }, "CSR_REVIEW", ["RECORD_HISTORY"]],
    ["CSR_REVIEW", { type: "CSR_RETURNED", note: "..." }, "PENDING_FOC", ["RECORD_HISTORY"]],
    ["CSR_REVIEW", { type: "CSR_UNAVAILABLE" }, "PENDING_FOC", ["RECORD_HISTORY"]],
    ["PENDING_FOC", { type: "FOC_RECEIVED", focAt: FOC_AT }, "FOC", ["RECORD_HISTORY", "SCHEDULE_ACTIVATION"]],
    ["SUBMITTED", { type: "REJECTED", rejections: [{ code: "PIN_INVALID" }] }, "EXCEPTION", ["RECORD_HISTORY"]],
    ["CSR_REVIEW", { type: "REJECTED", rejections: [{ code: "PIN_INVALID" }] }, "EXCEPTION", ["RECORD_HISTORY"]],
    ["PENDING_FOC", { type: "REJECTED", rejections: [{ code: "PIN_INVALID" }] }, "EXCEPTION", ["RECORD_HISTORY"]],
    ["EXCEPTION", { type: "RESUBMIT" }, "CSR_REVIEW", ["RECORD_HISTORY", "SEND_SUPP", "RESTART_CSR"]],
    [
      "EXCEPTION",
      { type: "EDIT", changes: { serviceAddress: { zip: "11202" } } },
      "CSR_REVIEW",
      ["RECORD_HISTORY", "SEND_SUPP", "RESTART_CSR"],
    ],
    [
      "FOC",
      { type: "RESCHEDULE", requestedFoc: NEW_FOC },
      "SUPP_PENDING",
      ["RECORD_HISTORY", "SEND_SUPP", "HOLD_ACTIVATION"],
    ],
    ["FOC", { type: "CANCEL" }, "SUPP_PENDING", ["RECORD_HISTORY", "SEND_SUPP", "HOLD_ACTIVATION"]],
    ["SUBMITTED", { type: "CANCEL" }, "SUPP_PENDING", ["RECORD_HISTORY", "SEND_SUPP"]],
    ["CSR_REVIEW", { type: "CANCEL" }, "SUPP_PENDING", ["RECORD_HISTORY", "SEND_SUPP"]],
    ["PENDING_FOC", { type: "CANCEL" }, "SUPP_PENDING", ["RECORD_HISTORY", "SEND_SUPP"]],
    ["EXCEPTION", { type: "CANCEL" }, "SUPP_PENDING", ["RECORD_HISTORY", "SEND_SUPP"]],
  ] as [string, OrderEvent, OrderStatus, string[]][])("%s --%j--> %s", (from, event, to, effects) => {
    const result = step(at(from), event);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.order.status).toBe(to);
      expect(result.order.version).toBe(at(from).version + 1);
      expect(effectTypes(result.effects)).toEqual(effects);
    }
  });

  it("goes to COMPLETE when every TN not excluded is activated", () => {
    const foc = at("FOC");
    const partly = run(foc, { type: "TNS_ACTIVATED", tns: ["+17182340001"] });
    expect(partly.status).toBe("FOC");
    expect(partly.lines.map((l) => l.status)).toEqual(["ACTIVATED", "PENDING", "PENDING"]);
    const excluded = run(partly, { type: "TNS_EXCLUDED", tns: ["+17182340003"], reason: "disconnected" });
    expect(excluded.lines[2]).toEqual({ tn: "+17182340003", status: "EXCLUDED", excludedReason: "disconnected" });
    const done = run(excluded, { type: "TNS_ACTIVATED", tns: ["+17182340002"] });
    expect(done.status).toBe("COMPLETE");
    const viaExclusion = run(
      foc,
      { type: "TNS_ACTIVATED", tns: ["+17182340001", "+17182340002"] },
      { type: "TNS_EXCLUDED", tns: ["+17182340003"], reason: "x" },
    );
    expect(viaExclusion.status).toBe("COMPLETE");
  });

  it("SUPP_PENDING: the LSP accepts (FOC with the LSP's new date, or CANCELLED) or refuses (FOC unchanged, with the reason)", () => {
    const rescheduling = run(at("FOC"), { type: "RESCHEDULE", requestedFoc: NEW_FOC });
    // Accepted without a date: the LSP's FOC is awaited; it is the new FOC.
    const waiting = step(rescheduling, { type: "SUPP_ACCEPTED" });
    expect(waiting.ok && [waiting.order.status, waiting.order.focAt, waiting.order.supp?.accepted]).toEqual([
      "SUPP_PENDING",
      FOC_AT,
      true,
    ]);
    const accepted = waiting.ok ? step(waiting.order, { type: "FOC_RECEIVED", focAt: NEW_FOC }) : waiting;
    expect(
      accepted.ok && [
        accepted.order.status,
        accepted.order.focAt,
        accepted.order.details.requestedFoc,
        accepted.order.supp,
      ],
    ).toEqual(["FOC", NEW_FOC, NEW_FOC, null]);
    expect(accepted.ok && accepted.effects[1]).toEqual({ type: "SCHEDULE_ACTIVATION", at: NEW_FOC });
    const otherDate = step(rescheduling, { type: "SUPP_ACCEPTED", focAt: "2025-09-11T15:30:00Z" });
    expect(otherDate.ok && otherDate.order.focAt).toBe("2025-09-11T15:30:00Z");
    const refused = step(rescheduling, { type: "SUPP_REJECTED", reason: "date not available" });
    expect(refused.ok && [refused.order.status, refused.order.focAt]).toEqual(["FOC", FOC_AT]);
    expect(refused.ok && refused.effects[0]).toMatchObject({
      type: "RECORD_HISTORY",
      entry: { reason: "SUPP refused: date not available" },
    });
    expect(refused.ok && refused.effects[1]).toEqual({ type: "SCHEDULE_ACTIVATION", at: FOC_AT });
    const cancelling = run(at("FOC"), { type: "CANCEL" });
    const cancelled = step(cancelling, { type: "SUPP_ACCEPTED" });
    expect(cancelled.ok && [cancelled.order.status, effectTypes(cancelled.effects)]).toEqual([
      "CANCELLED",
      ["RECORD_HISTORY", "DROP_ACTIVATION"],
    ]);
  });

  it("a pre-FOC cancel ends CANCELLED, or returns to its status when refused", () => {
    const cancelling = run(at("PENDING_FOC"), { type: "CANCEL", reason: "customer changed mind" });
    expect(cancelling.supp).toMatchObject({ type: "CANCEL", returnTo: "PENDING_FOC", manual: false });
    const cancelled = step(cancelling, { type: "SUPP_ACCEPTED" });
    expect(cancelled.ok && [cancelled.order.status, effectTypes(cancelled.effects)]).toEqual([
      "CANCELLED",
      ["RECORD_HISTORY"],
    ]);
    const refused = step(cancelling, { type: "SUPP_REJECTED", reason: "too late" });
    expect(refused.ok && [refused.order.status, effectTypes(refused.effects)]).toEqual([
      "PENDING_FOC",
      ["RECORD_HISTORY"],
    ]);
  });

  const UNLISTED: [string, OrderEvent][] = [
    ["DRAFT", { type: "CANCEL" }],
    ["DRAFT", { type: "FOC_RECEIVED", focAt: FOC_AT }],
    ["DRAFT", { type: "ACTIVATE", trigger: "SCHEDULED" }],
    ["DRAFT", { type: "TNS_EXCLUDED", tns: ["+17182340001"], reason: "x" }],
    ["SUBMITTED", { type: "SUBMIT", portType: "AUTOMATED" }],
    ["SUBMITTED", { type: "FOC_RECEIVED", focAt: FOC_AT }],
    ["SUBMITTED", { type: "CSR_RETURNED", note: "" }],
    ["SUBMITTED", { type: "DELETE_DRAFT" }],
    ["CSR_REVIEW", { type: "PARTNER_ACCEPTED", pon: "123456789" }],
    ["CSR_REVIEW", { type: "FOC_RECEIVED", focAt: FOC_AT }],
    ["PENDING_FOC", { type: "SUPP_ACCEPTED" }],
    ["PENDING_FOC", { type: "ACTIVATE", trigger: "SCHEDULED" }],
    ["PENDING_FOC", { type: "TNS_ACTIVATED", tns: ["+17182340001"] }],
    ["EXCEPTION", { type: "FOC_RECEIVED", focAt: FOC_AT }],
    ["FOC", { type: "REJECTED", rejections: [] }],
    ["FOC", { type: "RESUBMIT" }],
    ["FOC", { type: "SUPP_REJECTED", reason: "x" }],
  ];
  it.each(UNLISTED)("refuses %s + %j", (from, event) => {
    const result = step(at(from), event);
    expect(result).toMatchObject({ ok: false, error: { code: "INVALID_TRANSITION", field: "status" } });
  });

  it("terminal states refuse everything", () => {
    const cancelled = run(at("PENDING_FOC"), { type: "CANCEL" }, { type: "SUPP_ACCEPTED" });
    for (const event of [
      { type: "CANCEL" },
      { type: "ACTIVATE", trigger: "SCHEDULED" },
      { type: "RESUBMIT" },
    ] as OrderEvent[]) {
      expect(step(cancelled, event)).toMatchObject({ ok: false, error: { code: "TERMINAL_STATE" } });
    }
  });
});

describe("history, actors, versions", () => {
  it("records from, to, when, who, why and the field differences (PIN masked)", () => {
    const result = step(at("PENDING_FOC"), {
      type: "EDIT",
      changes: { pin: "9999", serviceAddress: { zip: "11202" } },
    });
    expect(result.ok && result.effects[0]).toEqual({
      type: "RECORD_HISTORY",
      entry: {
        version: 5,
        at: NOW,
        actor: USER,
        event: "EDIT",
        from: "PENDING_FOC",
        to: "CSR_REVIEW",
        reason: "Changed; CSR phase again",
        changes: [
          { field: "pin", from: "••••", to: "••••" },
          { field: "serviceAddress.zip", from: "11201", to: "11202" },
        ],
      },
    });
  });

  it.each([
    [{ type: "SUBMIT", portType: "AUTOMATED" }, PARTNER, "DRAFT"],
    [{ type: "PARTNER_ACCEPTED", pon: "123456789" }, USER, "SUBMITTED"],
    [{ type: "ACTIVATE", trigger: "SCHEDULED" }, USER, "FOC"],
    [{ type: "ACTIVATE", trigger: "ON_DEMAND" }, SYSTEM, "FOC"],
    [{ type: "PARTNER_ACCEPTED", pon: "123456789" }, API_KEY, "SUBMITTED"],
    [{ type: "ACTIVATE", trigger: "SCHEDULED" }, API_KEY, "FOC"],
  ] as const)("refuses %j from a %j", (event, actor, status) => {
    expect(applyOrderEvent(at(status), event, { ...RULES, now: NOW, actor })).toMatchObject({
      ok: false,
      error: { code: "ACTOR_NOT_ALLOWED", field: "actor" },
    });
  });

  it("lets a customer's API key act as its users do, and records the key as the actor", () => {
    const submitted = applyOrderEvent(
      draftOrder(),
      { type: "SUBMIT", portType: "AUTOMATED" },
      { ...RULES, now: NOW, actor: API_KEY },
    );
    expect(submitted).toMatchObject({ ok: true, order: { status: "SUBMITTED" } });
    const recorded = submitted.ok ? submitted.effects.find((e) => e.type === "RECORD_HISTORY") : undefined;
    expect(recorded).toMatchObject({ entry: { actor: { kind: "API_KEY", id: "k1" } } });
    const cancelled = applyOrderEvent(
      at("SUBMITTED"),
      { type: "CANCEL", reason: "Customer changed plans" },
      { ...RULES, now: NOW, actor: API_KEY },
    );
    expect(cancelled.ok).toBe(true);
  });

  it("lets staff record carrier answers (project ports)", () => {
    const project = run(draftOrder(), { type: "SUBMIT", portType: "PROJECT" });
    const accepted = applyOrderEvent(
      project,
      { type: "PARTNER_ACCEPTED", pon: "PWP250826000001" },
      { ...RULES, now: NOW, actor: STAFF },
    );
    expect(accepted.ok && accepted.order.status).toBe("CSR_REVIEW");
    expect(
      applyOrderEvent(
        project,
        { type: "PARTNER_ACCEPTED", pon: "PWN250826000001" },
        { ...RULES, now: NOW, actor: STAFF },
      ),
    ).toMatchObject({
      ok: false,
      error: { code: "INVALID_PON" },
    });
  });

  it("refuses an edit based on an old version, saying what changed", () => {
    const base = at("PENDING_FOC");
    const first = step(
      base,
      { type: "EDIT", changes: { serviceAddress: { zip: "11202" } } },
      { expectedVersion: base.version },
    );
    expect(first.ok).toBe(true);
    if (!first.ok) {
      return;
    }
    const history = first.effects.flatMap((e) => (e.type === "RECORD_HISTORY" ? [e.entry] : [])) as HistoryEntry[];
    const stale = step(
      first.order,
      { type: "EDIT", changes: { btn: "+17182340002" } },
      { expectedVersion: base.version, history },
    );
    expect(stale).toMatchObject({ ok: false, error: { code: "VERSION_CONFLICT", field: "version" } });
    if (!stale.ok) {
      expect(stale.error.message).toContain("version 4, now 5");
      expect(stale.error.message).toContain("serviceAddress.zip 11201 -> 11202");
      expect(stale.error.message).toContain("status PENDING_FOC -> CSR_REVIEW");
      expect(stale.error.changes).toEqual([
        { field: "status", from: "PENDING_FOC", to: "CSR_REVIEW" },
        { field: "serviceAddress.zip", from: "11201", to: "11202" },
      ]);
    }
    const bare = step(first.order, { type: "RESUBMIT" }, { expectedVersion: 1 });
    expect(bare.ok ? "" : bare.error.message).toBe(
      "The order changed since you opened it (version 1, now 5). Reload and try again.",
    );
  });
});

describe("editable fields (SPEC 8)", () => {
  it.each([
    ["DRAFT", 22],
    ["SUBMITTED", 13],
    ["CSR_REVIEW", 13],
    ["PENDING_FOC", 13],
    ["EXCEPTION", 13],
    ["FOC", 1],
    ["SUPP_PENDING", 0],
    ["COMPLETE", 0],
    ["CANCELLED", 0],
  ] as const)("%s: %i fields", (status, count) => {
    expect(editableFields(status)).toHaveLength(count);
  });

  it("before FOC: exactly TNs, BTN, partial flag, replacement BTN, account number, PIN, address, FOC date", () => {
    expect(editableFields("PENDING_FOC")).toEqual(PRE_FOC_EDITABLE_FIELDS);
    expect(PRE_FOC_EDITABLE_FIELDS).toEqual([
      "tns",
      "btn",
      "partialPort",
      "replacementBtn",
      "accountNumber",
      "pin",
      "serviceAddress.houseNumber",
      "serviceAddress.street",
      "serviceAddress.unit",
      "serviceAddress.city",
      "serviceAddress.state",
      "serviceAddress.zip",
      "requestedFoc",
    ]);
    expect(editableFields("FOC")).toEqual(["requestedFoc"]);
  });

  it.each([
    ["FOC", "btn", /only the requested FOC date/],
    ["SUPP_PENDING", "requestedFoc", /waiting for the losing carrier/],
    ["COMPLETE", "tns", /closed/],
    ["PENDING_FOC", "subscriber.businessName", /fixed once the order is submitted/],
  ] as const)("explains why %s locks %s", (status, field, why) => {
    expect(explainLockedField(status, field)).toMatch(why);
  });

  it("says nothing for an editable field", () => {
    expect(explainLockedField("FOC", "requestedFoc")).toBeNull();
  });
});
