import { createDb, type DbHandle, portOrders } from "@portway/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { fixedClock } from "../src/clock";
import {
  applyOrderEventAs,
  recordEventInput,
  recordOrderEvent,
  seedDemoData,
  seedNumberingData,
  submitPortRequest,
} from "../src/index";
import { demoCustomer, draftWithLoa, failure, mondayMorning, submissionData, tnRange } from "./order-fixtures";

let handle: DbHandle;
let acme: Awaited<ReturnType<typeof demoCustomer>>;
const clock = fixedClock(mondayMorning);
const partner = { actor: { kind: "PARTNER" as const } };
const analyst = { actor: { kind: "STAFF" as const, id: "demo-analyst-portway" } };

beforeAll(async () => {
  handle = createDb(inject("databaseUrl"));
  await seedDemoData(handle.db, { production: false });
  await seedNumberingData(handle.db);
  acme = await demoCustomer(handle.db, "acme-voice");
});
afterAll(async () => {
  await handle.close();
});

/** A project port (601 off-net TNs, in an exchange no other test of the package uses) waiting in SUBMITTED. */
async function projectOrder(reference: string, firstLine: number): Promise<string> {
  const data = submissionData(tnRange("512236", firstLine, 601), reference, {
    requestedFoc: "2026-12-22T16:30:00.000Z",
  });
  const draft = await draftWithLoa(handle.db, acme, data);
  const submitted = await submitPortRequest(handle.db, clock, acme, { draftId: draft.id, submission: data });
  const order = submitted.orders[0];
  expect(order?.portType).toBe("PROJECT");
  return order?.id ?? "";
}

async function ponOf(orderId: string) {
  const [row] = await handle.db.select().from(portOrders).where(eq(portOrders.id, orderId));
  return { pon: row?.pon ?? null, status: row?.status };
}

describe("the PON of a project port (issue 14, finding 21)", () => {
  it("is the partner's 9-digit parent order ID when the porting team placed it with the partner", async () => {
    const orderId = await projectOrder("PON-PARTNER-ID", 5000);
    const input = recordEventInput.parse({ type: "PON", orderId, pon: " 412 345 678 " });
    await recordOrderEvent(handle.db, clock, analyst, input);
    expect(await ponOf(orderId)).toEqual({ pon: "412345678", status: "CSR_REVIEW" });
  });

  it("is assigned by Portway (PWP, the ET date, a sequence) when the analyst gives none", async () => {
    const orderId = await projectOrder("PON-ASSIGNED", 6000);
    const input = recordEventInput.parse({ type: "PON", orderId });
    await recordOrderEvent(handle.db, clock, analyst, input);
    const { pon, status } = await ponOf(orderId);
    expect(status).toBe("CSR_REVIEW");
    expect(pon).toMatch(/^PWP261207\d{6}$/);
  });

  it("is refused, naming the field, when another order already has it, whatever that order's type", async () => {
    const first = await projectOrder("PON-FIRST", 7000);
    await recordOrderEvent(handle.db, clock, analyst, { type: "PON", orderId: first, pon: "412345999" });
    const second = await projectOrder("PON-SECOND", 8000);
    const taken = await failure(
      recordOrderEvent(handle.db, clock, analyst, { type: "PON", orderId: second, pon: "412345999" }),
    );
    expect(taken).toMatchObject({ kind: "INVALID", code: "PON_IN_USE", field: "pon" });
    expect(taken.message).toContain("412345999");
    expect(await ponOf(second)).toEqual({ pon: null, status: "SUBMITTED" });

    // An automated order's PON (the partner's ID) is taken just the same.
    const data = submissionData(tnRange("512236", 9800, 2), "PON-AUTOMATED", {
      requestedFoc: "2026-12-15T16:00:00.000Z",
    });
    const draft = await draftWithLoa(handle.db, acme, data);
    const automated = await submitPortRequest(handle.db, clock, acme, { draftId: draft.id, submission: data });
    const automatedId = automated.orders[0]?.id ?? "";
    await applyOrderEventAs(handle.db, clock, partner, automatedId, { type: "PARTNER_ACCEPTED", pon: "512345678" });
    const again = await failure(
      recordOrderEvent(handle.db, clock, analyst, { type: "PON", orderId: second, pon: "512345678" }),
    );
    expect(again).toMatchObject({ kind: "INVALID", code: "PON_IN_USE", field: "pon" });
  });

  it("taken by another project port in a transaction still open: the same field error, never a database error", async () => {
    const a = await projectOrder("PON-RACE-A", 3000);
    const b = await projectOrder("PON-RACE-B", 4000);
    let recorded: Promise<unknown> = Promise.resolve();
    await handle.db.transaction(async (tx) => {
      await tx.update(portOrders).set({ pon: "412349999" }).where(eq(portOrders.id, a));
      // B's check cannot see A's uncommitted PON; its write waits on the unique index until A commits.
      recorded = failure(recordOrderEvent(handle.db, clock, analyst, { type: "PON", orderId: b, pon: "412349999" }));
      await new Promise((resolve) => setTimeout(resolve, 500));
    });
    expect(await recorded).toMatchObject({ kind: "INVALID", code: "PON_IN_USE", field: "pon" });
    expect(await ponOf(b)).toEqual({ pon: null, status: "SUBMITTED" });
  });

  it("is refused when it is neither a 9-digit partner ID nor a PWP PON", async () => {
    const orderId = await projectOrder("PON-FORMAT", 9000);
    const wrong = await failure(recordOrderEvent(handle.db, clock, analyst, { type: "PON", orderId, pon: "12345" }));
    expect(wrong).toMatchObject({ code: "INVALID_PON", field: "pon" });
  });
});
