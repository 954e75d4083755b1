import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Actor,
  applyOrderEvent,
  isTerminalStatus,
  type OrderEvent,
  type OrderStatus,
  type PortOrder,
} from "../src/index";
import { actorFor, draftOrder, FOC_AT, RULES, run, TO_EXCEPTION, TO_FOC, TO_PENDING_FOC } from "./lifecycle-helpers";

/** Sequences start anywhere in the machine, so that short random sequences reach its deep states. */
const STARTS: (() => PortOrder)[] = [
  draftOrder,
  () => run(draftOrder(), ...TO_PENDING_FOC),
  () => run(draftOrder(), ...TO_EXCEPTION),
  () => run(draftOrder(), ...TO_FOC),
  () => run(draftOrder(), ...TO_FOC, { type: "TNS_ACTIVATED", tns: ["+17182340001", "+17182340002"] }),
  () => run(draftOrder(), ...TO_FOC, { type: "CANCEL" }),
];

/**
 * The transitions of SPEC 7 (and the self-transitions SPEC 8/9 imply), written here independently of the machine:
 * `${from} ${event} ${to}`.
 */
const LISTED = new Set([
  "DRAFT SUBMIT SUBMITTED",
  "DRAFT DELETE_DRAFT DRAFT",
  "DRAFT EDIT DRAFT",
  "DRAFT RESCHEDULE DRAFT",
  "SUBMITTED PARTNER_ACCEPTED CSR_REVIEW",
  "CSR_REVIEW CSR_RETURNED PENDING_FOC",
  "CSR_REVIEW CSR_UNAVAILABLE PENDING_FOC",
  "PENDING_FOC FOC_RECEIVED FOC",
  // The LSP revises the FOC (its answer to a reschedule); a second rejection adds to the first.
  "FOC FOC_RECEIVED FOC",
  "EXCEPTION REJECTED EXCEPTION",
  "FOC TNS_ACTIVATED FOC",
  "FOC TNS_ACTIVATED COMPLETE",
  "FOC TNS_EXCLUDED FOC",
  "FOC TNS_EXCLUDED COMPLETE",
  "FOC ACTIVATE FOC",
  ...["SUBMITTED", "CSR_REVIEW", "PENDING_FOC"].map((s) => `${s} REJECTED EXCEPTION`),
  "EXCEPTION RESUBMIT CSR_REVIEW",
  "EXCEPTION EDIT CSR_REVIEW",
  "EXCEPTION RESCHEDULE CSR_REVIEW",
  "FOC RESCHEDULE SUPP_PENDING",
  "FOC CANCEL SUPP_PENDING",
  "FOC EDIT SUPP_PENDING",
  // Short notice: the manual request keeps the status (SPEC 8).
  "FOC RESCHEDULE FOC",
  "FOC CANCEL FOC",
  "FOC EDIT FOC",
  "FOC SUPP_ACCEPTED FOC",
  "FOC SUPP_ACCEPTED CANCELLED",
  "FOC SUPP_REJECTED FOC",
  "SUPP_PENDING SUPP_ACCEPTED FOC",
  "SUPP_PENDING SUPP_ACCEPTED CANCELLED",
  // A reschedule accepted without a date waits for the LSP's FOC (SUPP answered, FOC pending).
  "SUPP_PENDING SUPP_ACCEPTED SUPP_PENDING",
  "SUPP_PENDING FOC_RECEIVED FOC",
  // The answer to a change or date change before FOC ends the wait; the order stays where it is.
  ...["SUBMITTED", "CSR_REVIEW", "PENDING_FOC", "EXCEPTION"].flatMap((s) => [
    `${s} SUPP_ACCEPTED ${s}`,
    `${s} SUPP_REJECTED ${s}`,
  ]),
  ...["SUBMITTED", "CSR_REVIEW", "PENDING_FOC", "EXCEPTION", "FOC"].map((s) => `SUPP_PENDING SUPP_REJECTED ${s}`),
  ...["SUBMITTED", "CSR_REVIEW", "PENDING_FOC", "EXCEPTION"].map((s) => `${s} CANCEL SUPP_PENDING`),
  // Changes before FOC: CHANGE SUPP through the CSR phase again; date-only changes keep the status.
  ...["SUBMITTED", "CSR_REVIEW", "PENDING_FOC"].flatMap((s) => [
    `${s} EDIT ${s}`,
    `${s} RESCHEDULE ${s}`,
    `${s} EDIT CSR_REVIEW`,
  ]),
  ...["SUBMITTED", "CSR_REVIEW", "PENDING_FOC", "EXCEPTION", "SUPP_PENDING"].map((s) => `${s} TNS_EXCLUDED ${s}`),
]);

