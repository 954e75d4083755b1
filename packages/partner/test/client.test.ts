import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import {
  type CreateOrderResponse,
  computeBackoffDelay,
  createPartnerClient,
  defaultBackoffPolicy,
  PartnerRequestError,
  partnerHeaders,
} from "../src/index";
import { sampleOrder } from "./fixtures";

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

type Reply = (response: http.ServerResponse, seen: Seen) => void;

const servers: http.Server[] = [];

/** A real HTTP server answering with `replies` in turn (the last one repeats), recording every request. */
async function serve(replies: Reply[]): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const entry = {
        method: request.method ?? "",
        url: request.url ?? "",
        headers: request.headers,
        body: Buffer.concat(chunks).toString(),
      };
      seen.push(entry);
      const reply = replies[Math.min(seen.length, replies.length) - 1];
      reply?.(response, entry);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

const created: CreateOrderResponse = {
  orderId: "412345678",
  portType: "AUTOMATED",
  status: "SUBMITTED",
  createdAt: "2026-03-09T12:00:00.000Z",
  replayed: false,
};

function json(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return (response) => {
    response.writeHead(status, { "content-type": "application/json", ...headers });
    response.end(JSON.stringify(body));
  };
}

const hang: Reply = () => undefined;
const reset: Reply = (response) => response.socket?.destroy();

function makeClient(url: string, extra: Partial<Parameters<typeof createPartnerClient>[0]> = {}) {
  const sleeps: number[] = [];
  const client = createPartnerClient({
    baseUrl: url,
    apiKey: "key-1",
    timeoutMs: 300,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    ...extra,
  });
  return { client, sleeps };
}

async function failure(promise: Promise<unknown>): Promise<PartnerRequestError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PartnerRequestError) {
      return error;
    }
    throw error;
  }
  throw new Error("expected the call to fail");
}

