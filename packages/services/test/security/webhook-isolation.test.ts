import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { authUsers, createDb, type DbHandle, webhookDeliveries } from "@portway/db";
import { createTestDatabase, type TestDatabase } from "@portway/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { fixedClock } from "../../src/clock";
import {
  type CustomerIdentity,
  createWebhookEndpoint,
  defaultWebhookPolicy,
  deliverDueWebhooks,
  networkFailure,
  seedDemoData,
  sendWebhookTestEvent,
  WebhookDispatcher,
  webhookEventTypes,
} from "../../src/index";

const loopbackAllowed = { allowLoopback: true, httpsOnly: false };
const policy = { ...defaultWebhookPolicy, timeoutMs: 3_000, destinations: loopbackAllowed };

// A database of its own: other test files deliver every due webhook of theirs, and would claim these.
let database: TestDatabase;
let handle: DbHandle;
let acme: CustomerIdentity;
let blueHarbor: CustomerIdentity;
let slow: Server;
let fast: Server;
const urls = { slow: "", fast: "", closed: "" };

async function adminOf(email: string): Promise<CustomerIdentity> {
  const [row] = await handle.db.select().from(authUsers).where(eq(authUsers.email, email));
  if (!row?.accountId) {
    throw new Error(`${email} missing`);
  }
  return { kind: "customer", userId: row.id, name: row.name, email, role: "admin", accountId: row.accountId };
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`)),
  );
}

beforeAll(async () => {
  const base = new URL(inject("databaseUrl"));
  base.pathname = "/portway";
  database = await createTestDatabase("webhook_isolation", base.toString());
  handle = createDb(database.url);
  await seedDemoData(handle.db, { production: false });
  acme = await adminOf("admin@acme.test");
  blueHarbor = await adminOf("admin@blueharbor.test");
  // Answers after 2.5 s: slow, within the timeout.
  slow = createServer((req, res) => {
    req.resume();
    setTimeout(() => res.end("ok"), 2_500);
  });
  fast = createServer((req, res) => {
    req.resume();
    res.end("ok");
  });
  urls.slow = await listen(slow);
  urls.fast = await listen(fast);
  // A port nothing listens on (taken, then released).
  const closed = createServer();
  urls.closed = await listen(closed);
  await new Promise((resolve) => closed.close(resolve));
});

afterAll(async () => {
  for (const server of [slow, fast]) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  await handle.close();
  await database.teardown();
});

async function endpoint(who: CustomerIdentity, url: string, at: Date) {
  return createWebhookEndpoint(
    handle.db,
    fixedClock(at),
    who,
    { url, description: "isolation", eventTypes: [...webhookEventTypes] },
    loopbackAllowed,
  );
}

async function statusOf(deliveryId: string | null) {
  const [row] = await handle.db
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.id, deliveryId ?? ""));
  return row;
}

describe("webhook delivery isolation", () => {
  it("a slow endpoint of one account does not delay another account's delivery", async () => {
    const at = new Date();
    const clock = fixedClock(new Date(at.getTime() + 1_000));
    const slowEndpoint = await endpoint(acme, urls.slow, at);
    const fastEndpoint = await endpoint(blueHarbor, urls.fast, at);
    const slowEvent = await sendWebhookTestEvent(handle.db, clock, acme, { endpointId: slowEndpoint.id });
    const fastEvent = await sendWebhookTestEvent(handle.db, clock, blueHarbor, { endpointId: fastEndpoint.id });
    const started = performance.now();
    const round = deliverDueWebhooks(handle.db, clock, policy);
    // The fast account's delivery is recorded long before the slow receiver answers.
    let fastDoneMs = Number.POSITIVE_INFINITY;
    while (performance.now() - started < 2_400) {
      if ((await statusOf(fastEvent.deliveryId))?.status === "SUCCEEDED") {
        fastDoneMs = performance.now() - started;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(fastDoneMs).toBeLessThan(1_000);
    expect((await statusOf(slowEvent.deliveryId))?.status).toBe("PENDING");
    expect(await round).toEqual({ attempted: 2, succeeded: 2 });
    expect((await statusOf(slowEvent.deliveryId))?.status).toBe("SUCCEEDED");
  });

  it("while a slow endpoint's delivery is in flight, the next rounds deliver every other endpoint's at once", async () => {
    const at = new Date(Date.now() + 10_000);
    const clock = fixedClock(new Date(at.getTime() + 1_000));
    const slowEndpoint = await endpoint(acme, urls.slow, at);
    const fastEndpoint = await endpoint(blueHarbor, urls.fast, at);
    const dispatcher = new WebhookDispatcher(handle.db, clock, policy);
    const slowEvent = await sendWebhookTestEvent(handle.db, clock, acme, { endpointId: slowEndpoint.id });
    const first = await dispatcher.tick();
    expect(first.started).toBe(1);
    expect(dispatcher.busyEndpoints).toBe(1);
    // Another account's event arrives while the slow receiver still holds its request.
    const fastEvent = await sendWebhookTestEvent(handle.db, clock, blueHarbor, { endpointId: fastEndpoint.id });
    const started = performance.now();
    const second = await dispatcher.tick();
    expect(second.started).toBe(1);
    expect(await second.done).toEqual({ attempted: 1, succeeded: 1 });
    expect(performance.now() - started).toBeLessThan(1_000);
    expect((await statusOf(fastEvent.deliveryId))?.status).toBe("SUCCEEDED");
    expect((await statusOf(slowEvent.deliveryId))?.status).toBe("PENDING");
    await dispatcher.idle();
    expect((await statusOf(slowEvent.deliveryId))?.status).toBe("SUCCEEDED");
    expect(dispatcher.busyEndpoints).toBe(0);
  });

  it("the delivery log gives one generic reason for a closed port and for no answer", async () => {
    const at = new Date(Date.now() + 20_000);
    const clock = fixedClock(new Date(at.getTime() + 1_000));
    const closed = await endpoint(acme, urls.closed, at);
    const hanging = await endpoint(blueHarbor, urls.slow, at);
    const closedEvent = await sendWebhookTestEvent(handle.db, clock, acme, { endpointId: closed.id });
    const hangingEvent = await sendWebhookTestEvent(handle.db, clock, blueHarbor, { endpointId: hanging.id });
    await deliverDueWebhooks(handle.db, clock, { ...policy, timeoutMs: 300 });
    const reasons = [
      (await statusOf(closedEvent.deliveryId))?.lastError,
      (await statusOf(hangingEvent.deliveryId))?.lastError,
    ];
    expect(reasons[0]).toBe(reasons[1]);
    expect(reasons[0]).toContain(networkFailure);
    expect(reasons[0]).not.toMatch(/ECONNREFUSED|refused|timeout|127\.0\.0\.1/i);
  });
});
