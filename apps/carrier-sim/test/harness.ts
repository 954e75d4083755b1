import http from "node:http";
import type { AddressInfo } from "node:net";
import {
  type CreateOrderRequest,
  createPartnerClient,
  type PartnerEvent,
  type PartnerEventOf,
  type PartnerOrder,
  parsePartnerEvent,
  partnerHeaders,
  type SignatureVerification,
  verifyCallbackRequest,
} from "@portway/partner";
import { inject } from "vitest";
import { type Simulator, startSimulator } from "../src/simulator";

export const secret = "test-callback-secret";
/** Monday 2026-03-09 10:00 ET (EDT). */
export const start = new Date("2026-03-09T14:00:00.000Z");
/** Thursday 2026-03-12 11:30 ET. */
export const requestedFocAt = "2026-03-12T15:30:00.000Z";
export const minute = 60_000;
export const hour = 60 * minute;

export interface Received {
  event: PartnerEvent;
  rawBody: string;
  timestamp: string;
  signature: string;
  verification: SignatureVerification;
}

/** A Portway stand-in: records every callback, verifies its signature, and fails on demand. */
export async function startReceiver() {
  const received: Received[] = [];
  let failuresLeft = 0;
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        response.writeHead(503);
        response.end();
        return;
      }
      const rawBody = Buffer.concat(chunks).toString("utf8");
      const verification = verifyCallbackRequest({ secret, rawBody, headers: request.headers, now: new Date() });
      const parsed = parsePartnerEvent(JSON.parse(rawBody));
      if (!parsed.ok) {
        response.writeHead(400);
        response.end();
        throw new Error(`callback does not match the schema: ${parsed.error.message}`);
      }
      const header = (name: string) => String(request.headers[name] ?? "");
      received.push({
        event: parsed.event,
        rawBody,
        timestamp: header(partnerHeaders.timestamp),
        signature: header(partnerHeaders.signature),
        verification,
      });
      response.writeHead(204);
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/callbacks`,
    received,
    failNext(count: number) {
      failuresLeft = count;
    },
    eventsOf(orderId: string): PartnerEvent[] {
      return received.filter((entry) => entry.event.orderId === orderId).map((entry) => entry.event);
    },
    typesOf(orderId: string): string[] {
      return received.filter((entry) => entry.event.orderId === orderId).map((entry) => entry.event.type);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export type Receiver = Awaited<ReturnType<typeof startReceiver>>;

let tnCounter = 0;

/** A clean order with TNs no other order of the run uses. */
export function makeOrder(receiver: Receiver, overrides: Partial<CreateOrderRequest> = {}): CreateOrderRequest {
  tnCounter += 3;
  const first = 2000 + tnCounter;
  const tns = [0, 1].map(
    (offset) =>
      `2015557${String(first + offset)
        .slice(-3)
        .padStart(3, "0")}`,
  );
  return {
    portType: "AUTOMATED",
    clientOrderId: `ord_${tnCounter}`,
    tns,
    btn: tns[0] ?? "2015557000",
    partialPort: false,
    replacementBtn: null,
    subscriber: { type: "BUSINESS", businessName: "Acme Plumbing" },
    accountNumber: "77312-0042",
    pin: "4821",
    serviceAddress: {
      houseNumber: "123",
      streetName: "Main St",
      unit: null,
      city: "Newark",
      state: "NJ",
      zip: "07102",
    },
    authorizingPerson: "John Smith",
    requestedFocAt,
    onDemandActivation: false,
    losingCarrier: { spid: "6214", name: "Verizon New Jersey", type: "WIRELINE" },
    callbackUrl: receiver.url,
    ...overrides,
  };
}

/** Simulator + receiver + client for one test file, in its own schema of the test database. */
export async function startHarness(schema: string) {
  const receiver = await startReceiver();
  const simulator: Simulator = await startSimulator({
    databaseUrl: inject("databaseUrl"),
    schema,
    callbackSecret: secret,
    tickMs: 20,
    callbackRetryBaseMs: 20,
    callbackRetryMaxMs: 100,
    log: () => undefined,
  });
  const url = await simulator.listen(0);
  const client = createPartnerClient({
    baseUrl: url,
    timeoutMs: 5_000,
    backoff: { maxAttempts: 10, baseDelayMs: 5, maxDelayMs: 20 },
  });
  let keyCounter = 0;
  const nextKey = (what: string) => {
    keyCounter += 1;
    return `${what}-${schema}-${keyCounter}`;
  };
  const sim = async (method: "GET" | "POST", path: string, body?: unknown) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  return {
    url,
    simulator,
    receiver,
    client,
    sim,
    nextKey,
    reset: () => sim("POST", "/sim/reset", { clock: { set: start.toISOString(), mode: "frozen" } }),
    advance: (ms: number) => sim("POST", "/sim/clock", { advanceMs: ms }),
    setClock: (at: string) => sim("POST", "/sim/clock", { set: at }),
    create: (order: CreateOrderRequest) => client.createOrder(order, { idempotencyKey: nextKey("create") }),
    getOrder: (orderId: string): Promise<PartnerOrder> => client.getOrder(orderId),
    async close() {
      await simulator.close();
      await receiver.close();
    },
  };
}

export type Harness = Awaited<ReturnType<typeof startHarness>>;

/** Waits (real time) until the condition holds; for background deliveries and retries. */
export async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error("timed out waiting");
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export function pickEvents<T extends PartnerEvent["type"]>(events: PartnerEvent[], type: T): PartnerEventOf<T>[] {
  return events.filter((event): event is PartnerEventOf<T> => event.type === type);
}
