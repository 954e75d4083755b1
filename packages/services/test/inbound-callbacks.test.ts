import { createDb, type DbHandle, setPartnerOrderId } from "@portway/db";
import type { PartnerEvent } from "@portway/partner";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { fixedClock } from "../src/clock";
import {
  acknowledgeQueueEntry,
  applyOrderEventAs,
  cancelOrder,
  getOrderDetail,
  listOrderQueue,
  queueInput,
  receivePartnerCallback,
  recordOrderEvent,
  rescheduleOrder,
  retryParkedPartnerEvents,
  runActivationScan,
  runStuckScan,
  seedDemoData,
  seedNumberingData,
  submitPortRequest,
} from "../src/index";
import { demoCustomer, draftWithLoa, manualRequestsOf, mondayMorning, submissionData, tnRange } from "./order-fixtures";

let handle: DbHandle;
let acme: Awaited<ReturnType<typeof demoCustomer>>;
const partner = { actor: { kind: "PARTNER" as const } };
const analyst = { actor: { kind: "STAFF" as const, id: "demo-analyst-portway" } };
const customer = () => ({ actor: { kind: "USER" as const, id: acme.userId }, accountId: acme.accountId });

beforeAll(async () => {
  handle = createDb(inject("databaseUrl"));
  await seedDemoData(handle.db, { production: false });
  await seedNumberingData(handle.db);
  acme = await demoCustomer(handle.db, "acme-voice");
});
afterAll(async () => {
  await handle.close();
});

let partnerIds = 300_000_000;

interface Submitted {
  orderId: string;
  partnerOrderId: string;
  clock: ReturnType<typeof fixedClock>;
  tns: string[];
  sequence: number;
}

/** An automated order the partner accepted (its 9-digit ID is the PON); callbacks follow from sequence 1. */
async function acceptedOrder(reference: string, firstLine: number, overrides: Record<string, unknown> = {}) {
  const clock = fixedClock(mondayMorning);
  const tns = tnRange("617253", firstLine, 2);
  const data = submissionData(tns, reference, overrides);
  const draft = await draftWithLoa(handle.db, acme, data);
  const submitted = await submitPortRequest(handle.db, clock, acme, { draftId: draft.id, submission: data });
  const orderId = submitted.orders[0]?.id ?? "";
  const partnerOrderId = String(partnerIds++);
  await setPartnerOrderId(handle.db, orderId, partnerOrderId);
  await applyOrderEventAs(handle.db, clock, partner, orderId, { type: "PARTNER_ACCEPTED", pon: partnerOrderId });
  return { orderId, partnerOrderId, clock, tns, sequence: 0 } satisfies Submitted;
}

type Body = PartnerEvent extends infer E ? (E extends PartnerEvent ? Omit<E, keyof typeof baseKeys> : never) : never;
const baseKeys = { eventId: 1, orderId: 1, clientOrderId: 1, portType: 1, sequence: 1, occurredAt: 1 } as const;

/** The partner's next event for the order (sequence numbers as the partner counts them). */
function next(order: Submitted, body: Body, sequence = ++order.sequence): PartnerEvent {
  return {
    ...body,
    eventId: `${order.partnerOrderId}-${sequence}`,
    orderId: order.partnerOrderId,
    clientOrderId: order.orderId,
    portType: "AUTOMATED",
    sequence,
    occurredAt: order.clock.now().toISOString(),
  } as PartnerEvent;
}

const deliver = (order: Submitted, event: PartnerEvent) => receivePartnerCallback(handle.db, order.clock, event);
const digits = (tn: string) => tn.replace(/^\+1/, "");

async function statusOf(orderId: string) {
  const rows = await handle.pool.query("select status, foc_at, activation_due_at from port_orders where id = $1", [
    orderId,
  ]);
  return rows.rows[0] as { status: string; foc_at: Date | null; activation_due_at: Date | null };
}

async function eventsOf(orderId: string) {
  const rows = await handle.pool.query(
    "select type, sequence, status, detail from partner_events where order_id = $1 order by sequence, id",
    [orderId],
  );
  return rows.rows as { type: string; sequence: number; status: string; detail: string | null }[];
}