const TNS = ["+17182340001", "+17182340002", "+17182340003"];
const DATES = ["2025-09-08T15:30:00Z", "2025-09-10T15:30:00Z", "2025-09-12T14:00:00Z", "2025-09-13T15:30:00Z"];
const NOWS = ["2025-08-26T14:00:00Z", "2025-09-05T15:29:00Z", "2025-09-05T15:30:00Z", FOC_AT, "2025-09-10T16:00:00Z"];

const eventArb: fc.Arbitrary<OrderEvent> = fc.oneof(
  fc.constantFrom("ON_NET", "AUTOMATED", "PROJECT").map((portType) => ({ type: "SUBMIT" as const, portType })),
  fc.constant({ type: "DELETE_DRAFT" as const }),
  fc
    .constantFrom("123456789", "PWN250826000001", "PWP250826000001")
    .map((pon) => ({ type: "PARTNER_ACCEPTED" as const, pon })),
  fc.constant({ type: "CSR_RETURNED" as const, note: "Name: X" }),
  fc.constant({ type: "CSR_UNAVAILABLE" as const }),
  fc.constantFrom(...DATES).map((focAt) => ({ type: "FOC_RECEIVED" as const, focAt })),
  fc
    .constantFrom("ZIP_MISMATCH", "PIN_INVALID", "?")
    .map((code) => ({ type: "REJECTED" as const, rejections: [{ code }] })),
  fc.oneof(
    fc.constantFrom(...TNS).map((btn) => ({ type: "EDIT" as const, changes: { btn } })),
    fc.constantFrom(...DATES).map((requestedFoc) => ({ type: "EDIT" as const, changes: { requestedFoc } })),
  ),
  fc.constant({ type: "RESUBMIT" as const }),
  fc.constantFrom(...DATES).map((requestedFoc) => ({ type: "RESCHEDULE" as const, requestedFoc })),
  fc.constant({ type: "CANCEL" as const }),
  fc.constant({ type: "SUPP_ACCEPTED" as const }),
  fc.constant({ type: "SUPP_REJECTED" as const, reason: "no" }),
  fc
    .constantFrom("SCHEDULED" as const, "ON_DEMAND" as const)
    .map((trigger) => ({ type: "ACTIVATE" as const, trigger })),
  fc.subarray(TNS, { minLength: 1 }).map((tns) => ({ type: "TNS_ACTIVATED" as const, tns })),
  fc.subarray(TNS, { minLength: 1, maxLength: 1 }).map((tns) => ({ type: "TNS_EXCLUDED" as const, tns, reason: "x" })),
);
const actorArb: fc.Arbitrary<Actor> = fc.constantFrom<Actor>(
  { kind: "USER" },
  { kind: "API_KEY" },
  { kind: "STAFF" },
  { kind: "PARTNER" },
  { kind: "SYSTEM" },
);
/** Mostly the actor who would cause the event, sometimes anyone (to exercise the actor rules). */
const stepArb = fc
  .tuple(eventArb, fc.integer({ min: 0, max: 9 }), actorArb, fc.constantFrom(...NOWS))
  .map(([event, roll, anyActor, now]): [OrderEvent, Actor, string] => [
    event,
    roll < 8 ? actorFor(event) : anyActor,
    now,
  ]);

