import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Harness, start, startHarness } from "./harness";

let h: Harness;

beforeAll(async () => {
  h = await startHarness("sim_server");
});
afterAll(() => h.close());
beforeEach(() => h.reset());

describe("carrier simulator server", () => {
  it("answers its health endpoint with its own clock", async () => {
    const response = await fetch(`${h.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ name: "carrier-sim", status: "ok", clock: start.toISOString() });
  });

  it("answers 404 for unknown paths and unknown orders", async () => {
    expect((await fetch(`${h.url}/nope`)).status).toBe(404);
    const missing = await fetch(`${h.url}/v1/orders/400000000`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: "NOT_FOUND" } });
  });

  it("refuses a create without idempotency key, and an invalid body with the failing fields", async () => {
    const noKey = await fetch(`${h.url}/v1/orders`, { method: "POST", body: "{}" });
    expect(noKey.status).toBe(400);
    expect(await noKey.json()).toMatchObject({ error: { code: "IDEMPOTENCY_KEY_REQUIRED" } });
    const invalid = await fetch(`${h.url}/v1/orders`, {
      method: "POST",
      headers: { "idempotency-key": "k" },
      body: JSON.stringify({ portType: "AUTOMATED" }),
    });
    expect(invalid.status).toBe(422);
    const body = (await invalid.json()) as { error: { code: string; details: { path: string }[] } };
    expect(body.error.code).toBe("VALIDATION_FAILED");
    expect(body.error.details.map((detail) => detail.path)).toContain("tns");
  });

  it("reads, sets and advances the clock, frozen or running", async () => {
    expect((await h.sim("GET", "/sim/clock")).body).toEqual({ now: start.toISOString(), mode: "frozen" });
    expect((await h.advance(90_000)).body.now).toBe("2026-03-09T14:01:30.000Z");
    expect((await h.setClock("2026-04-01T12:00:00Z")).body.now).toBe("2026-04-01T12:00:00.000Z");
    const running = await h.sim("POST", "/sim/clock", { mode: "running" });
    expect(running.body.mode).toBe("running");
    await new Promise((resolve) => setTimeout(resolve, 30));
    const later = await h.sim("GET", "/sim/clock");
    expect(Date.parse(String(later.body.now))).toBeGreaterThan(Date.parse("2026-04-01T12:00:00Z"));
    expect((await h.sim("POST", "/sim/clock", { advanceMs: 1, set: start.toISOString() })).status).toBe(422);
  });
});