const csrUnavailable: Body = { type: "CSR_UNAVAILABLE", reason: "NOT_SUPPORTED", rawText: "No CSR" };
const focEvent = (focAt: string): Body => ({
  type: "FOC",
  focAt,
  focDate: focAt.slice(0, 10),
  requestedFocAt: focAt,
  rawText: `FOC ISSUED FOR ${focAt.slice(0, 10)}`,
});

describe("finding 2: the structured CSR fields of the callback are used", () => {
  it("fills the CSR from the callback's fields when the text cannot be read, so the diff and the partial port show", async () => {
    const order = await acceptedOrder("IN-CSR", 9700);
    const extra = "+16172539799";
    await deliver(
      order,
      next(order, {
        type: "CSR_RETURNED",
        csr: {
          rawText: "~~ CSR 0001 ~~\nACCT/HOLDER >> see structured record\n",
          accountNumber: "ACCT-000111",
          btn: digits(order.tns[0] ?? ""),
          accountName: "HARBOR DENTAL GROUP",
          subscriber: { type: "BUSINESS", businessName: "HARBOR DENTAL GROUP" },
          serviceAddress: {
            houseNumber: "100",
            streetName: "MAIN STREET",
            unit: null,
            city: "BOSTON",
            state: "MA",
            zip: "02111",
          },
          authorizedName: "DANA HARBOR",
          tns: [...order.tns.map(digits), digits(extra)],
        },
      }),
    );
    const view = await getOrderDetail(handle.db, { orderId: order.orderId }, { staff: true, now: order.clock.now() });
    expect(view.order.status).toBe("PENDING_FOC");
    const comparison = view.csr?.comparison;
    expect(comparison?.partialPort).toBe(true);
    expect(comparison?.tnsRemaining).toEqual([extra]);
    const fields = Object.fromEntries((comparison?.differences ?? []).map((d) => [d.field, d.match]));
    expect(fields).toMatchObject({
      name: false,
      accountNumber: false,
      "serviceAddress.street": true,
      "serviceAddress.zip": false,
      btn: true,
    });
  });
});

describe("finding 4: a rejection keeps the TNs it names", () => {
  it("stores the TNs on the order's rejection", async () => {
    const order = await acceptedOrder("IN-REJECT-TNS", 9710);
    await deliver(order, next(order, csrUnavailable));
    await deliver(
      order,
      next(order, {
        type: "REJECTED",
        rejections: [{ code: "TN_NOT_PORTABLE", rawText: "TN NOT PORTABLE", tns: [digits(order.tns[1] ?? "")] }],
      }),
    );
    const view = await getOrderDetail(handle.db, { orderId: order.orderId }, { staff: true, now: order.clock.now() });
    expect(view.order.status).toBe("EXCEPTION");
    expect(view.openRejections.map((r) => r.tns)).toEqual([[order.tns[1]]]);
  });
});

