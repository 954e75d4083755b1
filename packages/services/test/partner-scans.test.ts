import { createDb, type DbHandle } from "@portway/db";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { fixedClock } from "../src/clock";
import { applyOrderEventAs, runStuckScan, seedDemoData, seedNumberingData, submitPortRequest } from "../src/index";
import { demoCustomer, draftWithLoa, mondayMorning, submissionData, tnRange } from "./order-fixtures";

let handle: DbHandle;
let acme: Awaited<ReturnType<typeof demoCustomer>>;

beforeAll(async () => {
  handle = createDb(inject("databaseUrl"));
  await seedDemoData(handle.db, { production: false });
  await seedNumberingData(handle.db);
  acme = await demoCustomer(handle.db, "acme-voice");
});
afterAll(async () => {
  await handle.close();
});

async function stuckSince(orderId: string) {
  const rows = await handle.pool.query("select stuck_since from port_orders where id = $1", [orderId]);
  return rows.rows[0]?.stuck_since as Date | null;
}

describe("stuck-order scan", () => {
  it("flags an order that stays in its status longer than expected, and clears the flag when it moves on", async () => {
    const clock = fixedClock(mondayMorning);
    const data = submissionData(tnRange("617253", 6500, 1), "SCAN-STUCK");
    const draft = await draftWithLoa(handle.db, acme, data);
    const orderId =
      (await submitPortRequest(handle.db, clock, acme, { draftId: draft.id, submission: data })).orders[0]?.id ?? "";
    clock.advance(3 * 60 * 60_000);
    await runStuckScan(handle.db, clock);
    expect(await stuckSince(orderId)).toBeNull();
    // SUBMITTED is expected to last at most 4 hours.
    clock.advance(2 * 60 * 60_000);
    const { stuck } = await runStuckScan(handle.db, clock);
    expect(stuck).toBeGreaterThanOrEqual(1);
    expect((await stuckSince(orderId))?.toISOString()).toBe(clock.now().toISOString());
    await applyOrderEventAs(handle.db, clock, { actor: { kind: "PARTNER" } }, orderId, {
      type: "PARTNER_ACCEPTED",
      pon: "555666777",
    });
    expect(await stuckSince(orderId)).toBeNull();
  });
});
