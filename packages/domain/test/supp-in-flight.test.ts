import { describe, expect, it } from "vitest";
import { type ActionAvailability, availableActions, type OrderEvent, type PortOrder } from "../src/index";
import {
  draftOrder,
  effectTypes,
  FOC_AT,
  NOW,
  RULES,
  run,
  STAFF,
  step,
  TO_CSR_REVIEW,
  TO_EXCEPTION,
  TO_FOC,
  TO_PENDING_FOC,
} from "./lifecycle-helpers";

const NEW_FOC = "2025-09-10T15:30:00Z";
const LSP_FOC = "2025-09-11T15:30:00Z";
const AT_CUTOFF = "2025-09-05T15:30:00Z";
const pendingFoc = () => run(draftOrder(), ...TO_PENDING_FOC);
const edit = (changes: Record<string, unknown>): OrderEvent => ({ type: "EDIT", changes });

function ok(result: ReturnType<typeof step>): PortOrder {
  if (!result.ok) {
    throw new Error(`${result.error.code}: ${result.error.message}`);
  }
  return result.order;
}

const allowed = (order: PortOrder) =>
  Object.fromEntries(
    availableActions(order, { ...RULES, now: NOW }).map((a: ActionAvailability) => [a.action, a.allowed]),
  );

/** Every customer action that would send a SUPP. */
const SECOND_SUPPS: [string, OrderEvent][] = [
  ["a second change", edit({ pin: "9876" })],
  ["a date change", { type: "RESCHEDULE", requestedFoc: NEW_FOC }],
  ["a cancel", { type: "CANCEL" }],
];

