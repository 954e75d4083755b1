import { createDb, type DbHandle, portOrderTns } from "@portway/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { fixedClock } from "../src/clock";
import {
  applyOrderEventAs,
  cancelOrder,
  editOrder,
  getOrderDetail,
  recordOrderEvent,
  rescheduleOrder,
  seedDemoData,
  seedNumberingData,
  submitPortRequest,
} from "../src/index";
import {
  demoCustomer,
  draftWithLoa,
  failure,
  jobsOf,
  manualRequestsOf,
  mondayMorning,
  submissionData,
  tnRange,
} from "./order-fixtures";

let handle: DbHandle;
let acme: Awaited<ReturnType<typeof demoCustomer>>;
let blue: Awaited<ReturnType<typeof demoCustomer>>;
const partner = { actor: { kind: "PARTNER" as const } };
const analyst = { actor: { kind: "STAFF" as const, id: "demo-analyst-portway" } };

beforeAll(async () => {
  handle = createDb(inject("databaseUrl"));
  await seedDemoData(handle.db, { production: false });
  await seedNumberingData(handle.db);
  acme = await demoCustomer(handle.db, "acme-voice");
  blue = await demoCustomer(handle.db, "blue-harbor");
});
afterAll(async () => {
  await handle.close();
});

const customer = () => ({ actor: { kind: "USER" as const, id: acme.userId }, accountId: acme.accountId });

/** An automated off-net order moved to FOC on Thursday 2026-12-10 11:00 ET. */
async function orderAtFoc(reference: string, firstLine: number) {
  const clock = fixedClock(mondayMorning);
  const data = submissionData(tnRange("617253", firstLine, 2), reference);
  const draft = await draftWithLoa(handle.db, acme, data);
  const submitted = await submitPortRequest(handle.db, clock, acme, { draftId: draft.id, submission: data });
  const orderId = submitted.orders[0]?.id ?? "";
  await applyOrderEventAs(handle.db, clock, partner, orderId, { type: "PARTNER_ACCEPTED", pon: "123456789" });
  await applyOrderEventAs(handle.db, clock, partner, orderId, { type: "CSR_UNAVAILABLE" });
  const foc = await applyOrderEventAs(handle.db, clock, partner, orderId, {
    type: "FOC_RECEIVED",
    focAt: "2026-12-10T16:00:00.000Z",
  });
  return { orderId, version: foc.version, clock };
}