describe("partner client", () => {
  it("creates an order with the idempotency key, the API key and the validated body", async () => {
    const server = await serve([json(201, created)]);
    const { client } = makeClient(server.url);
    expect(await client.createOrder(sampleOrder, { idempotencyKey: "create:ord_123:1" })).toEqual(created);
    const [request] = server.seen;
    expect(request?.method).toBe("POST");
    expect(request?.url).toBe("/v1/orders");
    expect(request?.headers[partnerHeaders.idempotencyKey]).toBe("create:ord_123:1");
    expect(request?.headers.authorization).toBe("Bearer key-1");
    expect(JSON.parse(request?.body ?? "")).toMatchObject({ tns: sampleOrder.tns, clientOrderId: "ord_123" });
  });

  it("retries 503, 500 and a reset connection with the same key and body, backing off with full jitter", async () => {
    const server = await serve([
      json(503, { error: { code: "UNAVAILABLE", message: "x" } }),
      json(500, {}),
      reset,
      json(200, created),
    ]);
    const { client, sleeps } = makeClient(server.url);
    await client.createOrder(sampleOrder, { idempotencyKey: "k-1" });
    expect(server.seen).toHaveLength(4);
    expect(new Set(server.seen.map((request) => request.headers[partnerHeaders.idempotencyKey]))).toEqual(
      new Set(["k-1"]),
    );
    expect(new Set(server.seen.map((request) => request.body)).size).toBe(1);
    // random 0.5 of min(10 s, 200 ms * 2^(n-1)): 100, 200, 400.
    expect(sleeps).toEqual([100, 200, 400]);
  });

  it("retries 408 and 429, honouring Retry-After within the ceiling", async () => {
    const server = await serve([json(429, {}, { "retry-after": "2" }), json(408, {}), json(200, created)]);
    const { client, sleeps } = makeClient(server.url);
    await client.createOrder(sampleOrder, { idempotencyKey: "k-2" });
    expect(sleeps).toEqual([2_000, 200]);
  });

  it.each([400, 401, 404, 409, 422])("does not retry HTTP %i and reports the partner's code", async (status) => {
    const server = await serve([json(status, { error: { code: "INVALID_STATE", message: "no" } })]);
    const { client, sleeps } = makeClient(server.url);
    const error = await failure(client.submitSupp("412345678", { type: "CANCEL" }, { idempotencyKey: "k-3" }));
    expect(error).toMatchObject({ kind: "http", status, code: "INVALID_STATE", retryable: false, attempts: 1 });
    expect(sleeps).toEqual([]);
    expect(server.seen).toHaveLength(1);
  });

  it("gives up after maxAttempts with a retryable error", async () => {
    const server = await serve([json(503, {})]);
    const { client, sleeps } = makeClient(server.url, { backoff: { maxAttempts: 3 } });
    const error = await failure(client.activateOrder("412345678", {}, { idempotencyKey: "k-4" }));
    expect(error).toMatchObject({ kind: "http", status: 503, retryable: true, attempts: 3 });
    expect(sleeps).toHaveLength(2);
  });

  it("times out a hanging attempt and retries it with the same key", async () => {
    const server = await serve([hang, json(201, created)]);
    const { client } = makeClient(server.url, { timeoutMs: 150 });
    await client.createOrder(sampleOrder, { idempotencyKey: "k-5" });
    expect(server.seen.map((request) => request.headers[partnerHeaders.idempotencyKey])).toEqual(["k-5", "k-5"]);
  });

  it("reports a timeout when every attempt hangs", async () => {
    const server = await serve([hang]);
    const { client } = makeClient(server.url, { timeoutMs: 100, backoff: { maxAttempts: 2 } });
    const error = await failure(client.getOrder("412345678"));
    expect(error).toMatchObject({ kind: "timeout", status: null, retryable: true, attempts: 2 });
  });

  it("reports a network error when nothing listens", async () => {
    const { client, sleeps } = makeClient("http://127.0.0.1:9", { backoff: { maxAttempts: 2 } });
    const error = await failure(client.getOrder("412345678"));
    expect(error).toMatchObject({ kind: "network", retryable: true, attempts: 2 });
    expect(sleeps).toHaveLength(1);
  });

  it("does not retry an answer that breaks the schema, nor send a request that breaks it", async () => {
    const server = await serve([json(200, { orderId: "nope" })]);
    const { client } = makeClient(server.url);
    const invalid = await failure(client.createOrder(sampleOrder, { idempotencyKey: "k-6" }));
    expect(invalid).toMatchObject({ kind: "invalid-response", retryable: false, attempts: 1 });
    const refused = await failure(client.createOrder({ ...sampleOrder, tns: [] }, { idempotencyKey: "k-7" }));
    expect(refused).toMatchObject({ kind: "invalid-request", attempts: 0 });
    expect(server.seen).toHaveLength(1);
    expect(() => client.createOrder(sampleOrder, { idempotencyKey: " " })).toThrow(TypeError);
  });

  it("stops at once when the caller aborts", async () => {
    const server = await serve([hang]);
    const { client, sleeps } = makeClient(server.url, { timeoutMs: 5_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await failure(client.getOrder("412345678", { signal: controller.signal }));
    expect(error).toMatchObject({ kind: "aborted", retryable: false });
    expect(sleeps).toEqual([]);
  });

  it("sends GET without an idempotency key and with the order ID escaped", async () => {
    const server = await serve([json(404, { error: { code: "NOT_FOUND", message: "no" } })]);
    const { client } = makeClient(server.url);
    const error = await failure(client.getOrder("ON6214-0000042"));
    expect(error.code).toBe("NOT_FOUND");
    expect(server.seen[0]?.url).toBe("/v1/orders/ON6214-0000042");
    expect(server.seen[0]?.headers[partnerHeaders.idempotencyKey]).toBeUndefined();
  });
});

describe("computeBackoffDelay", () => {
  it("stays within [0, min(max, base * 2^(n-1))]", () => {
    expect(computeBackoffDelay(1, defaultBackoffPolicy, () => 0)).toBe(0);
    expect(computeBackoffDelay(1, defaultBackoffPolicy, () => 0.999)).toBe(199);
    expect(computeBackoffDelay(3, defaultBackoffPolicy, () => 0.5)).toBe(400);
    expect(computeBackoffDelay(30, defaultBackoffPolicy, () => 0.999)).toBe(9_990);
    for (let retry = 1; retry < 12; retry += 1) {
      const delay = computeBackoffDelay(retry, defaultBackoffPolicy, Math.random);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThanOrEqual(Math.min(10_000, 200 * 2 ** (retry - 1)));
    }
  });
});

describe("partner client over fetch", () => {
  it("answers, retries a dropped connection and a hang with the same key, and reports the kinds as over node:http", async () => {
    const server = await serve([reset, hang, json(201, created)]);
    const { client, sleeps } = makeClient(server.url, { fetch: globalThis.fetch, timeoutMs: 150 });
    await expect(client.createOrder(sampleOrder, { idempotencyKey: "f-1" })).resolves.toEqual(created);
    expect(server.seen.map((request) => request.headers[partnerHeaders.idempotencyKey])).toEqual(["f-1", "f-1", "f-1"]);
    expect(sleeps).toHaveLength(2);
    const hanging = await serve([hang]);
    const timedOut = await failure(
      makeClient(hanging.url, { fetch: globalThis.fetch, timeoutMs: 100, backoff: { maxAttempts: 1 } }).client.getOrder(
        "412345678",
      ),
    );
    expect(timedOut).toMatchObject({ kind: "timeout", retryable: true, attempts: 1 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const aborted = await failure(
      makeClient(hanging.url, { fetch: globalThis.fetch, timeoutMs: 5_000 }).client.getOrder("412345678", {
        signal: controller.signal,
      }),
    );
    expect(aborted).toMatchObject({ kind: "aborted", retryable: false });
  });
});
