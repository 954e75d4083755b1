import { describe, expect, it } from "vitest";
import { availableActions, type PortOrder } from "../src/index";
import { draftOrder, FOC_AT, NOW, RULES } from "./lifecycle-helpers";

function at(status: PortOrder["status"], patch: Partial<PortOrder> = {}): PortOrder {
  return { ...draftOrder(), status, portType: "AUTOMATED", pon: "123456789", ...patch };
}

function byAction(order: PortOrder, now = NOW) {
  return Object.fromEntries(availableActions(order, { ...RULES, now }).map((a) => [a.action, a]));
}

describe("available actions", () => {
  it("before FOC: edit and cancel are open, activation and resubmit are not, each with its reason", () => {
    const actions = byAction(at("PENDING_FOC"));
    expect(actions.EDIT?.allowed).toBe(true);
    expect(actions.CANCEL?.allowed).toBe(true);
    expect(actions.RESCHEDULE?.allowed).toBe(true);
    expect(actions.ACTIVATE).toMatchObject({ allowed: false });
    expect(actions.ACTIVATE?.reason).toBeTruthy();
    expect(actions.RESUBMIT?.allowed).toBe(false);
  });

  it("after FOC: only the date may change; editing other fields is refused with the reason", () => {
    const actions = byAction(at("FOC", { focAt: FOC_AT }));
    expect(actions.EDIT?.allowed).toBe(false);
    expect(actions.EDIT?.reason).toMatch(/cannot change now/);
    expect(actions.RESCHEDULE?.allowed).toBe(true);
    expect(actions.CANCEL).toMatchObject({ allowed: true, manual: false });
  });

  it("at short notice a cancel is allowed but goes to the porting team", () => {
    // Friday 2025-09-05 12:00 EDT: after the cutoff (Friday 11:30) for a Monday 11:30 FOC.
    const actions = byAction(at("FOC", { focAt: FOC_AT }), "2025-09-05T16:00:00Z");
    expect(actions.CANCEL).toMatchObject({ allowed: true, manual: true });
  });

  it("an exception can be resubmitted; a SUPP in flight blocks further changes", () => {
    expect(byAction(at("EXCEPTION")).RESUBMIT?.allowed).toBe(true);
    const waiting = at("SUPP_PENDING", {
      focAt: FOC_AT,
      supp: { type: "CANCEL", requestedFoc: null, manual: false, returnTo: "FOC", requestedAt: NOW },
    });
    const actions = byAction(waiting);
    expect(actions.CANCEL?.allowed).toBe(false);
    expect(actions.CANCEL?.reason).toMatch(/waiting for its answer/);
  });

  it("a terminal order allows nothing", () => {
    const actions = availableActions(at("COMPLETE"), { ...RULES, now: NOW });
    expect(actions.every((a) => !a.allowed && a.reason?.includes("complete"))).toBe(true);
  });
});