describe("one SUPP at a time before FOC (the carrier refuses a second one in flight)", () => {
  it.each([
    ["a change", (o: PortOrder) => step(o, edit({ accountNumber: "99123" }))],
    ["a date change", (o: PortOrder) => step(o, { type: "RESCHEDULE", requestedFoc: NEW_FOC })],
  ] as const)(
    "%s before FOC leaves its SUPP in flight; the next change, date change or cancel is refused",
    (_, first) => {
      const sent = ok(first(pendingFoc()));
      expect(sent.supp).toMatchObject({ manual: false, requestedAt: NOW });
      for (const [, next] of SECOND_SUPPS) {
        const result = step(sent, next);
        expect(result).toMatchObject({ ok: false, error: { code: "SUPP_IN_FLIGHT", field: "status" } });
        expect(result.ok ? "" : result.error.message).toMatch(/waiting for its answer; try again once it is answered/);
      }
    },
  );

  it("the shrunk model sequence: adopting a CSR value twice sends the second only after the first is answered", () => {
    const once = ok(step(pendingFoc(), edit({ accountNumber: "99123" })));
    expect(once.supp).toMatchObject({ type: "CHANGE", returnTo: "CSR_REVIEW" });
    expect(step(once, edit({ accountNumber: "99124" }))).toMatchObject({
      ok: false,
      error: { code: "SUPP_IN_FLIGHT" },
    });
    const answered = ok(step(once, { type: "SUPP_ACCEPTED" }));
    expect([answered.status, answered.supp]).toEqual(["CSR_REVIEW", null]);
    const twice = step(answered, edit({ accountNumber: "99124" }));
    expect(twice.ok && effectTypes(twice.effects)).toEqual(["RECORD_HISTORY", "SEND_SUPP", "RESTART_CSR"]);
  });

  it("resubmit leaves its CHANGE in flight: an edit or cancel right after it is refused", () => {
    const resubmitted = ok(step(run(draftOrder(), ...TO_EXCEPTION), { type: "RESUBMIT" }));
    expect([resubmitted.status, resubmitted.supp?.type]).toEqual(["CSR_REVIEW", "CHANGE"]);
    expect(step(resubmitted, { type: "CANCEL" })).toMatchObject({ ok: false, error: { code: "SUPP_IN_FLIGHT" } });
    expect(step(resubmitted, edit({ pin: "1" }))).toMatchObject({ ok: false, error: { code: "SUPP_IN_FLIGHT" } });
  });

  it("a resubmit while the edit that fixed the rejection is still in flight is refused", () => {
    const fixing = ok(step(run(draftOrder(), ...TO_EXCEPTION), edit({ serviceAddress: { zip: "11202" } })));
    // A rejection of the earlier round arrives late, while the fix waits for its answer.
    const rejectedAgain = ok(step(fixing, { type: "REJECTED", rejections: [{ code: "ZIP_MISMATCH" }] }));
    expect(rejectedAgain.status).toBe("EXCEPTION");
    expect(step(rejectedAgain, { type: "RESUBMIT" })).toMatchObject({
      ok: false,
      error: { code: "SUPP_IN_FLIGHT" },
    });
    expect(step(fixing, { type: "RESUBMIT" })).toMatchObject({ ok: false, error: { code: "INVALID_TRANSITION" } });
  });

  it("the answer clears the wait, accepted or refused, and the order keeps its status", () => {
    const sent = ok(step(pendingFoc(), { type: "RESCHEDULE", requestedFoc: NEW_FOC }));
    expect(sent.supp).toMatchObject({ type: "RESCHEDULE", requestedFoc: NEW_FOC, returnTo: "PENDING_FOC" });
    const accepted = step(sent, { type: "SUPP_ACCEPTED" });
    expect(accepted.ok && [accepted.order.status, accepted.order.supp, effectTypes(accepted.effects)]).toEqual([
      "PENDING_FOC",
      null,
      ["RECORD_HISTORY"],
    ]);
    expect(accepted.ok && accepted.effects[0]).toMatchObject({
      entry: { reason: "New requested FOC accepted by the losing carrier" },
    });
    const change = ok(step(run(draftOrder(), ...TO_CSR_REVIEW), edit({ pin: "4321" })));
    const changeAccepted = step(change, { type: "SUPP_ACCEPTED" });
    expect(changeAccepted.ok && changeAccepted.effects[0]).toMatchObject({
      entry: { reason: "Change accepted by the losing carrier", from: "CSR_REVIEW", to: "CSR_REVIEW" },
    });
    const refused = step(change, { type: "SUPP_REJECTED", reason: "SUP 3 NOT ACCEPTED" });
    expect(refused.ok && [refused.order.status, refused.order.supp]).toEqual(["CSR_REVIEW", null]);
    expect(refused.ok && refused.effects[0]).toMatchObject({ entry: { reason: "SUPP refused: SUP 3 NOT ACCEPTED" } });
    expect(refused.ok && step(refused.order, { type: "CANCEL" }).ok).toBe(true);
  });

  it("an FOC that arrives while a change is in flight waits for the answer", () => {
    const sent = ok(step(pendingFoc(), { type: "RESCHEDULE", requestedFoc: NEW_FOC }));
    expect(step(sent, { type: "FOC_RECEIVED", focAt: FOC_AT })).toMatchObject({
      ok: false,
      error: { code: "SUPP_IN_FLIGHT" },
    });
    const answered = ok(step(sent, { type: "SUPP_ACCEPTED" }));
    expect(ok(step(answered, { type: "FOC_RECEIVED", focAt: NEW_FOC })).status).toBe("FOC");
  });

  it("a project port's change goes to the porting team's queue and leaves nothing waiting on the order", () => {
    const project = run(
      draftOrder(),
      { type: "SUBMIT", portType: "PROJECT" },
      { type: "PARTNER_ACCEPTED", pon: "PWP250826000001" },
    );
    const changed = ok(step(project, edit({ pin: "4321" }), { actor: STAFF }));
    expect(changed.supp).toBeNull();
    expect(ok(step(changed, edit({ pin: "4322" }))).details.pin).toBe("4322");
  });

  it("available actions agree: while a SUPP is in flight the portal offers no edit, reschedule, cancel or resubmit", () => {
    const open = allowed(pendingFoc());
    expect([open.EDIT, open.RESCHEDULE, open.CANCEL]).toEqual([true, true, true]);
    const sent = ok(step(pendingFoc(), edit({ accountNumber: "99123" })));
    expect(allowed(sent)).toMatchObject({ EDIT: false, RESCHEDULE: false, CANCEL: false, RESUBMIT: false });
    const reason = availableActions(sent, { ...RULES, now: NOW }).find((a) => a.action === "CANCEL")?.reason;
    expect(reason).toMatch(/waiting for its answer/);
    expect(allowed(ok(step(sent, { type: "SUPP_ACCEPTED" })))).toMatchObject({ EDIT: true, CANCEL: true });
  });
});

