import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createDb, type DbHandle } from "@portway/db";
import {
  applyOrderEventAs,
  type CustomerIdentity,
  createWebhookEndpoint,
  fixedClock,
  readMailEnv,
  replayWebhookEvent,
  saveDraft,
  seedDemoData,
  seedNumberingData,
  setWebhookEndpointEnabled,
  submitPortRequest,
  uploadDraftDocument,
  verifyWebhook,
  webhookHeaders,
} from "@portway/services";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type NotificationWork, startNotificationWork } from "../src/notifications";

const start = new Date("2026-12-07T15:00:00.000Z");
const pdf = Buffer.from(
  "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n",
).toString("base64");
let handle: DbHandle;
let admin: CustomerIdentity;

// biome-ignore lint/suspicious/noExplicitAny: rows of ad-hoc SQL in assertions
type Row = Record<string, any>;
async function rows(text: string, values: unknown[] = []): Promise<Row[]> {
  return (await handle.pool.query(text, values)).rows;
}

interface Received {
  body: string;
  headers: IncomingMessage["headers"];
  verified: boolean;
  answered: number | "hang";
}

/** A webhook receiver on a real port; `answer` decides what each request gets (a status, or no answer at all). */
async function receiver(secret: () => string, answer: (n: number) => number | "hang") {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const check = verifyWebhook({
        secret: secret(),
        body,
        timestamp: req.headers[webhookHeaders.timestamp] as string | undefined,
        signature: req.headers[webhookHeaders.signature] as string | undefined,
        now: new Date(),
      });
      const answered = answer(received.length);
      received.push({ body, headers: req.headers, verified: check.ok, answered });
      if (answered !== "hang") {
        res.writeHead(check.ok ? answered : 401).end("ok");
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  return {
    url,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function submitOrder(clock: ReturnType<typeof fixedClock>, tn: string, reference: string) {
  const who = { accountId: admin.accountId, userId: admin.userId, name: admin.name };
  const data = {
    tns: [tn],
    btn: tn,
    partialPort: false,
    subscriber: { type: "BUSINESS" as const, businessName: "Harbor Dental" },
    accountNumber: "ACCT-1000",
    serviceAddress: { houseNumber: "100", street: "Main St", city: "Boston", state: "MA" as const, zip: "02110" },
    loaAuthorizingPerson: "Dana Harbor",
    requestedFoc: "2026-12-18T16:00:00.000Z",
    onDemandActivation: false,
    customerOrderRef: reference,
  };
  const draft = await saveDraft(handle.db, clock, who, { data });
  await uploadDraftDocument(handle.db, clock, who, {
    draftId: draft.id,
    kind: "LOA",
    fileName: "loa.pdf",
    contentBase64: pdf,
    signedAt: "2026-12-04T15:00:00Z",
  });
  const result = await submitPortRequest(handle.db, clock, who, { draftId: draft.id, submission: data });
  return result.orders[0]?.id ?? "";
}

function work(clock: ReturnType<typeof fixedClock>, policy: Record<string, number | (() => number)>) {
  return startNotificationWork({
    db: handle.db,
    clock,
    log: () => undefined,
    mail: readMailEnv({ CUSTOMER_URL: "http://portal.test:3000" }),
    webhookPolicy: policy,
    webhookIntervalMs: 0,
    emailIntervalMs: 0,
    digestIntervalMs: 0,
  });
}

beforeAll(async () => {
  handle = createDb(inject("databaseUrl"));
  await seedDemoData(handle.db, { production: false });
  await seedNumberingData(handle.db);
  const [user] = await rows("select * from auth_users where email = 'admin@acme.test'");
  if (!user?.account_id) {
    throw new Error("demo admin missing");
  }
  admin = {
    kind: "customer",
    userId: String(user.id),
    name: String(user.name),
    email: String(user.email),
    role: "admin",
    accountId: String(user.account_id),
  };
});
afterAll(async () => {
  await handle.close();
});

describe("webhook delivery", () => {
  let running: NotificationWork | null = null;
  afterAll(async () => {
    await running?.stop();
  });

  it("retries after 500s and a timeout with backoff, delivers once after recovery, and replays the same event ID", async () => {
    const clock = fixedClock(start);
    let secret = "";
    // 500, 500, no answer (timeout), then 200 from the fourth request on.
    const hook = await receiver(
      () => secret,
      (n) => (n < 2 ? 500 : n === 2 ? "hang" : 200),
    );
    try {
      const endpoint = await createWebhookEndpoint(handle.db, clock, admin, {
        url: hook.url,
        description: "retry test",
        eventTypes: ["order.status_changed"],
      });
      secret = endpoint.secret;
      running = await work(clock, { timeoutMs: 400, baseDelayMs: 10_000, maxDelayMs: 600_000, random: () => 0.5 });
      const orderId = await submitOrder(clock, "+16172539600", "HOOK-RETRY");

      const delays: number[] = [];
      for (let round = 0; round < 4; round += 1) {
        const result = await running.deliverNow();
        expect(result.attempted).toBe(1);
        const delivery = (await rows("select * from webhook_deliveries where endpoint_id = $1", [endpoint.id]))[0];
        if (delivery?.status === "PENDING") {
          const delay = (delivery.next_attempt_at as Date).getTime() - clock.now().getTime();
          delays.push(delay);
          // Not due before its backoff: nothing is attempted.
          expect((await running.deliverNow()).attempted).toBe(0);
          clock.advance(delay);
        }
      }
      // Exponential with jitter (half fixed, half random at 0.5): 7.5 s, 15 s, 30 s.
      expect(delays).toEqual([7_500, 15_000, 30_000]);
      expect(hook.received.map((r) => r.answered)).toEqual([500, 500, "hang", 200]);
      expect(hook.received.every((r) => r.verified)).toBe(true);
      const eventIds = new Set(hook.received.map((r) => JSON.parse(r.body).id as string));
      expect(eventIds.size).toBe(1);
      const payload = JSON.parse(hook.received[3]?.body ?? "{}");
      expect(payload).toMatchObject({
        type: "order.status_changed",
        data: {
          order: { id: orderId, status: "SUBMITTED", customerReference: "HOOK-RETRY", tns: [{ tn: "+16172539600" }] },
        },
      });
      expect(hook.received[3]?.headers[webhookHeaders.id]).toBe(payload.id);

      const attempts = await rows(
        "select a.* from webhook_attempts a join webhook_deliveries d on d.id = a.delivery_id where d.endpoint_id = $1 order by a.attempt",
        [endpoint.id],
      );
      expect(attempts.map((a) => a.status_code)).toEqual([500, 500, null, 200]);
      expect(attempts[2]?.error).toBe("The endpoint could not be reached or did not answer (within 400 ms).");
      expect(attempts[2]?.duration_ms).toBeGreaterThanOrEqual(350);

      // Delivered: later rounds send nothing more.
      clock.advance(3_600_000);
      expect((await running.deliverNow()).attempted).toBe(0);
      expect(hook.received.filter((r) => r.answered === 200)).toHaveLength(1);

      // A replay is a new delivery of the same event, with the same ID and body.
      await replayWebhookEvent(handle.db, clock, admin, { endpointId: endpoint.id, eventId: payload.id });
      expect((await running.deliverNow()).succeeded).toBe(1);
      expect(hook.received).toHaveLength(5);
      expect(JSON.parse(hook.received[4]?.body ?? "{}").id).toBe(payload.id);
      expect(hook.received[4]?.body).toBe(hook.received[3]?.body);
      expect(hook.received[4]?.verified).toBe(true);
    } finally {
      await running?.stop();
      running = null;
      await hook.close();
    }
  });

  it("tells the account's admins before disabling a failing endpoint, holds its deliveries, and resumes when enabled", async () => {
    const clock = fixedClock(new Date("2026-12-08T15:00:00.000Z"));
    let secret = "";
    let healthy = false;
    const hook = await receiver(
      () => secret,
      () => (healthy ? 200 : 503),
    );
    try {
      const endpoint = await createWebhookEndpoint(handle.db, clock, admin, {
        url: hook.url,
        description: "disable test",
        eventTypes: ["order.status_changed"],
      });
      secret = endpoint.secret;
      running = await work(clock, {
        timeoutMs: 1_000,
        baseDelayMs: 600_000,
        maxDelayMs: 600_000,
        random: () => 1,
        noticeAfterFailures: 3,
        failingForMs: 20 * 60_000,
        disableAfterNoticeMs: 15 * 60_000,
      });
      await submitOrder(clock, "+16172539610", "HOOK-DISABLE");
      const endpointRow = async () => (await rows("select * from webhook_endpoints where id = $1", [endpoint.id]))[0];
      const notices = () =>
        rows(
          "select * from notifications where kind = 'webhook.endpoint' and recipient_id = $1 and title like $2 order by created_at",
          [admin.userId, `%${hook.url} %`],
        );

      // Three failures 10 minutes apart: 3 in a row over 20 minutes, so a notice, still enabled.
      for (let i = 0; i < 3; i += 1) {
        await running.deliverNow();
        clock.advance(600_000);
      }
      let row = await endpointRow();
      expect(row?.failure_streak).toBe(3);
      expect(row?.enabled).toBe(true);
      expect(row?.disable_notice_at).not.toBeNull();
      expect((await notices()).map((n) => n.title)).toEqual([`Webhook endpoint ${hook.url} keeps failing`]);
      // Only after the notice has stood 15 minutes and it still fails is it disabled.
      await running.deliverNow();
      clock.advance(600_000);
      expect((await endpointRow())?.enabled).toBe(true);
      await running.deliverNow();
      row = await endpointRow();
      expect(row?.enabled).toBe(false);
      expect(row?.disabled_reason).toContain("5 deliveries in a row failed");
      expect((await notices()).map((n) => n.title)).toEqual([
        `Webhook endpoint ${hook.url} keeps failing`,
        `Webhook endpoint ${hook.url} was disabled`,
      ]);
      const noticeMail = await rows(
        "select * from emails where kind = 'WEBHOOK_NOTICE' and to_address = 'admin@acme.test'",
      );
      expect(noticeMail.map((m) => m.subject)).toContain(`Portway: Webhook endpoint ${hook.url} was disabled`);

      // Held, not dropped: nothing goes out while disabled; once enabled (and healthy) the event is delivered.
      clock.advance(3_600_000);
      const before = hook.received.length;
      expect((await running.deliverNow()).attempted).toBe(0);
      healthy = true;
      await setWebhookEndpointEnabled(handle.db, clock, admin, { endpointId: endpoint.id, enabled: true });
      expect((await running.deliverNow()).succeeded).toBe(1);
      expect(hook.received).toHaveLength(before + 1);
      expect((await endpointRow())?.failure_streak).toBe(0);
    } finally {
      await running?.stop();
      running = null;
      await hook.close();
    }
  });
});

describe("email", () => {
  it("sends notification email through SMTP to the local capture with the right recipient and content", async () => {
    const clock = fixedClock(new Date("2026-12-09T15:00:00.000Z"));
    const running = await work(clock, {});
    try {
      expect(running.captureUrl).toMatch(/^smtp:\/\/127\.0\.0\.1:\d+$/);
      const orderId = await submitOrder(clock, "+16172539620", "MAIL-CAPTURE");
      await applyOrderEventAs(handle.db, clock, { actor: { kind: "PARTNER" } }, orderId, {
        type: "PARTNER_ACCEPTED",
        pon: "700000010",
      });
      let sent = 0;
      for (let i = 0; i < 5; i += 1) {
        sent += (await running.sendMailNow()).sent;
      }
      expect(sent).toBeGreaterThanOrEqual(1);
      const captured = await rows("select * from mail_captures where 'member@acme.test' = any(to_addresses)");
      const mail = captured.find((m) => m.subject === "Portway: MAIL-CAPTURE is now CSR review");
      expect(mail?.from_address).toBe("notifications@portway.test");
      expect(mail?.body_text).toContain("The order moved from submitted to CSR review.");
      expect(mail?.body_text).toContain(`http://portal.test:3000/orders/${orderId}`);
      // The admin submitted it: told of the partner's step, not of their own submission.
      const toAdmin = await rows("select * from mail_captures where 'admin@acme.test' = any(to_addresses)");
      expect(toAdmin.map((m) => m.subject)).toContain("Portway: MAIL-CAPTURE is now CSR review");
      expect(toAdmin.map((m) => m.subject)).not.toContain("Portway: MAIL-CAPTURE is now submitted");
      const log = await rows(
        "select * from emails where to_address = 'member@acme.test' and subject like '%MAIL-CAPTURE%'",
      );
      expect(log.length).toBeGreaterThan(0);
      expect(log.every((e) => e.status === "SENT")).toBe(true);
    } finally {
      await running.stop();
    }
  });
});
