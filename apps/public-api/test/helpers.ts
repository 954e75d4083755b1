import { createServer } from "node:http";
import { serve } from "@hono/node-server";
import { createDb, type DbHandle } from "@portway/db";
import {
  type Clock,
  type CustomerIdentity,
  createApiKey,
  createWebhookEndpoint,
  deliverDueWebhooks,
  fixedClock,
  seedDemoData,
  seedNumberingData,
  webhookEventTypes,
} from "@portway/services";
import { Webhook } from "standardwebhooks";
import { inject } from "vitest";
import { type ApiRuntime, createApp } from "../src/app";

/** Monday 2026-12-07, 10:00 ET: the tests' business "now" (moved forward by the journeys). */
export function testClock() {
  return fixedClock(new Date("2026-12-07T15:00:00Z"));
}

/** The smallest PDF the document checks accept. */
export const pdfBytes = Buffer.from(
  "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n",
);

export async function openSeededDb(): Promise<DbHandle> {
  const handle = createDb(inject("databaseUrl"));
  await seedDemoData(handle.db, { production: false });
  await seedNumberingData(handle.db);
  return handle;
}

/** A demo customer admin of the account with this slug (the first by email). */
export async function adminOf(handle: DbHandle, email: string): Promise<CustomerIdentity> {
  const row = (await handle.pool.query("select id, name, account_id from auth_users where email = $1", [email]))
    .rows[0];
  return { kind: "customer", userId: row.id, name: row.name, email, role: "admin", accountId: row.account_id };
}

export async function newKey(handle: DbHandle, clock: ReturnType<typeof testClock>, who: CustomerIdentity) {
  return (await createApiKey(handle.db, clock, who, { name: `test key ${Math.random().toString(36).slice(2, 8)}` }))
    .key;
}

/** The API on a free loopback port, as `npm start` serves it. */
export async function startApi(
  handle: DbHandle,
  clock: ReturnType<typeof testClock>,
  options: Partial<Omit<ApiRuntime, "db" | "clock">> = {},
) {
  const app = createApp({ db: handle.db, clock, ...options });
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A port-in submission for one number, in the API's body shape. */
export function submissionFor(tns: string[], reference: string) {
  return {
    tns,
    btn: tns[0] ?? "",
    partialPort: false,
    subscriber: { type: "BUSINESS" as const, businessName: "API Test Co" },
    accountNumber: "ACCT-100",
    serviceAddress: { houseNumber: "1", street: "Main St", city: "Boston", state: "MA" as const, zip: "02110" },
    loaAuthorizingPerson: "Pat Signer",
    requestedFoc: "2026-12-14T16:00:00.000Z",
    onDemandActivation: false,
    customerOrderRef: reference,
  };
}

export interface ReceivedWebhook {
  /** The webhook-id header: the event's ID. */
  id: string;
  type: string;
  verified: boolean;
}

export interface WebhookReceiver {
  /**
   * Waits until every delivery to the receiver's endpoint succeeded (the worker delivers them; this also delivers
   * what is due, so a test without a worker settles too). Answers what was received and the IDs of every event the
   * account produced since the endpoint was added, read from the event log.
   */
  settle(timeoutMs?: number): Promise<{ received: ReceivedWebhook[]; eventIds: string[] }>;
  /** Where the receiver listens (its endpoint's URL). */
  url: string;
  /** What it received so far, in order. */
  received(): ReceivedWebhook[];
  close(): Promise<void>;
}

/**
 * A webhook receiver on loopback built on the standardwebhooks library, subscribed to every event type of `admin`'s
 * account: it records whether each request it receives verifies with the endpoint's whsec_ secret.
 */
export async function startReceiver(handle: DbHandle, clock: Clock, admin: CustomerIdentity): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  let secret = "";
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => {
      body += chunk.toString();
    });
    req.on("end", () => {
      let verified = false;
      let type = "";
      try {
        const payload = new Webhook(secret).verify(body, req.headers as Record<string, string>) as { type: string };
        type = payload.type;
        verified = true;
      } catch {
        type = String(JSON.parse(body).type);
      }
      received.push({ id: String(req.headers["webhook-id"]), type, verified });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/hooks`;
  const endpoint = await createWebhookEndpoint(handle.db, clock, admin, {
    url,
    description: "standardwebhooks receiver",
    eventTypes: [...webhookEventTypes],
  });
  secret = endpoint.secret;
  const since = clock.now();
  return {
    url,
    received: () => [...received],
    settle: async (timeoutMs = 20_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        await deliverDueWebhooks(handle.db, clock);
        const pending = await handle.pool.query(
          "select count(*)::int as n from webhook_deliveries where endpoint_id = $1 and status <> 'SUCCEEDED'",
          [endpoint.id],
        );
        const delivered = await handle.pool.query(
          "select count(*)::int as n from webhook_deliveries where endpoint_id = $1",
          [endpoint.id],
        );
        if ((pending.rows[0].n === 0 && received.length >= delivered.rows[0].n) || Date.now() > deadline) {
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const events = await handle.pool.query(
        "select id from webhook_events where account_id = $1 and occurred_at >= $2 order by occurred_at, id",
        [admin.accountId, since],
      );
      return { received: [...received], eventIds: events.rows.map((r) => r.id as string) };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
