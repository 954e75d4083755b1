import { createPartnerClient, partnerHeaders, verifyCallbackSignature } from "@portway/partner";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { startSimulator } from "../src/simulator";
import { type Harness, hour, makeOrder, secret, startHarness, waitFor } from "./harness";

let h: Harness;

beforeAll(async () => {
  h = await startHarness("sim_faults");
});
afterAll(() => h.close());
beforeEach(() => h.reset());

interface Stats {
  orders: { total: number };
  creates: {
    requests: number;
    keys: number;
    perKey: Record<string, { orderId: string; requests: number }>;
    duplicateClientOrderIds: unknown[];
  };
  requests: { total: number; faultedBefore: number; faultedAfter: number };
  callbacks: {
    events: number;
    delivered: number;
    dropped: number;
    duplicates: number;
    reordered: number;
    failedAttempts: number;
  };
}

const readStats = async () => (await h.sim("GET", "/sim/stats")).body as unknown as Stats;
const setFaults = (settings: Record<string, unknown>) => h.sim("POST", "/sim/faults", settings);

async function postCreate(key: string, body: unknown) {
  const response = await fetch(`${h.url}/v1/orders`, {
    method: "POST",
    headers: { "content-type": "application/json", [partnerHeaders.idempotencyKey]: key },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("idempotent create", () => {
  it("creates one order per key and counts every request with that key", async () => {
    const order = makeOrder(h.receiver);
    const first = await postCreate("key-a", order);
    const second = await postCreate("key-a", order);
    const third = await postCreate("key-a", order);
    expect(first.status).toBe(201);
    expect([second.status, third.status]).toEqual([200, 200]);
    expect(second.body).toMatchObject({ orderId: first.body.orderId, replayed: true });
    const reused = await postCreate("key-a", { ...order, pin: "1111" });
    expect(reused.status).toBe(409);
    expect(reused.body).toMatchObject({ error: { code: "IDEMPOTENCY_KEY_REUSED" } });
    const counted = await readStats();
    expect(counted.orders.total).toBe(1);
    expect(counted.creates.perKey["key-a"]).toEqual({ orderId: first.body.orderId, requests: 3 });
  });

  it("reports a Portway order that reached the partner under two keys", async () => {
    const order = makeOrder(h.receiver);
    await postCreate("key-b", order);
    await postCreate("key-c", order);
    expect((await readStats()).creates.duplicateClientOrderIds).toEqual([
      { clientOrderId: order.clientOrderId, orderIds: expect.any(Array) },
    ]);
  });
});

describe("API errors", () => {
  it("before the work: 503 and nothing created", async () => {
    await setFaults({ errorRate: 1, errorTiming: "before" });
    const response = await postCreate("key-d", makeOrder(h.receiver));
    expect(response.status).toBe(503);
    expect((await readStats()).orders.total).toBe(0);
  });

  it("after the work: 500, yet the order exists and a retry with the key gets it back", async () => {
    const order = makeOrder(h.receiver);
    await setFaults({ errorRate: 1, errorTiming: "after" });
    expect((await postCreate("key-e", order)).status).toBe(500);
    await setFaults({});
    const retry = await postCreate("key-e", order);
    expect(retry).toMatchObject({ status: 200, body: { replayed: true } });
    const counted = await readStats();
    expect(counted.orders.total).toBe(1);
    expect(counted.creates.perKey["key-e"]?.requests).toBe(2);
  });

  it("at 50% errors both ways, the retrying client still creates every order exactly once", async () => {
    await setFaults({ errorRate: 0.5, errorTiming: "both", seed: 7 });
    const orders = Array.from({ length: 20 }, () => makeOrder(h.receiver));
    const created = await Promise.all(
      orders.map((order, index) => h.client.createOrder(order, { idempotencyKey: `bulk-${index}` })),
    );
    expect(new Set(created.map((order) => order.orderId)).size).toBe(20);
    const counted = await readStats();
    expect(counted.orders.total).toBe(20);
    expect(counted.creates.keys).toBe(20);
    expect(counted.creates.duplicateClientOrderIds).toEqual([]);
    expect(counted.requests.faultedBefore).toBeGreaterThan(0);
    expect(counted.requests.faultedAfter).toBeGreaterThan(0);
    expect(counted.creates.requests).toBe(20 + counted.requests.faultedAfter);
  });

  it("adds latency", async () => {
    await setFaults({ latencyMs: 150, latencyJitterMs: 50 });
    const started = performance.now();
    await h.create(makeOrder(h.receiver));
    expect(performance.now() - started).toBeGreaterThanOrEqual(145);
  });

  it("requires the API key when one is configured", async () => {
    const guarded = await startSimulator({
      databaseUrl: inject("databaseUrl"),
      schema: "sim_auth",
      callbackSecret: secret,
      apiKey: "key-1",
      tickMs: 0,
      log: () => undefined,
    });
    try {
      const url = await guarded.listen(0);
      const wrong = createPartnerClient({ baseUrl: url, apiKey: "wrong", backoff: { maxAttempts: 1 } });
      await expect(wrong.getOrder("400000001")).rejects.toMatchObject({ status: 401, code: "UNAUTHORIZED" });
      const right = createPartnerClient({ baseUrl: url, apiKey: "key-1", backoff: { maxAttempts: 1 } });
      await expect(right.getOrder("400000001")).rejects.toMatchObject({ status: 404 });
      expect((await fetch(`${url}/health`)).status).toBe(200);
    } finally {
      await guarded.close();
    }
  });
});

describe("callback faults", () => {
  it("drops callbacks, which GET order still lists for reconciliation", async () => {
    await setFaults({ dropRate: 1 });
    const { orderId } = await h.create(makeOrder(h.receiver));
    await h.advance(5 * hour);
    expect(h.receiver.eventsOf(orderId)).toEqual([]);
    const state = await h.getOrder(orderId);
    expect(state.events.map((event) => [event.sequence, event.type])).toEqual([
      [1, "CSR_RETURNED"],
      [2, "FOC"],
    ]);
    expect((await readStats()).callbacks).toMatchObject({ events: 2, dropped: 2, delivered: 0 });
  });

  it("duplicates callbacks with the same event ID", async () => {
    await setFaults({ duplicateRate: 1 });
    const { orderId } = await h.create(makeOrder(h.receiver));
    await h.advance(5 * hour);
    const events = h.receiver.eventsOf(orderId);
    expect(events.map((event) => event.sequence)).toEqual([1, 1, 2, 2]);
    expect(events[0]?.eventId).toBe(events[1]?.eventId);
  });

  it("reorders callbacks: a held callback goes out after the order's next one", async () => {
    await setFaults({ reorderRate: 0.5, seed: 3 });
    const created = await Promise.all(Array.from({ length: 10 }, () => h.create(makeOrder(h.receiver))));
    await h.advance(5 * hour);
    const sequences = created.map(({ orderId }) => h.receiver.eventsOf(orderId).map((event) => event.sequence));
    expect(sequences.some((list) => list.join() === "2,1")).toBe(true);
    await h.advance(7 * hour);
    for (const { orderId } of created) {
      expect(
        h.receiver
          .eventsOf(orderId)
          .map((event) => event.sequence)
          .sort(),
      ).toEqual([1, 2]);
    }
    expect((await readStats()).callbacks.reordered).toBeGreaterThan(0);
  });

  it("retries a callback until Portway answers 2xx", async () => {
    h.receiver.failNext(3);
    const { orderId } = await h.create(makeOrder(h.receiver));
    await h.advance(5 * 60_000);
    await waitFor(() => h.receiver.eventsOf(orderId).length === 1);
    expect((await readStats()).callbacks.failedAttempts).toBe(3);
  });

  it("signs every callback so that @portway/partner verifies it, and only with the right secret", async () => {
    const { orderId } = await h.create(makeOrder(h.receiver));
    await h.advance(5 * hour);
    const received = h.receiver.received.filter((entry) => entry.event.orderId === orderId);
    expect(received).toHaveLength(2);
    expect(received.every((entry) => entry.verification.ok)).toBe(true);
    const [entry] = received;
    if (!entry) {
      throw new Error("expected a callback");
    }
    const now = new Date();
    const { timestamp, signature } = entry;
    expect(verifyCallbackSignature({ secret, rawBody: entry.rawBody, timestamp, signature, now }).ok).toBe(true);
    const tampered = entry.rawBody.replace('"sequence":1', '"sequence":9');
    expect(tampered).not.toBe(entry.rawBody);
    expect(verifyCallbackSignature({ secret, rawBody: tampered, timestamp, signature, now })).toEqual({
      ok: false,
      reason: "mismatch",
    });
    expect(verifyCallbackSignature({ secret: "other", rawBody: entry.rawBody, timestamp, signature, now }).ok).toBe(
      false,
    );
    const later = new Date(now.getTime() + 10 * 60_000);
    expect(verifyCallbackSignature({ secret, rawBody: entry.rawBody, timestamp, signature, now: later })).toEqual({
      ok: false,
      reason: "stale",
    });
  });
});
