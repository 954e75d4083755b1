import { signCallback } from "@portway/partner";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { hour, type Loop, minute, order, secret, startLoop, statusOf, submit, waitForStatus } from "./loop-harness";

let loop: Loop;

beforeAll(async () => {
  loop = await startLoop(inject("databaseUrl"), "sim_loop");
});
afterAll(async () => {
  await loop?.stop();
});

async function tnStatuses(orderId: string) {
  const rows = await loop.handle.pool.query(
    "select status, count(*)::int as n from port_order_tns where order_id = $1 group by status",
    [orderId],
  );
  return Object.fromEntries(rows.rows.map((r) => [r.status, r.n]));
}

describe("orders travel to the partner and back over HTTP", () => {
  it("takes an off-net order through CSR, FOC and activation to COMPLETE, with the 9-digit PON", async () => {
    const [orderId = ""] = await submit(loop, order(["+16172537000", "+16172537001"], "LOOP-OFFNET"));
    await waitForStatus(loop, orderId, "CSR_REVIEW");
    const pon = (await loop.handle.pool.query("select pon from port_orders where id = $1", [orderId])).rows[0].pon;
    expect(pon).toMatch(/^\d{9}$/);
    await loop.advance(10 * minute);
    await waitForStatus(loop, orderId, "PENDING_FOC");
    const csrNote = await loop.handle.pool.query("select body from notes where order_id = $1 and source = 'CSR'", [
      orderId,
    ]);
    expect(csrNote.rows).toHaveLength(1);
    const csr = await loop.handle.pool.query("select count(*)::int as n from csrs where order_id = $1", [orderId]);
    expect(csr.rows[0].n).toBe(1);
    await loop.advance(5 * hour);
    await waitForStatus(loop, orderId, "FOC");
    // Thursday 11:00 ET: the FOC time; the activation scan sends the activation.
    await loop.advance(3 * 24 * hour);
    await loop.worker.scanNow();
    await waitForStatus(loop, orderId, "COMPLETE");
    expect(await tnStatuses(orderId)).toEqual({ ACTIVATED: 2 });
  });

  it("takes an on-net order to COMPLETE with our own PON", async () => {
    await loop.setTime(new Date("2026-12-14T15:00:00.000Z"));
    const [orderId = ""] = await submit(
      loop,
      order(["+13122867000"], "LOOP-ONNET", { requestedFoc: "2026-12-16T16:00:00.000Z" }),
    );
    await waitForStatus(loop, orderId, "CSR_REVIEW");
    const pon = (await loop.handle.pool.query("select pon from port_orders where id = $1", [orderId])).rows[0].pon;
    expect(pon).toMatch(/^PWN\d{12}$/);
    await loop.advance(4 * hour);
    await waitForStatus(loop, orderId, "FOC");
    await loop.advance(2 * 24 * hour);
    await loop.worker.scanNow();
    await waitForStatus(loop, orderId, "COMPLETE");
  });

  it("never dispatches a 601-number project port", async () => {
    const tns = Array.from({ length: 601 }, (_, i) => `+1617253${String(8000 + i).padStart(4, "0")}`);
    const [orderId = ""] = await submit(loop, order(tns, "LOOP-PROJECT", { requestedFoc: "2027-01-05T16:30:00.000Z" }));
    await loop.worker.relayNow();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await statusOf(loop, orderId)).toBe("SUBMITTED");
    const stats = await (await fetch(`${loop.simulatorUrl}/sim/stats`)).json();
    expect(JSON.stringify(stats)).not.toContain(orderId);
  });

  it("refuses a forged or stale callback with 401 and applies nothing", async () => {
    const before = await loop.handle.pool.query("select count(*)::int as n from partner_events");
    const body = JSON.stringify({ eventId: "forged-1", orderId: "123456789", type: "FOC" });
    const forged = signCallback({ secret: "not-the-secret-at-all-0123456789", rawBody: body, now: new Date() });
    const stale = signCallback({ secret, rawBody: body, now: new Date(Date.now() - 10 * minute) });
    for (const headers of [forged.headers, stale.headers, {}]) {
      const response = await fetch(`http://127.0.0.1:${loop.worker.port}/partner/callbacks`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body,
      });
      expect(response.status).toBe(401);
    }
    const after = await loop.handle.pool.query("select count(*)::int as n from partner_events");
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });
});
