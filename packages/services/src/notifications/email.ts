import {
  claimDueEmails,
  type Db,
  findDigestRecipients,
  findMailCaptures,
  findUndigestedNotifications,
  insertEmails,
  insertMailCapture,
  markDigested,
  markEmailFailed,
  markEmailSent,
} from "@portway/db";
import { easternToEpoch, textInput, toEasternWallTime } from "@portway/domain";
import nodemailer from "nodemailer";
import { z } from "zod";
import type { Clock } from "../clock";
import { ConfigError, type EnvSource, isProduction, readPort, readUrl } from "../config/config-error";
import { defaultPorts } from "../config/portal-env";
import { composeSigningEmail, scrubbedSigningEmail } from "../documents/signing";
import { formatEt } from "./record";

export interface MailEnv {
  /** `smtp://user:pass@host:port` or `smtps://…`; null: development, mail goes to the local capture. */
  smtpUrl: string | null;
  mailFrom: string;
  /** Links in emails point at the portals. */
  customerUrl: string;
  adminUrl: string;
}

/** Mail settings of the worker, read by its env.ts. Production needs a real SMTP server. */
export function readMailEnv(env: EnvSource): MailEnv {
  const production = isProduction(env);
  const smtpUrl = env.SMTP_URL || null;
  if (smtpUrl) {
    let protocol = "";
    try {
      protocol = new URL(smtpUrl).protocol;
    } catch {
      throw new ConfigError(`SMTP_URL="${smtpUrl}" is not a URL: use smtp://user:password@host:587 or smtps://…:465.`);
    }
    if (protocol !== "smtp:" && protocol !== "smtps:") {
      throw new ConfigError(`SMTP_URL must start with smtp:// or smtps://, not ${protocol}//.`);
    }
  } else if (production) {
    throw new ConfigError("SMTP_URL is missing: production sends email through a real SMTP server (smtp://…).");
  }
  const mailFrom = env.MAIL_FROM || "Portway <notifications@portway.test>";
  if (!/@/.test(mailFrom)) {
    throw new ConfigError(`MAIL_FROM="${mailFrom}" has no email address: use "Name <address@example.com>".`);
  }
  return {
    smtpUrl,
    mailFrom,
    customerUrl: readUrl(
      env,
      "CUSTOMER_URL",
      `http://localhost:${readPort(env, "CUSTOMER_PORT", defaultPorts.customer)}`,
    ),
    adminUrl: readUrl(env, "ADMIN_URL", `http://localhost:${readPort(env, "ADMIN_PORT", defaultPorts.admin)}`),
  };
}

export interface Mailer {
  send(message: { from: string; to: string; subject: string; text: string }): Promise<{ messageId: string | null }>;
  close(): void;
}

/** A nodemailer SMTP transport for the given URL. */
export function createSmtpMailer(smtpUrl: string, options: { timeoutMs?: number } = {}): Mailer {
  const timeout = options.timeoutMs ?? 15_000;
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  return {
    send: async (message) => {
      const info = await transport.sendMail(message);
      return { messageId: typeof info.messageId === "string" ? info.messageId : null };
    },
    close: () => transport.close(),
  };
}

export interface EmailSendOptions {
  from: string;
  links: { customer: string; admin: string };
  batch?: number;
  maxAttempts?: number;
}

function expandLinks(text: string, links: EmailSendOptions["links"]): string {
  return text.replaceAll("{{customer}}", links.customer).replaceAll("{{admin}}", links.admin);
}

type ClaimedEmail = Awaited<ReturnType<typeof claimDueEmails>>[number];

/**
 * Sends one claimed email; a failure retries with backoff, then stays FAILED in the log. A signing email's link is
 * composed now (its token drawn at send time, never stored with the email); one whose link closed before it went out
 * is not sent.
 */
