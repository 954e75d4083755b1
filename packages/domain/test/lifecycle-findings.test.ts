import { describe, expect, it } from "vitest";
import { draftOrder, FOC_AT, RULES, run, step, TO_EXCEPTION, TO_FOC } from "./lifecycle-helpers";

describe("issue 14 findings", () => {
  it("finding 1: a resubmit sends a CHANGE that carries the order, never an empty one", () => {
    const result = step(run(draftOrder(), ...TO_EXCEPTION), { type: "RESUBMIT" });
    const supp = result.ok ? result.effects.find((effect) => effect.type === "SEND_SUPP") : undefined;
    expect(supp).toMatchObject({
      suppType: "CHANGE",
      changes: {
        tns: ["+17182340001", "+17182340002", "+17182340003"],
        btn: "+17182340001",
        accountNumber: "88123",
        pin: "1234",
        serviceAddress: { zip: "11201" },
      },
    });
  });

  it("finding 3: cancel and reschedule are refused once activation was sent", () => {
    const sent = { ...run(draftOrder(), ...TO_FOC), activationSent: true };
    expect(step(sent, { type: "CANCEL" })).toMatchObject({ ok: false, error: { code: "ACTIVATION_ALREADY_SENT" } });
    expect(step(sent, { type: "RESCHEDULE", requestedFoc: "2025-09-10T15:30:00Z" })).toMatchObject({
      ok: false,
      error: { code: "ACTIVATION_ALREADY_SENT" },
    });
  });

  it("finding 6: a reschedule before the carrier's minimum porting interval is refused", () => {
    const order = run(draftOrder(), ...TO_FOC);
    expect(order.focAt).toBe(FOC_AT);
    // Now Tuesday 2025-08-26; Wednesday 2025-09-03 is 5 business days on (Labor Day skipped), the carrier needs 10.
    const result = step(
      order,
      { type: "RESCHEDULE", requestedFoc: "2025-09-03T15:30:00Z" },
      { ...RULES, carrierMinBusinessDays: 10 },
    );
    expect(result).toMatchObject({ ok: false, error: { code: "INVALID_FOC", field: "requestedFoc" } });
    expect(step(order, { type: "RESCHEDULE", requestedFoc: "2025-09-03T15:30:00Z" }).ok).toBe(true);
  });
});