type Sequence = { start: number; steps: [OrderEvent, Actor, string][] };
const sequenceArb = (maxLength: number): fc.Arbitrary<Sequence> =>
  fc.record({ start: fc.integer({ min: 0, max: STARTS.length - 1 }), steps: fc.array(stepArb, { maxLength }) });

function runSequence(
  { start, steps }: Sequence,
  check: (before: PortOrder, after: PortOrder, event: OrderEvent, effects: string[]) => void,
) {
  let order = (STARTS[start] ?? draftOrder)();
  for (const [event, actor, now] of steps) {
    const result = applyOrderEvent(order, event, { ...RULES, now, actor });
    if (result.ok) {
      check(
        order,
        result.order,
        event,
        result.effects.map((e) => e.type),
      );
      order = result.order;
    } else {
      expect(result.error.message.length).toBeGreaterThan(0);
    }
  }
  return order;
}

describe("state machine properties", () => {
  it("random event sequences never take a transition SPEC 7 does not list", () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(sequenceArb(40), (steps) => {
        runSequence(steps, (before, after, event) => {
          const key = `${before.status} ${event.type} ${after.status}`;
          expect(LISTED.has(key), key).toBe(true);
          expect(after.version).toBe(before.version + 1);
          seen.add(key);
        });
      }),
      { numRuns: 3000 },
    );
    // The generator reaches the interesting parts of the machine.
    for (const key of [
      "PENDING_FOC FOC_RECEIVED FOC",
      // The LSP revises the FOC (its answer to a reschedule); a second rejection adds to the first.
      "FOC FOC_RECEIVED FOC",
      "EXCEPTION REJECTED EXCEPTION",
      "SUPP_PENDING SUPP_ACCEPTED CANCELLED",
      "FOC RESCHEDULE SUPP_PENDING",
      "EXCEPTION RESUBMIT CSR_REVIEW",
    ]) {
      expect(seen.has(key), key).toBe(true);
    }
    expect([...seen].some((key) => key.endsWith(" COMPLETE"))).toBe(true);
  });

  it("terminal states absorb every event", () => {
    fc.assert(
      fc.property(sequenceArb(40), fc.array(stepArb, { minLength: 1, maxLength: 10 }), (steps, more) => {
        const order = runSequence(steps, () => undefined);
        if (isTerminalStatus(order.status)) {
          for (const [event, actor, now] of more) {
            expect(applyOrderEvent(order, event, { ...RULES, now, actor })).toMatchObject({
              ok: false,
              error: { code: "TERMINAL_STATE" },
            });
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("no activation is sent or recorded while a SUPP is in flight", () => {
    fc.assert(
      fc.property(sequenceArb(40), (steps) => {
        runSequence(steps, (before, after, _event, effects) => {
          if (before.supp !== null || before.status === "SUPP_PENDING") {
            expect(effects).not.toContain("SEND_ACTIVATION");
            expect(after.lines.filter((l) => l.status === "ACTIVATED").length).toBe(
              before.lines.filter((l) => l.status === "ACTIVATED").length,
            );
          }
          if (after.supp !== null && before.supp === null && before.status === "FOC") {
            expect(effects).toContain("HOLD_ACTIVATION");
          }
        });
      }),
      { numRuns: 3000 },
    );
  });

  it("COMPLETE means every TN not excluded is activated", () => {
    fc.assert(
      fc.property(sequenceArb(40), (steps) => {
        runSequence(steps, (_before, after) => {
          const status: OrderStatus = after.status;
          if (status === "COMPLETE") {
            expect(after.lines.filter((l) => l.status !== "EXCLUDED").every((l) => l.status === "ACTIVATED")).toBe(
              true,
            );
          }
        });
      }),
      { numRuns: 1000 },
    );
  });
});
