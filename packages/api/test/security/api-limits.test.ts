import type { DbHandle } from "@portway/db";
import type { CustomerIdentity, Identity } from "@portway/services";
import { type ApiLimitRules, ApiLimits } from "@portway/services/auth";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customerRouter } from "../../src/customer";
import { handleTrpcRequest } from "../../src/http-handler";
import { acmeCustomer, contextFor, openSeededDb } from "../helpers";

const own = "http://localhost:3000";
let handle: DbHandle;
let acme: CustomerIdentity;
let blueHarbor: CustomerIdentity;

beforeAll(async () => {
  handle = await openSeededDb();
  acme = await acmeCustomer(handle);
  const row = (
    await handle.pool.query(
      "select u.id, u.name, u.account_id from auth_users u join customer_accounts a on a.id = u.account_id where a.slug = 'blue-harbor' order by u.email limit 1",
    )
  ).rows[0];
  blueHarbor = {
    kind: "customer",
    userId: row.id,
    name: row.name,
    email: "b@b.test",
    role: "admin",
    accountId: row.account_id,
  };
});
afterAll(async () => {
  await handle.close();
});

function call(identity: Identity, limits: ApiLimits, path: string, input?: unknown) {
  const request =
    input === undefined
      ? new Request(`${own}/api/trpc/${path}`, { headers: { cookie: "s=x" } })
      : new Request(`${own}/api/trpc/${path}`, {
          method: "POST",
          headers: { cookie: "s=x", "content-type": "application/json", origin: own },
          body: JSON.stringify(superjson.serialize(input)),
        });
  return handleTrpcRequest(request, {
    router: customerRouter,
    ownOrigin: own,
    createContext: () => ({ ...contextFor(handle, identity), limits }),
  });
}

function limitsOf(rules: Partial<ApiLimitRules>) {
  return new ApiLimits(handle.pool, {
    userCallsPerMinute: 1000,
    apiKeyCallsPerMinute: 1000,
    largeCheckLeaseSeconds: 120,
    ...rules,
  });
}

describe("API rate limits (M7)", () => {
  it("gives each user a budget of calls: past it 429 with Retry-After, other users unaffected", async () => {
    const limits = limitsOf({ userCallsPerMinute: 5 });
    const user: CustomerIdentity = { ...acme, userId: `${acme.userId}`, email: "budget@acme.test" };
    await handle.pool.query("delete from rate_limits where key like 'api_user:%'");
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await call(user, limits, "me.get")).status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const refused = await call(user, limits, "me.get");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await call(blueHarbor, limits, "me.get")).status).toBe(200);
  });

  it("counts every call of a batch", async () => {
    const limits = limitsOf({ userCallsPerMinute: 3 });
    await handle.pool.query("delete from rate_limits where key like 'api_user:%'");
    const batch = await call(blueHarbor, limits, "me.get,me.get,me.get,me.get?batch=1");
    expect(batch.status).toBe(429);
  });

  it("gives each API key its own budget, apart from its creator's", async () => {
    const limits = limitsOf({ apiKeyCallsPerMinute: 2 });
    await handle.pool.query("delete from rate_limits where key like 'api_%'");
    const key: CustomerIdentity = { ...acme, role: "member", apiKey: { id: "key-under-test", name: "CI" } };
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      statuses.push((await call(key, limits, "me.get")).status);
    }
    expect(statuses).toEqual([200, 200, 429]);
    expect((await call(acme, limits, "me.get")).status).toBe(200);
  });

  it("runs one large number check per account at a time; another tenant's check is unaffected", async () => {
    const limits = limitsOf({});
    await handle.pool.query("delete from rate_limits where key like 'api_large_check:%'");
    const ranges = Array.from({ length: 4 }, (_, i) => `312${286 + i}0000-9999`).join("\n");
    const slotHeld = async () =>
      (
        await handle.pool.query("select 1 from rate_limits where key = $1 and expire > $2", [
          `api_large_check:${acme.accountId}`,
          Date.now(),
        ])
      ).rows.length > 0;

    // A large check takes its account's slot while it runs, and gives it back when it ends.
    const first = call(acme, limits, "numbers.check", { input: ranges });
    let seen = false;
    for (let i = 0; i < 400 && !seen; i++) {
      seen = await slotHeld();
      if (!seen) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }
    expect(seen).toBe(true);
    expect((await first).status).toBe(200);
    expect(await slotHeld()).toBe(false);

    // While the slot is taken (by a check held open here, however fast the machine), a second large check of the
    // same account is refused at once; another account's runs.
    let release = () => {};
    const holding = limits.oneLargeCheckAtATime(
      acme.accountId,
      () =>
        new Promise<void>((resolve) => {
          release = resolve;
        }),
    );
    for (let i = 0; i < 400 && !(await slotHeld()); i++) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const [second, other] = await Promise.all([
      call(acme, limits, "numbers.check", { input: ranges }),
      call(blueHarbor, limits, "numbers.check", { input: ranges }),
    ]);
    release();
    await holding;
    expect(second.status).toBe(429);
    expect(Number(second.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(other.status).toBe(200);
    // The slot is free again once the check ended; a small check never waits for it.
    expect((await call(acme, limits, "numbers.check", { input: ranges })).status).toBe(200);
  });
});
