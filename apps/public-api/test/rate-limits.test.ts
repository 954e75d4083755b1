import type { DbHandle } from "@portway/db";
import { ApiLimits } from "@portway/services/auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminOf, newKey, openSeededDb, startApi, testClock } from "./helpers";

let handle: DbHandle;
let api: Awaited<ReturnType<typeof startApi>>;
const clock = testClock();
const rules = { userCallsPerMinute: 300, apiKeyCallsPerMinute: 3, largeCheckLeaseSeconds: 120 };

beforeAll(async () => {
  handle = await openSeededDb();
  api = await startApi(handle, clock, { limits: new ApiLimits(handle.pool, rules) });
});
afterAll(async () => {
  await api.close();
  await handle.close();
});

describe("rate limits per API key", () => {
  it("say the budget and what is left of it on every answer, and refuse past it with 429, Retry-After and RateLimit, per key", async () => {
    const admin = await adminOf(handle, "admin@acme.test");
    const key = await newKey(handle, clock, admin);
    const call = (k: string) => fetch(`${api.url}/v1/port-ins`, { headers: { authorization: `Bearer ${k}` } });
    for (const remaining of [2, 1, 0]) {
      const ok = await call(key);
      expect(ok.status).toBe(200);
      expect(ok.headers.get("ratelimit-policy")).toBe('"per-key";q=3;w=60');
      const [, left, reset] = /^"per-key";r=(\d+);t=(\d+)$/.exec(ok.headers.get("ratelimit") ?? "") ?? [];
      expect(Number(left)).toBe(remaining);
      expect(Number(reset)).toBeGreaterThan(0);
      expect(Number(reset)).toBeLessThanOrEqual(60);
    }
    const refused = await call(key);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(refused.headers.get("ratelimit")).toMatch(/^"per-key";r=0;t=\d+$/);
    expect(refused.headers.get("ratelimit-policy")).toBe('"per-key";q=3;w=60');
    expect((await refused.json()).code).toBe("TOO_MANY_REQUESTS");
    // The Bandwidth-compatible API spends the same budget, and answers in its own shape with the same headers.
    const bandwidth = await fetch(`${api.url}/v1.0/accounts/${admin.accountId}/portins?page=1&size=1`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(bandwidth.status).toBe(429);
    expect(bandwidth.headers.get("ratelimit")).toMatch(/^"per-key";r=0;t=\d+$/);
    expect(await bandwidth.text()).toContain("<Code>429</Code>");
    // Another key has its own budget; a successful Bandwidth answer says what is left too.
    const other = await newKey(handle, clock, admin);
    expect((await call(other)).headers.get("ratelimit")).toMatch(/^"per-key";r=2;t=\d+$/);
    const bandwidthOk = await fetch(`${api.url}/v1.0/accounts/${admin.accountId}/portins?page=1&size=1`, {
      headers: { authorization: `Bearer ${other}` },
    });
    expect(bandwidthOk.status).toBe(200);
    expect(bandwidthOk.headers.get("ratelimit")).toMatch(/^"per-key";r=1;t=\d+$/);
    expect(bandwidthOk.headers.get("ratelimit-policy")).toBe('"per-key";q=3;w=60');
  });

  it("counts in the same budget as the portal's API limits (ApiLimits), so both APIs spend one budget", async () => {
    const admin = await adminOf(handle, "admin@acme.test");
    const key = await newKey(handle, clock, admin);
    const keyId = (
      await handle.pool.query("select id from api_keys where hash = encode(sha256($1::bytea), 'hex')", [key])
    ).rows[0]?.id as string;
    // Two calls of the portal's API with the key, then the public API has one left.
    const portal = new ApiLimits(handle.pool, rules);
    expect(await portal.spend({ userId: admin.userId, apiKeyId: keyId }, 2)).toBeNull();
    const response = await fetch(`${api.url}/v1/port-ins`, { headers: { authorization: `Bearer ${key}` } });
    expect(response.headers.get("ratelimit")).toMatch(/^"per-key";r=0;t=\d+$/);
    expect(await portal.spend({ userId: admin.userId, apiKeyId: keyId }, 1)).toMatchObject({
      retryAfterSeconds: expect.any(Number),
    });
  });
});