describe("an accepted reschedule takes the LSP's FOC, never the date we asked for", () => {
  const rescheduling = () => run(draftOrder(), ...TO_FOC, { type: "RESCHEDULE", requestedFoc: NEW_FOC });

  it("accepted without an FOC: the SUPP is answered, the order waits for the LSP's FOC with activation held", () => {
    const accepted = step(rescheduling(), { type: "SUPP_ACCEPTED" });
    expect(
      accepted.ok && [accepted.order.status, accepted.order.focAt, accepted.order.supp?.accepted, accepted.effects],
    ).toEqual(["SUPP_PENDING", FOC_AT, true, [expect.objectContaining({ type: "RECORD_HISTORY" })]]);
    const waiting = ok(accepted);
    expect(step(waiting, { type: "ACTIVATE", trigger: "SCHEDULED" }, { now: FOC_AT })).toMatchObject({
      ok: false,
      error: { code: "SUPP_IN_FLIGHT" },
    });
    const cancel = step(waiting, { type: "CANCEL" });
    expect(cancel.ok ? "" : cancel.error.message).toMatch(/accepted the reschedule and its new FOC is on the way/);
    expect(step(waiting, { type: "SUPP_ACCEPTED" })).toMatchObject({ ok: false, error: { code: "NO_CHANGES" } });
    expect(step(waiting, { type: "SUPP_REJECTED", reason: "late" })).toMatchObject({
      ok: false,
      error: { code: "INVALID_TRANSITION" },
    });
  });

  it("the LSP's FOC that follows is the new FOC", () => {
    const waiting = ok(step(rescheduling(), { type: "SUPP_ACCEPTED" }));
    const result = step(waiting, { type: "FOC_RECEIVED", focAt: LSP_FOC });
    expect(
      result.ok && [result.order.status, result.order.focAt, result.order.details.requestedFoc, result.order.supp],
    ).toEqual(["FOC", LSP_FOC, NEW_FOC, null]);
    expect(result.ok && result.effects.slice(1)).toEqual([{ type: "SCHEDULE_ACTIVATION", at: LSP_FOC }]);
    expect(result.ok && result.effects[0]).toMatchObject({
      entry: { from: "SUPP_PENDING", to: "FOC", changes: [{ field: "focAt", from: FOC_AT, to: LSP_FOC }] },
    });
  });

  it("an acceptance that carries the LSP's FOC applies it at once", () => {
    const result = step(rescheduling(), { type: "SUPP_ACCEPTED", focAt: LSP_FOC });
    expect(result.ok && [result.order.status, result.order.focAt, result.order.supp]).toEqual(["FOC", LSP_FOC, null]);
  });

  it("a short-notice reschedule the porting team accepts without a date waits for the FOC they record", () => {
    const requested = ok(
      step(run(draftOrder(), ...TO_FOC), { type: "RESCHEDULE", requestedFoc: NEW_FOC }, { now: AT_CUTOFF }),
    );
    const accepted = ok(step(requested, { type: "SUPP_ACCEPTED" }, { now: AT_CUTOFF, actor: STAFF }));
    expect([accepted.status, accepted.focAt, accepted.supp?.accepted]).toEqual(["FOC", FOC_AT, true]);
    // The LSP may even confirm the old date: it is still the answer the order waits for.
    const foc = step(accepted, { type: "FOC_RECEIVED", focAt: FOC_AT }, { now: AT_CUTOFF, actor: STAFF });
    expect(foc.ok && [foc.order.status, foc.order.focAt, foc.order.supp]).toEqual(["FOC", FOC_AT, null]);
    const withDate = step(accepted, { type: "SUPP_ACCEPTED", focAt: LSP_FOC }, { now: AT_CUTOFF, actor: STAFF });
    expect(withDate.ok && [withDate.order.focAt, withDate.order.supp]).toEqual([LSP_FOC, null]);
  });
});