describe("order lifecycle", () => {
  it("records every transition in the history, with who and why", async () => {
    const { orderId } = await orderAtFoc("LIFE-HISTORY", 5000);
    const detail = await getOrderDetail(
      handle.db,
      { orderId, accountId: acme.accountId },
      { staff: false, now: mondayMorning },
    );
    expect(detail.order.status).toBe("FOC");
    expect(detail.order.pon).toBe("123456789");
    expect(detail.history.map((h) => `${h.from}>${h.to}:${h.actorKind}`)).toEqual([
      "DRAFT>SUBMITTED:USER",
      "SUBMITTED>CSR_REVIEW:PARTNER",
      "CSR_REVIEW>PENDING_FOC:PARTNER",
      "PENDING_FOC>FOC:PARTNER",
    ]);
    expect(detail.order.shortNoticeCutoff).toBe("2026-12-09T16:00:00.000Z");
    const actions = Object.fromEntries(detail.actions.map((a) => [a.action, a]));
    expect(actions.RESCHEDULE?.allowed).toBe(true);
    expect(actions.EDIT).toMatchObject({ allowed: false });
    expect(actions.EDIT?.reason).toContain("cannot change now");
  });

  it("hides another account's order as not found, and changes nothing", async () => {
    const { orderId, version, clock } = await orderAtFoc("LIFE-TENANT", 5100);
    const other = { actor: { kind: "USER" as const, id: blue.userId }, accountId: blue.accountId };
    const error = await failure(cancelOrder(handle.db, clock, other, { orderId, baseVersion: version }));
    expect(error.kind).toBe("NOT_FOUND");
    const detail = await getOrderDetail(handle.db, { orderId }, { staff: true, now: mondayMorning });
    expect(detail.order.status).toBe("FOC");
  });

  it("sends a RESCHEDULE SUPP after FOC and refuses a fourth SUPP", async () => {
    const { orderId, clock } = await orderAtFoc("LIFE-SUPP-CAP", 5200);
    let version = (await getOrderDetail(handle.db, { orderId }, { staff: true, now: mondayMorning })).order.version;
    for (const [date, time] of [
      ["2026-12-14", "11:00"],
      ["2026-12-15", "11:00"],
      ["2026-12-16", "11:00"],
    ] as const) {
      const moved = await rescheduleOrder(handle.db, clock, customer(), { orderId, baseVersion: version, date, time });
      expect(moved.status).toBe("SUPP_PENDING");
      const accepted = await applyOrderEventAs(handle.db, clock, partner, orderId, {
        type: "SUPP_ACCEPTED",
        focAt: `${date}T16:00:00.000Z`,
      });
      expect(accepted.status).toBe("FOC");
      version = accepted.version;
    }
    expect((await jobsOf(handle.db, orderId)).filter((j) => j === "partner.send-supp")).toHaveLength(3);
    const fourth = await failure(
      rescheduleOrder(handle.db, clock, customer(), {
        orderId,
        baseVersion: version,
        date: "2026-12-17",
        time: "11:00",
      }),
    );
    expect(fourth.code).toBe("SUPP_LIMIT_REACHED");
  });

  it("makes a short-notice cancel a manual request; the order is cancelled only when the porting team records acceptance", async () => {
    const { orderId, version } = await orderAtFoc("LIFE-SHORT-NOTICE", 5300);
    // Wednesday 2026-12-09 12:00 ET: after the cutoff (Wednesday 11:00 ET) for a Thursday 11:00 FOC.
    const late = fixedClock(new Date("2026-12-09T17:00:00Z"));
    await cancelOrder(handle.db, late, customer(), { orderId, baseVersion: version, reason: "Customer changed plans" });
    let detail = await getOrderDetail(handle.db, { orderId }, { staff: true, now: late.now() });
    expect(detail.order.status).toBe("FOC");
    expect(detail.order.supp).toMatchObject({ type: "CANCEL", manual: true });
    expect(detail.order.activationHeld).toBe(true);
    expect(await jobsOf(handle.db, orderId)).not.toContain("partner.send-supp");
    expect((await manualRequestsOf(handle.db, orderId)).map((r) => [r.kind, r.status])).toEqual([
      ["SHORT_NOTICE_CANCEL", "OPEN"],
    ]);

    await recordOrderEvent(handle.db, late, analyst, { type: "SUPP_ACCEPTED", orderId });
    detail = await getOrderDetail(handle.db, { orderId }, { staff: true, now: late.now() });
    expect(detail.order.status).toBe("CANCELLED");
    expect((await manualRequestsOf(handle.db, orderId)).map((r) => r.status)).toEqual(["ACCEPTED"]);
    const lines = await handle.db.select().from(portOrderTns).where(eq(portOrderTns.orderId, orderId));
    expect(lines.every((l) => !l.active)).toBe(true);
  });

  it("refuses an edit based on a stale version and says what changed", async () => {
    const clock = fixedClock(mondayMorning);
    const data = submissionData(tnRange("617253", 5400, 2), "LIFE-STALE");
    const draft = await draftWithLoa(handle.db, acme, data);
    const submitted = await submitPortRequest(handle.db, clock, acme, { draftId: draft.id, submission: data });
    const orderId = submitted.orders[0]?.id ?? "";
    await applyOrderEventAs(handle.db, clock, partner, orderId, { type: "PARTNER_ACCEPTED", pon: "223456789" });
    const error = await failure(
      editOrder(handle.db, clock, customer(), {
        orderId,
        baseVersion: 1,
        changes: { accountNumber: "NEW-1", pin: null },
      }),
    );
    expect(error.kind).toBe("CONFLICT");
    expect(error.code).toBe("VERSION_CONFLICT");
    expect(JSON.stringify(error.details)).toContain("pon");
  });

  it("sends a CHANGE SUPP for an edit before FOC and goes through CSR review again", async () => {
    const clock = fixedClock(mondayMorning);
    const data = submissionData(tnRange("617253", 5500, 2), "LIFE-CHANGE");
    const draft = await draftWithLoa(handle.db, acme, data);
    const submitted = await submitPortRequest(handle.db, clock, acme, { draftId: draft.id, submission: data });
    const orderId = submitted.orders[0]?.id ?? "";
    await applyOrderEventAs(handle.db, clock, partner, orderId, { type: "PARTNER_ACCEPTED", pon: "323456789" });
    const pending = await applyOrderEventAs(handle.db, clock, partner, orderId, { type: "CSR_UNAVAILABLE" });
    const edited = await editOrder(handle.db, clock, customer(), {
      orderId,
      baseVersion: pending.version,
      changes: { serviceAddress: { houseNumber: "102" } },
    });
    expect(edited.status).toBe("CSR_REVIEW");
    expect(await jobsOf(handle.db, orderId)).toContain("partner.send-supp");
  });
});
