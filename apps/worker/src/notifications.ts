import type { AddressInfo } from "node:net";
import type { Db } from "@portway/db";
import { webhookFailures } from "@portway/observability";
import {
  type Clock,
  captureMail,
  createSmtpMailer,
  defaultWebhookPolicy,
  deliverDueWebhooks,
  type MailEnv,
  type Mailer,
  runDailyDigest,
  sendDueEmails,
  type WebhookDeliveryPolicy,
  WebhookDispatcher,
} from "@portway/services";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { createLoopSet } from "./loops";

export interface NotificationWorkOptions {
  db: Db;
  clock: Clock;
  log: (line: string) => void;
  /** Mail settings; without an SMTP URL, mail goes to the local capture this starts. */
  mail: MailEnv;
  webhookPolicy?: Partial<WebhookDeliveryPolicy>;
  /** How often each loop runs; tests pass 0 to drive them by hand. */
  webhookIntervalMs?: number;
  emailIntervalMs?: number;
  digestIntervalMs?: number;
}

export interface NotificationWork {
  /** Where the local capture listens (smtp://127.0.0.1:port), or null with a real SMTP server. */
  captureUrl: string | null;
  deliverNow: () => Promise<{ attempted: number; succeeded: number }>;
  sendMailNow: () => Promise<{ claimed: number; sent: number }>;
  digestNow: () => Promise<{ users: number; sent: number }>;
  stop: () => Promise<void>;
}

/**
 * The local SMTP capture for development: a small SMTP server on loopback that stores every message it receives in
 * the database, where the admin portal's Mail page shows it.
 */
export async function startMailCapture(db: Db, clock: Clock, log: (line: string) => void) {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    banner: "Portway mail capture",
    size: 5 * 1024 * 1024,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw)
          .then((parsed) =>
            captureMail(db, clock, {
              messageId: parsed.messageId ?? null,
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
              to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
              subject: parsed.subject ?? "",
              text: parsed.text ?? "",
              sizeBytes: raw.length,
            }),
          )
          .then(() => callback())
          .catch((error: unknown) => {
            log(`mail capture failed: ${error instanceof Error ? error.message : String(error)}`);
            callback(error instanceof Error ? error : new Error(String(error)));
          });
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  // A client that drops its connection is an 'error' of the server: every one is a line, none ends the worker.
  server.on("error", (error: Error) => log(`mail capture: ${error.message}`));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Starts notification work: webhook delivery, email sending (and the local capture), the daily digest. */
export async function startNotificationWork(options: NotificationWorkOptions): Promise<NotificationWork> {
  const { db, clock, log } = options;
  const capture = options.mail.smtpUrl ? null : await startMailCapture(db, clock, log);
  const smtpUrl = options.mail.smtpUrl ?? capture?.url ?? "";
  // The capture speaks plain SMTP on loopback; a real server negotiates TLS as its URL says.
  const mailer: Mailer = createSmtpMailer(capture ? `${smtpUrl}?ignoreTLS=true` : smtpUrl);
  const policy = { ...defaultWebhookPolicy, ...options.webhookPolicy };
  const deliverNow = () => deliverDueWebhooks(db, clock, policy);
  const sendMailNow = () =>
    sendDueEmails(db, clock, mailer, {
      from: options.mail.mailFrom,
      links: { customer: options.mail.customerUrl, admin: options.mail.adminUrl },
    });
  const digestNow = () => runDailyDigest(db, clock);

  const loops = createLoopSet(log);
  const loop = (name: string, intervalMs: number | undefined, task: () => Promise<unknown>) => {
    if (intervalMs) {
      loops.every(name, intervalMs, task);
    }
  };
  // Per-endpoint lanes: a round starts its deliveries and returns, so a slow receiver never holds up the next rounds.
  const dispatcher = new WebhookDispatcher(db, clock, policy, (ok) => {
    if (!ok) {
      webhookFailures.inc({ reason: "delivery" });
    }
  });
  loop("webhook delivery", options.webhookIntervalMs ?? 250, () => dispatcher.tick());
  loop("email", options.emailIntervalMs ?? 500, sendMailNow);
  loop("daily digest", options.digestIntervalMs ?? 60_000, digestNow);
  if (capture) {
    log(`mail capture on ${capture.url} (no SMTP_URL): mail shows in the admin portal under Mail`);
  }
  return {
    captureUrl: capture?.url ?? null,
    deliverNow,
    sendMailNow,
    digestNow,
    stop: async () => {
      await loops.stop();
      await dispatcher.idle();
      mailer.close();
      await capture?.stop();
    },
  };
}
