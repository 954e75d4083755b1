import { createSandboxClock, produceDemoOrders } from "@portway/services";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { hour, type Loop, order, simulatorCall, start, startLoop, statusOf, submit } from "./loop-harness";

let loop: Loop;
let workerUrl: string;

beforeAll(async () => {
  // The simulator starts at `start` (frozen), well ahead of real time; the worker keeps the stored sandbox clock.
  loop = await startLoop(inject("databaseUrl"), "sim_sandbox", { sandboxClock: true });
  workerUrl = `http://127.0.0.1:${loop.worker.port}`;
});
afterAll(async () => {
  await loop?.stop();
});

async function clockCall(body?: unknown) {
  const response = await fetch(`${workerUrl}/sandbox/clock`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("sandbox clock", () => {
  it("pulls Portway's business time up to the simulator's clock when the simulator is ahead", async () => {
    await waitFor(async () => {
      const { body } = await clockCall();
      return Date.parse(body.now as string) >= start.getTime() - 1_000;
    }, "the worker to align with the simulator");
    const portway = await clockCall();
    expect(Number(portway.body.offsetMs)).toBeGreaterThan(0);
    // The stored offset is what the portals read: the same instant, within real time elapsed.
    const stored = await loop.handle.pool.query("select offset_ms from sandbox_clock where id = 1");
    expect(Number(stored.rows[0].offset_ms)).toBe(Number(portway.body.offsetMs));
  });

  it("moves Portway and the simulator together, and the simulator's due callbacks arrive", async () => {
    const clock = loop.worker.context.clock;
    const before = clock.now();
    const ids = await submit(
      { ...loop, clock: { ...loop.clock, now: () => clock.now() } },
      order(["+16172537900"], "SANDBOX-1", {
        requestedFoc: new Date(before.getTime() + 10 * 24 * hour).toISOString(),
      }),
    );
    const orderId = ids[0] ?? "";
    await waitFor(async () => {
      const rows = await loop.handle.pool.query("select partner_order_id from port_orders where id = $1", [orderId]);
      return rows.rows[0]?.partner_order_id != null;
    }, "the order to reach the partner");
    const moved = await clockCall({ advanceMs: 5 * hour });
    expect(moved.status).toBe(200);
    const now = Date.parse(moved.body.now as string);
    expect(now - before.getTime()).toBeGreaterThanOrEqual(5 * hour);
    const sim = await simulatorCall(loop.simulatorUrl, "/sim/clock");
    expect(Math.abs(Date.parse(sim.now as string) - now)).toBeLessThan(5_000);
    // Five hours after the create, the partner has answered the CSR and issued the FOC.
    await waitFor(async () => (await statusOf(loop, orderId)) === "FOC", "the FOC callback");
  });

  it("refuses to run backwards or to read a malformed move, and leaves the clock alone", async () => {
    const { body: before } = await clockCall();
    const backwards = await clockCall({ set: "2020-01-01T00:00:00.000Z" });
    expect(backwards.status).toBe(409);
    expect(backwards.body.error).toMatch(/only moves forward/);
    const malformed = await clockCall({ advanceMs: -5 });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toMatch(/advanceMs/);
    const { body: after } = await clockCall();
    expect(after.offsetMs).toBe(before.offsetMs);
  });

  it("produces the demo account's orders in every status through the simulator, once", async () => {
    const clock = createSandboxClock(loop.handle.db);
    const driver = {
      db: loop.handle.db,
      clock,
      log: () => undefined,
      moveClockTo: async (at: Date) => {
        const moved = await clockCall({ set: at.toISOString() });
        expect(moved.status).toBe(200);
        await clock.refresh();
      },
    };
    expect(await produceDemoOrders(driver)).toBe(10);
    const rows = await loop.handle.pool.query(
      "select customer_reference, status, port_type, pon from port_orders where customer_reference like 'DEMO-%'",
    );
    const statuses = new Set(rows.rows.map((row) => row.status as string));
    for (const status of [
      "SUBMITTED",
      "CSR_REVIEW",
      "PENDING_FOC",
      "EXCEPTION",
      "FOC",
      "SUPP_PENDING",
      "COMPLETE",
      "CANCELLED",
    ]) {
      expect(statuses, status).toContain(status);
    }
    // Every automated order got the partner's 9-digit parent order ID as its PON; the project port stays home.
    for (const row of rows.rows.filter((r) => r.port_type === "AUTOMATED")) {
      expect(row.pon).toMatch(/^\d{9}$/);
    }
    const project = rows.rows.find((row) => row.customer_reference === "DEMO-PROJECT");
    expect(project?.port_type).toBe("PROJECT");
    const manual = await loop.handle.pool.query("select kind from manual_requests order by kind");
    expect(manual.rows.map((row) => row.kind)).toEqual(["PROJECT_PORT", "SHORT_NOTICE_CANCEL"]);
    // Partner events came back over HTTP: the simulator counted one create per order it received.
    const stats = await simulatorCall(loop.simulatorUrl, "/sim/stats");
    expect((stats.creates as { duplicateClientOrderIds: unknown[] }).duplicateClientOrderIds).toEqual([]);
    // A second start finds them and produces nothing.
    expect(await produceDemoOrders(driver)).toBe(0);
  }, 240_000);
});
