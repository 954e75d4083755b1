import { createDb, type DbHandle, portOrders } from "@portway/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { fixedClock } from "../src/clock";
import { previewSubmission, seedDemoData, seedNumberingData, submitPortRequest } from "../src/index";
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
const clock = fixedClock(mondayMorning);

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

describe("submit", () => {
  it("creates an automated off-net order with history and one dispatch job", async () => {
    const data = submissionData(tnRange("617253", 2000, 3), "SUB-OFFNET-1");
    const draft = await draftWithLoa(handle.db, acme, data);
    const result = await submitPortRequest(handle.db, clock, acme, { draftId: draft.id, submission: data });
    expect(result.created).toBe(true);
    expect(result.orders).toHaveLength(1);
    const [order] = result.orders;
    expect(order).toMatchObject({ status: "SUBMITTED", portType: "AUTOMATED", tnCount: 3 });
    expect(await jobsOf(handle.db, order?.id ?? "")).toEqual(["partner.dispatch-order"]);
  });

  it("splits on-net and off-net numbers into two orders of one port request, shown in the preview first", async () => {
    const tns = [...tnRange("312286", 2000, 2), ...tnRange("617253", 2100, 2)];
    const data = submissionData(tns, "SUB-SPLIT-1");
    const draft = await draftWithLoa(handle.db, acme, data);
    const preview = await previewSubmission(handle.db, clock, acme, { draftId: draft.id, submission: data });
    expect(preview.errors).toEqual([]);
    expect(preview.orders.map((o) => [o.portType, o.tns.length])).toEqual([
      ["ON_NET", 2],
      ["AUTOMATED", 2],
    ]);
    const result = await submitPortRequest(handle.db, clock, acme, { draftId: draft.id, submission: data });
    expect(result.orders.map((o) => o.portType)).toEqual(["ON_NET", "AUTOMATED"]);
    expect(new Set(result.orders.map((o) => o.portRequestId)).size).toBe(1);
  });

  it("turns 601 off-net numbers into a project port for the porting team, never dispatched", async () => {
    const data = submissionData(tnRange("617253", 3000, 601), "SUB-PROJECT-1", {
      requestedFoc: "2026-12-22T16:30:00.000Z",
    });
    const draft = await draftWithLoa(handle.db, acme, data);
    const result = await submitPortRequest(handle.db, clock, acme, { draftId: draft.id, submission: data });
    const [order] = result.orders;
    expect(order?.portType).toBe("PROJECT");
    expect(await jobsOf(handle.db, order?.id ?? "")).toEqual([]);
    const requests = await manualRequestsOf(handle.db, order?.id ?? "");
    expect(requests.map((r) => [r.kind, r.status])).toEqual([["PROJECT_PORT", "OPEN"]]);
  });

  it("returns the existing orders when the same customer reference is submitted again", async () => {
    const data = submissionData(tnRange("617253", 4000, 1), "SUB-IDEMPOTENT");
    const draft = await draftWithLoa(handle.db, acme, data);
    const first = await submitPortRequest(handle.db, clock, acme, { draftId: draft.id, submission: data });
    const again = await submitPortRequest(handle.db, clock, acme, { submission: data });
    expect(again.created).toBe(false);
    expect(again.orders.map((o) => o.id)).toEqual(first.orders.map((o) => o.id));
    const rows = await handle.db.select().from(portOrders).where(eq(portOrders.customerReference, "SUB-IDEMPOTENT"));
    expect(rows).toHaveLength(1);
  });

  it("refuses a number already in another account's active order, naming it, and writes nothing", async () => {
    const tn = tnRange("617253", 4100, 1);
    const first = submissionData(tn, "SUB-TAKEN-A");
    await submitPortRequest(handle.db, clock, acme, {
      draftId: (await draftWithLoa(handle.db, acme, first)).id,
      submission: first,
    });
    const second = submissionData(tn, "SUB-TAKEN-B");
    const draft = await draftWithLoa(handle.db, blue, second);
    const error = await failure(submitPortRequest(handle.db, clock, blue, { draftId: draft.id, submission: second }));
    expect(error.kind).toBe("INVALID");
    expect(error.issues.map((i) => i.message).join(" ")).toContain(
      `${tn[0]}: This number is already in an active port-in order of another account.`,
    );
    expect(
      await handle.db.select().from(portOrders).where(eq(portOrders.customerReference, "SUB-TAKEN-B")),
    ).toHaveLength(0);
  });

  it("reports every error of a submission at once, each with its field", async () => {
    const data = submissionData(tnRange("415577", 2000, 2), "SUB-ERRORS", {
      partialPort: true,
      accountNumber: undefined,
      pin: undefined,
    });
    // No LOA uploaded: an automated order needs one.
    const error = await failure(submitPortRequest(handle.db, clock, acme, { submission: data }));
    const fields = error.issues.map((i) => i.field).sort();
    expect(fields).toEqual(expect.arrayContaining(["accountNumber", "documents", "pin", "replacementBtn"]));
    expect(
      await handle.db.select().from(portOrders).where(eq(portOrders.customerReference, "SUB-ERRORS")),
    ).toHaveLength(0);
  });
});
