import type { DbHandle } from "@portway/db";
import { ApiLimits } from "@portway/services/auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminOf, newKey, openSeededDb, startApi, testClock } from "./helpers";

let handle: DbHandle;
let api: Awaited<ReturnType<typeof startApi>>;
const clock = testClock();

beforeAll(async () => {
  handle = await openSeededDb();
  const rules = { userCallsPerMinute: 300, apiKeyCallsPerMinute: 3, largeCheckLeaseSeconds: 120 };
  api = await startApi(handle, clock, { limits: new ApiLimits(handle.pool, rules), keyCallsPerMinute: 3 });
});
afterAll(async () => {
  await api.close();
  await handle.close();
});

describe("rate limits per API key", () => {
  it("say the budget in RateLimit-Policy and refuse past it with 429, Retry-After and RateLimit, per key", async () => {
    const admin = await adminOf(handle, "admin@acme.test");
    const key = await newKey(handle, clock, admin);
    const call = (k: string) => fetch(`${api.url}/v1/port-ins`, { headers: { authorization: `Bearer ${k}` } });
    for (let i = 0; i < 3; i += 1) {
      const ok = await call(key);
      expect(ok.status).toBe(200);
      expect(ok.headers.get("ratelimit-policy")).toBe('"per-key";q=3;w=60');
    }
    const refused = await call(key);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.headers.get("ratelimit")).toMatch(/^"per-key";r=0;t=\d+$/);
    expect((await refused.json()).code).toBe("TOO_MANY_REQUESTS");
    // The Bandwidth-compatible API spends the same budget, and answers in its own shape.
    const bandwidth = await fetch(`${api.url}/v1.0/accounts/${admin.accountId}/portins?page=1&size=1`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(bandwidth.status).toBe(429);
    expect(await bandwidth.text()).toContain("<Code>429</Code>");
    // Another key has its own budget.
    expect((await call(await newKey(handle, clock, admin))).status).toBe(200);
  });
});
