import { buildBusinessCalendar, defaultRequestedFoc, toEasternWallTime } from "@portway/domain";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { hour, type Loop, minute, order, simulatorCall, startLoop, submit, waitForStatus } from "./loop-harness";

let loop: Loop;

beforeAll(async () => {
  loop = await startLoop(inject("databaseUrl"), "sim_inbound");
});
afterAll(async () => {
  await loop?.stop();
});

async function partnerOrder(orderId: string) {
  const rows = await loop.handle.pool.query(
    "select o.partner_order_id, c.min_business_days from port_orders o join carriers c on c.id = o.carrier_id where o.id = $1",
    [orderId],
  );
  const row = rows.rows[0] as { partner_order_id: string; min_business_days: number };
  const remote = await simulatorCall(loop.simulatorUrl, `/v1/orders/${row.partner_order_id}`);
  return {
    remote: remote as { order: { requestedFocAt: string }; focAt: string | null },
    minDays: row.min_business_days,
  };
}

describe("finding 9: an order without a requested FOC", () => {
  it("asks the partner for the earliest valid FOC in business time, and the FOC that comes back is not before it", async () => {
    // Business time is Monday 2027-01-11 10:00 ET, far from the wall clock.
    await loop.setTime(new Date("2027-01-11T15:00:00.000Z"));
    const data = order(["+16172537300"], "IN-NO-FOC");
    const { requestedFoc: _omitted, ...withoutFoc } = data;
    const [orderId = ""] = await submit(loop, withoutFoc as typeof data);
    await waitForStatus(loop, orderId, "CSR_REVIEW");
    const { remote, minDays } = await partnerOrder(orderId);
    const expected = defaultRequestedFoc({
      portType: "AUTOMATED",
      now: "2027-01-11T15:00:00.000Z",
      calendar: buildBusinessCalendar([2026, 2027, 2028]),
      carrierMinBusinessDays: minDays,
    });
    expect(remote.order.requestedFocAt).toBe(expected);
    expect(toEasternWallTime(Date.parse(remote.order.requestedFocAt)).time).toBe("11:30");
    await loop.advance(10 * minute);
    await loop.advance(5 * hour);
    await waitForStatus(loop, orderId, "FOC");
    const focAt = (await loop.handle.pool.query("select foc_at from port_orders where id = $1", [orderId])).rows[0]
      .foc_at as Date;
    expect(focAt.toISOString() >= expected).toBe(true);
  });
});