export async function sendEmail(
  db: Db,
  clock: Clock,
  mailer: Mailer,
  email: ClaimedEmail,
  options: EmailSendOptions,
): Promise<boolean> {
  const maxAttempts = options.maxAttempts ?? 8;
  try {
    const body = email.kind === "SIGNING_LINK" ? await composeSigningEmail(db, clock, email.bodyText) : email.bodyText;
    if (body === null) {
      await markEmailFailed(db, email.id, {
        error: "Not sent: the signing link was signed, revoked or expired before its email went out.",
        retryAt: null,
      });
      return false;
    }
    const info = await mailer.send({
      from: options.from,
      to: email.toAddress,
      subject: email.subject,
      text: expandLinks(body, options.links),
    });
    const kept = email.kind === "SIGNING_LINK" ? scrubbedSigningEmail(email.bodyText) : undefined;
    await markEmailSent(db, email.id, {
      messageId: info.messageId,
      at: clock.now(),
      ...(kept === undefined ? {} : { bodyText: kept }),
    });
    return true;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const retryAt =
      email.attempts >= maxAttempts
        ? null
        : new Date(clock.now().getTime() + Math.min(3_600_000, 10_000 * 2 ** (email.attempts - 1)));
    await markEmailFailed(db, email.id, { error: message, retryAt });
    return false;
  }
}

/** One round of sending: claims due emails and sends each; failures retry with backoff, then stay FAILED in the log. */
export async function sendDueEmails(db: Db, clock: Clock, mailer: Mailer, options: EmailSendOptions) {
  const now = clock.now();
  const claimed = await claimDueEmails(db, now, new Date(now.getTime() + 5 * 60_000), options.batch ?? 20);
  let sent = 0;
  for (const email of claimed) {
    if (await sendEmail(db, clock, mailer, email, options)) {
      sent += 1;
    }
  }
  return { claimed: claimed.length, sent };
}

/** The digest goes out once a business day at this ET hour. */
export const digestHourEt = 7;

/** The latest digest time at or before `now`: today 07:00 ET, or yesterday's when it is earlier in the day. */
export function lastDigestSlot(now: Date): Date {
  const wall = toEasternWallTime(now.getTime());
  const today = easternToEpoch(wall.date, digestHourEt * 60);
  return new Date(today <= now.getTime() ? today : easternToEpoch(shiftDate(wall.date, -1), digestHourEt * 60));
}

function shiftDate(date: string, days: number): string {
  const at = new Date(`${date}T12:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/**
 * The daily digest (a periodic job on the business clock): every user on DAILY whose last digest is older than the
 * latest 07:00 ET gets one email of the notifications since, or none when there were none.
 */
export async function runDailyDigest(db: Db, clock: Clock) {
  const now = clock.now();
  const slot = lastDigestSlot(now);
  const users = await findDigestRecipients(db, slot);
  let sent = 0;
  for (const user of users) {
    await db.transaction(async (tx) => {
      const items = await findUndigestedNotifications(tx, user.id, now);
      if (items.length > 0) {
        const portal = user.kind === "staff" ? "admin" : "customer";
        const lines = items.map(
          (n) =>
            `- ${formatEt(n.createdAt)}: ${n.title}\n  ${n.body}${n.orderId ? `\n  {{${portal}}}/orders/${n.orderId}` : ""}`,
        );
        await insertEmails(tx, [
          {
            recipientId: user.id,
            toAddress: user.email,
            subject: `Portway daily digest: ${items.length} update${items.length === 1 ? "" : "s"}`,
            bodyText: [`Hello ${user.name},`, "", `What happened since your last digest:`, "", ...lines].join("\n"),
            kind: "DIGEST",
            nextAttemptAt: now,
            createdAt: now,
          },
        ]);
        sent += 1;
      }
      await markDigested(
        tx,
        user.id,
        items.map((n) => n.id),
        now,
      );
    });
  }
  return { users: users.length, sent };
}

/** Stores one message received by the local SMTP capture. */
export async function captureMail(
  db: Db,
  clock: Clock,
  mail: { messageId: string | null; from: string; to: string[]; subject: string; text: string; sizeBytes: number },
) {
  return insertMailCapture(db, {
    messageId: mail.messageId,
    fromAddress: mail.from,
    toAddresses: mail.to,
    subject: mail.subject,
    bodyText: mail.text,
    sizeBytes: mail.sizeBytes,
    receivedAt: clock.now(),
  });
}

export const capturedMailInput = z.object({
  page: z.int().min(0).default(0),
  pageSize: z.int().min(1).max(100).default(25),
  to: textInput(320, "The address").optional(),
});

export async function listCapturedMail(db: Db, input: z.infer<typeof capturedMailInput>) {
  const { rows, total } = await findMailCaptures(db, {
    limit: input.pageSize,
    offset: input.page * input.pageSize,
    ...(input.to ? { to: input.to.toLowerCase() } : {}),
  });
  return { items: rows, total };
}
