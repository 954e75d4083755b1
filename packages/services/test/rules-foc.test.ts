import { createDb, type DbHandle } from "@portway/db";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { fixedClock } from "../src/clock";
import {
  applyOrderEventAs,
  editOrder,
  getOrderFocOptions,
  getSubmissionFocOptions,
  rescheduleOrder,
  seedDemoData,
  seedNumberingData,
  submitPortRequest,
} from "../src/index";
import { demoCustomer, draftWithLoa, failure, mondayMorning, submissionData, tnRange } from "./order-fixtures";

let handle: DbHandle;
let acme: Awaited<ReturnType<typeof demoCustomer>>;
const clock = fixedClock(mondayMorning);
const partner = { actor: { kind: "PARTNER" as const } };
// The partner's order ID is unique per order.
let ponSequence = 0;
const nextPon = () => `52${String(++ponSequence).padStart(7, "0")}`;
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

// Prairie Telephone Coop (512-236) needs 5 business days: from Monday 2026-12-07 the earliest FOC is Monday
// 2026-12-14, not the AUTOMATED lead time's Thursday 2026-12-10.
const carrierMinimum = "2026-12-14";

async function pendingOrder(reference: string, firstLine: number) {
  const data = submissionData(tnRange("512236", firstLine, 2), reference, { requestedFoc: "2026-12-14T16:00:00.000Z" });
  const draft = await draftWithLoa(handle.db, acme, data);
  const submitted = await submitPortRequest(handle.db, clock, acme, { draftId: draft.id, submission: data });
  const orderId = submitted.orders[0]?.id ?? "";
  await applyOrderEventAs(handle.db, clock, partner, orderId, { type: "PARTNER_ACCEPTED", pon: nextPon() });
  const pending = await applyOrderEventAs(handle.db, clock, partner, orderId, { type: "CSR_UNAVAILABLE" });
  return { orderId, version: pending.version };
}

describe("the losing carrier's minimum porting interval (finding 6)", () => {
  it("offers FOC dates from the carrier's minimum, for a new submission and for an order", async () => {
    const submission = await getSubmissionFocOptions(handle.db, mondayMorning, {
      orders: [{ carrierSpid: "9203", portType: "AUTOMATED" }],
    });
    expect(submission.earliest).toBe(carrierMinimum);
    expect(submission.dates[0]).toBe(carrierMinimum);
    const { orderId } = await pendingOrder("FOC-MIN-OPTIONS", 1000);
    const options = await getOrderFocOptions(handle.db, mondayMorning, { orderId, accountId: acme.accountId });
    expect(options.earliest).toBe(carrierMinimum);
    expect(options.dates).not.toContain("2026-12-10");
  });

  it("refuses a reschedule after FOC to a date before the carrier's minimum, and accepts one on it", async () => {
    const { orderId } = await pendingOrder("FOC-MIN-RESCHEDULE", 1100);
    const foc = await applyOrderEventAs(handle.db, clock, partner, orderId, {
      type: "FOC_RECEIVED",
      focAt: "2026-12-15T16:00:00.000Z",
    });
    const early = await failure(
      rescheduleOrder(handle.db, clock, customer(), {
        orderId,
        baseVersion: foc.version,
        date: "2026-12-10",
        time: "11:00",
      }),
    );
    expect(early.code).toBe("INVALID_FOC");
    expect(early.field).toBe("requestedFoc");
    expect(early.message).toContain(carrierMinimum);
    const moved = await rescheduleOrder(handle.db, clock, customer(), {
      orderId,
      baseVersion: foc.version,
      date: carrierMinimum,
      time: "11:00",
    });
    expect(moved.status).toBe("SUPP_PENDING");
  });

  it("refuses a date edit before FOC to a date before the carrier's minimum, naming the field", async () => {
    const { orderId, version } = await pendingOrder("FOC-MIN-EDIT", 1200);
    const error = await failure(
      editOrder(handle.db, clock, customer(), {
        orderId,
        baseVersion: version,
        changes: { requestedFoc: "2026-12-10T16:00:00.000Z" },
      }),
    );
    expect(error.issues.map((i) => `${i.field}:${i.code}`)).toEqual(["requestedFoc:BEFORE_CARRIER_MINIMUM"]);
  });
});