describe("finding 13: nothing from the partner is dropped while a cancel is in flight", () => {
  it("keeps an FOC that arrives during a pre-FOC cancel and applies it when the cancel is refused", async () => {
    const order = await acceptedOrder("IN-PARK-FOC", 9720);
    await deliver(order, next(order, csrUnavailable));
    const view = await getOrderDetail(handle.db, { orderId: order.orderId }, { staff: false, now: order.clock.now() });
    await cancelOrder(handle.db, order.clock, customer(), { orderId: order.orderId, baseVersion: view.order.version });
    await deliver(order, next(order, focEvent("2026-12-10T16:00:00.000Z")));
    const parked = (await eventsOf(order.orderId)).find((e) => e.type === "FOC");
    expect(parked?.status).toBe("PARKED");
    expect(parked?.detail).toMatch(/SUPP|cancel/i);
    await deliver(
      order,
      next(order, {
        type: "SUPP_REJECTED",
        suppId: "s1",
        suppType: "CANCEL",
        reason: { code: "TOO_LATE", rawText: "cancel refused" },
      }),
    );
    const after = await statusOf(order.orderId);
    expect(after.status).toBe("FOC");
    expect(after.foc_at?.toISOString()).toBe("2026-12-10T16:00:00.000Z");
    expect((await eventsOf(order.orderId)).find((e) => e.type === "FOC")?.status).toBe("APPLIED");
  });

  it("keeps a rejection that arrives during a pre-FOC cancel; a cancel the LSP accepts closes it with the reason", async () => {
    const order = await acceptedOrder("IN-PARK-REJ", 9730);
    await deliver(order, next(order, csrUnavailable));
    const view = await getOrderDetail(handle.db, { orderId: order.orderId }, { staff: false, now: order.clock.now() });
    await cancelOrder(handle.db, order.clock, customer(), { orderId: order.orderId, baseVersion: view.order.version });
    await deliver(order, next(order, { type: "REJECTED", rejections: [{ code: "PIN_MISMATCH", rawText: "pin" }] }));
    expect((await eventsOf(order.orderId)).find((e) => e.type === "REJECTED")?.status).toBe("PARKED");
    await deliver(order, next(order, { type: "SUPP_ACCEPTED", suppId: "s1", suppType: "CANCEL" }));
    expect((await statusOf(order.orderId)).status).toBe("CANCELLED");
    const closed = (await eventsOf(order.orderId)).find((e) => e.type === "REJECTED");
    expect(closed?.status).toBe("IGNORED");
    expect(closed?.detail).toMatch(/cancelled/i);
  });

  it("a parked event is applied by the retry point once the porting team records the SUPP answer", async () => {
    const order = await acceptedOrder("IN-PARK-STAFF", 9740);
    await deliver(order, next(order, csrUnavailable));
    const view = await getOrderDetail(handle.db, { orderId: order.orderId }, { staff: false, now: order.clock.now() });
    await cancelOrder(handle.db, order.clock, customer(), { orderId: order.orderId, baseVersion: view.order.version });
    await deliver(order, next(order, { type: "REJECTED", rejections: [{ code: "PIN_MISMATCH", rawText: "pin" }] }));
    await recordOrderEvent(handle.db, order.clock, analyst, {
      type: "SUPP_REFUSED",
      orderId: order.orderId,
      reason: "LSP refused the cancel",
    });
    expect((await statusOf(order.orderId)).status).toBe("PENDING_FOC");
    expect(await retryParkedPartnerEvents(handle.db, order.clock)).toMatchObject({ applied: 1 });
    expect((await statusOf(order.orderId)).status).toBe("EXCEPTION");
  });

  it("a reschedule's FOC is the one the LSP answers with, not our request", async () => {
    const order = await acceptedOrder("IN-RESCHEDULE", 9750);
    await deliver(order, next(order, csrUnavailable));
    await deliver(order, next(order, focEvent("2026-12-10T16:00:00.000Z")));
    const view = await getOrderDetail(handle.db, { orderId: order.orderId }, { staff: false, now: order.clock.now() });
    await rescheduleOrder(handle.db, order.clock, customer(), {
      orderId: order.orderId,
      baseVersion: view.order.version,
      date: "2026-12-14",
      time: "11:00",
    });
    await deliver(order, next(order, { type: "SUPP_ACCEPTED", suppId: "s2", suppType: "RESCHEDULE" }));
    await deliver(order, next(order, focEvent("2026-12-14T19:00:00.000Z")));
    const after = await statusOf(order.orderId);
    expect([after.status, after.foc_at?.toISOString()]).toEqual(["FOC", "2026-12-14T19:00:00.000Z"]);
    expect(after.activation_due_at?.toISOString()).toBe("2026-12-14T19:00:00.000Z");
  });

  it("an event that can never apply is surfaced in the exceptions queue with the reason", async () => {
    const order = await acceptedOrder("IN-SURFACE", 9760);
    // An FOC before the CSR phase ended: the state machine refuses it.
    await deliver(order, next(order, focEvent("2026-12-10T16:00:00.000Z")));
    const refused = (await eventsOf(order.orderId)).find((e) => e.type === "FOC");
    expect(refused?.status).toBe("REFUSED");
    const requests = await manualRequestsOf(handle.db, order.orderId);
    expect(requests.filter((r) => r.kind === "PARTNER_EVENT" && r.status === "OPEN").map((r) => r.reason)).toEqual([
      expect.stringMatching(/FOC/),
    ]);
    const queue = await listOrderQueue(handle.db, "exceptions", analyst.actor.id, queueInput.parse({ pageSize: 200 }));
    expect(queue.rows.find((r) => r.id === order.orderId)?.attention).toMatch(/FOC/);
    // The porting team looks at it and says what it did; the order leaves the queue.
    const entry = requests.find((r) => r.kind === "PARTNER_EVENT");
    await acknowledgeQueueEntry(handle.db, order.clock, analyst.actor.id, {
      requestId: entry?.id ?? "",
      resolution: "Asked the partner; the FOC was sent early by mistake.",
    });
    const after = await listOrderQueue(handle.db, "exceptions", analyst.actor.id, queueInput.parse({ pageSize: 200 }));
    expect(after.rows.map((r) => r.id)).not.toContain(order.orderId);
    const project = (await manualRequestsOf(handle.db, order.orderId)).find((r) => r.kind === "PARTNER_EVENT");
    expect(project?.status).toBe("DONE");
    await expect(
      acknowledgeQueueEntry(handle.db, order.clock, analyst.actor.id, {
        requestId: entry?.id ?? "",
        resolution: "again",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("nothing from the partner is dropped in silence", () => {
  it("a cancel Portway never asked for goes to the porting team", async () => {
    const order = await acceptedOrder("IN-UNASKED-CANCEL", 9820);
    await deliver(order, next(order, { type: "CANCELLED", suppId: null, rawText: "ORDER CANCELLED BY LSP" }));
    expect((await eventsOf(order.orderId)).find((e) => e.type === "CANCELLED")?.status).toBe("REFUSED");
    const requests = await manualRequestsOf(handle.db, order.orderId);
    expect(requests.filter((r) => r.kind === "PARTNER_EVENT").map((r) => r.reason)).toEqual([
      expect.stringMatching(/CANCELLED/),
    ]);
  });
});

describe("duplicated and out-of-order callbacks", () => {
  it("apply once and in sequence", async () => {
    const order = await acceptedOrder("IN-DUP", 9770);
    const csr = next(order, csrUnavailable);
    const foc = next(order, focEvent("2026-12-10T16:00:00.000Z"));
    expect(await deliver(order, foc)).toBe("waiting");
    expect(await deliver(order, csr)).toBe("applied");
    expect(await deliver(order, csr)).toBe("duplicate");
    expect(await deliver(order, foc)).toBe("duplicate");
    expect((await statusOf(order.orderId)).status).toBe("FOC");
    const history = await handle.pool.query("select event from order_history where order_id = $1 order by id", [
      order.orderId,
    ]);
    expect(history.rows.map((r) => r.event)).toEqual(["SUBMIT", "PARTNER_ACCEPTED", "CSR_UNAVAILABLE", "FOC_RECEIVED"]);
  });
});

describe("finding 20: an FOC outside the rules is flagged for the porting team", () => {
  it.each([
    ["a porting holiday", "2026-12-25T16:00:00.000Z", "PORTING_HOLIDAY", 9780],
    ["23:30 ET", "2026-12-11T04:30:00.000Z", "OUTSIDE_TIME_WINDOW", 9782],
    ["the day after submission", "2026-12-08T16:00:00.000Z", "BEFORE_EARLIEST_FOC", 9784],
  ])("%s", async (_label, focAt, code, line) => {
    const order = await acceptedOrder(`IN-FOC-${code}`, line);
    await deliver(order, next(order, csrUnavailable));
    await deliver(order, next(order, focEvent(focAt)));
    expect((await statusOf(order.orderId)).status).toBe("FOC");
    const flagged = (await manualRequestsOf(handle.db, order.orderId)).filter((r) => r.kind === "FOC_REVIEW");
    expect(flagged.map((r) => r.status)).toEqual(["OPEN"]);
    expect(flagged[0]?.reason).toContain(code);
    const queue = await listOrderQueue(handle.db, "exceptions", analyst.actor.id, queueInput.parse({ pageSize: 200 }));
    expect(queue.rows.map((r) => r.id)).toContain(order.orderId);
  });

  it("a good FOC is not flagged", async () => {
    const order = await acceptedOrder("IN-FOC-GOOD", 9786);
    await deliver(order, next(order, csrUnavailable));
    await deliver(order, next(order, focEvent("2026-12-10T16:00:00.000Z")));
    expect((await manualRequestsOf(handle.db, order.orderId)).filter((r) => r.kind === "FOC_REVIEW")).toEqual([]);
  });
});

describe("finding 12: on-demand activation after a SUPP is planned at the end of the window", () => {
  it("plans it at 22:00 ET of the new FOC day, and the scan does not refuse it round after round", async () => {
    const order = await acceptedOrder("IN-ONDEMAND", 9790, { onDemandActivation: true });
    await deliver(order, next(order, csrUnavailable));
    await deliver(order, next(order, focEvent("2026-12-10T16:00:00.000Z")));
    expect((await statusOf(order.orderId)).activation_due_at?.toISOString()).toBe("2026-12-11T03:00:00.000Z");
    const view = await getOrderDetail(handle.db, { orderId: order.orderId }, { staff: false, now: order.clock.now() });
    await rescheduleOrder(handle.db, order.clock, customer(), {
      orderId: order.orderId,
      baseVersion: view.order.version,
      date: "2026-12-14",
      time: "11:00",
    });
    await deliver(order, next(order, { type: "SUPP_ACCEPTED", suppId: "s3", suppType: "RESCHEDULE" }));
    // The LSP's FOC that follows its acceptance is the new FOC.
    await deliver(order, next(order, focEvent("2026-12-14T16:00:00.000Z")));
    expect((await statusOf(order.orderId)).activation_due_at?.toISOString()).toBe("2026-12-15T03:00:00.000Z");
    order.clock.set(new Date("2026-12-14T17:00:00.000Z"));
    const scan = await runActivationScan(handle.db, order.clock);
    expect(scan.refused).toBe(0);
  });
});

describe("finding 12: a wrongly planned activation does not starve the others", () => {
  it("the scan re-plans an order it must refuse, so the orders behind it in the batch are activated", async () => {
    const early = await acceptedOrder("IN-STARVE-A", 9830, { onDemandActivation: true });
    await deliver(early, next(early, csrUnavailable));
    await deliver(early, next(early, focEvent("2026-12-10T16:00:00.000Z")));
    // As the old re-plan left it: due at the FOC time instead of the end of the on-demand window.
    await handle.pool.query("update port_orders set activation_due_at = $2 where id = $1", [
      early.orderId,
      new Date("2026-12-10T15:59:00.000Z"),
    ]);
    const due = await acceptedOrder("IN-STARVE-B", 9832);
    await deliver(due, next(due, csrUnavailable));
    await deliver(due, next(due, focEvent("2026-12-10T16:00:00.000Z")));
    const clock = fixedClock(new Date("2026-12-10T16:05:00.000Z"));
    expect(await runActivationScan(handle.db, clock, 1)).toEqual({ activated: 0, refused: 1 });
    expect((await statusOf(early.orderId)).activation_due_at?.toISOString()).toBe("2026-12-11T03:00:00.000Z");
    expect(await runActivationScan(handle.db, clock, 1)).toEqual({ activated: 1, refused: 0 });
    const sent = await handle.pool.query("select activation_sent from port_orders where id = $1", [due.orderId]);
    expect(sent.rows[0].activation_sent).toBe(true);
  });
});

describe("finding 22: stuck orders in business hours", () => {
  it("flags an FOC order whose activation was never confirmed", async () => {
    const order = await acceptedOrder("IN-STUCK-FOC", 9800);
    await deliver(order, next(order, csrUnavailable));
    await deliver(order, next(order, focEvent("2026-12-10T16:00:00.000Z")));
    await applyOrderEventAs(handle.db, order.clock, { actor: { kind: "SYSTEM" } }, order.orderId, {
      type: "ACTIVATE",
      trigger: "SCHEDULED",
    }).catch(() => undefined);
    order.clock.set(new Date("2026-12-10T22:00:00.000Z"));
    await runStuckScan(handle.db, order.clock);
    const rows = await handle.pool.query("select stuck_since from port_orders where id = $1", [order.orderId]);
    expect(rows.rows[0].stuck_since).not.toBeNull();
  });

  it("does not count a weekend", async () => {
    const order = await acceptedOrder("IN-STUCK-WEEKEND", 9810);
    // CSR_REVIEW since Monday 10:00 ET; 48 business hours later is Wednesday 10:00 ET; a weekend in between would
    // not count, so Friday 10:00 to Tuesday 09:00 ET is 47 business hours.
    order.clock.set(new Date("2026-12-11T15:00:00.000Z"));
    await handle.pool.query("update port_orders set last_progress_at = $2 where id = $1", [
      order.orderId,
      order.clock.now(),
    ]);
    order.clock.set(new Date("2026-12-15T14:00:00.000Z"));
    await runStuckScan(handle.db, order.clock);
    const rows = await handle.pool.query("select stuck_since from port_orders where id = $1", [order.orderId]);
    expect(rows.rows[0].stuck_since).toBeNull();
  });
});

describe("finding 15: a project port's changes are queue entries, and the queue lets go of closed orders", () => {
  async function projectOrder(reference: string, firstLine: number) {
    const clock = fixedClock(mondayMorning);
    const data = submissionData(tnRange("617253", firstLine, 601), reference, {
      requestedFoc: "2026-12-22T16:30:00.000Z",
    });
    const draft = await draftWithLoa(handle.db, acme, data);
    const submitted = await submitPortRequest(handle.db, clock, acme, { draftId: draft.id, submission: data });
    const orderId = submitted.orders[0]?.id ?? "";
    expect(submitted.orders[0]?.portType).toBe("PROJECT");
    return { orderId, clock };
  }

  it("finding 11: a project port asked for 14:00 ET is accepted and goes live at 11:30 ET", async () => {
    const clock = fixedClock(mondayMorning);
    const data = submissionData(tnRange("617253", 1000, 601), "IN-PROJECT-TIME", {
      requestedFoc: "2026-12-22T19:00:00.000Z",
    });
    const draft = await draftWithLoa(handle.db, acme, data);
    const submitted = await submitPortRequest(handle.db, clock, acme, { draftId: draft.id, submission: data });
    const orderId = submitted.orders[0]?.id ?? "";
    const rows = await handle.pool.query("select port_type, requested_foc_at from port_orders where id = $1", [
      orderId,
    ]);
    expect(rows.rows[0].port_type).toBe("PROJECT");
    expect((rows.rows[0].requested_foc_at as Date).toISOString()).toBe("2026-12-22T16:30:00.000Z");
  });

  it("a customer cancel of a project port is a queue entry; once cancelled, nothing stays open", async () => {
    const { orderId, clock } = await projectOrder("IN-PROJECT-CANCEL", 4200);
    const view = await getOrderDetail(handle.db, { orderId }, { staff: false, now: clock.now() });
    await cancelOrder(handle.db, clock, customer(), { orderId, baseVersion: view.order.version });
    const open = (await manualRequestsOf(handle.db, orderId)).filter((r) => r.status === "OPEN");
    expect(open.map((r) => r.kind).sort()).toEqual(["PROJECT_CANCEL", "PROJECT_PORT"]);
    await recordOrderEvent(handle.db, clock, analyst, { type: "SUPP_ACCEPTED", orderId });
    expect((await statusOf(orderId)).status).toBe("CANCELLED");
    expect((await manualRequestsOf(handle.db, orderId)).filter((r) => r.status === "OPEN")).toEqual([]);
  });

  it("a customer change of a project port is a queue entry for the porting team", async () => {
    const { orderId, clock } = await projectOrder("IN-PROJECT-CHANGE", 9000);
    await recordOrderEvent(handle.db, clock, analyst, { type: "PON", orderId, pon: "PWP261207000917" });
    const view = await getOrderDetail(handle.db, { orderId }, { staff: false, now: clock.now() });
    await rescheduleOrder(handle.db, clock, customer(), {
      orderId,
      baseVersion: view.order.version,
      date: "2026-12-23",
      time: "11:30",
    });
    const open = (await manualRequestsOf(handle.db, orderId)).filter((r) => r.status === "OPEN");
    expect(open.map((r) => r.kind).sort()).toEqual(["PROJECT_PORT", "PROJECT_RESCHEDULE"]);
    await recordOrderEvent(handle.db, clock, analyst, { type: "CSR_UNAVAILABLE", orderId });
    await recordOrderEvent(handle.db, clock, analyst, { type: "FOC", orderId, focAt: "2026-12-23T16:30:00.000Z" });
    const still = (await manualRequestsOf(handle.db, orderId)).filter((r) => r.status === "OPEN");
    expect(still.map((r) => r.kind)).toEqual(["PROJECT_PORT"]);
  });
});
