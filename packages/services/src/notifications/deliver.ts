import type { LookupAddress } from "node:dns";
import { lookup as dnsLookup } from "node:dns";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import type { LookupFunction } from "node:net";
import {
  claimDueDeliveries,
  type Db,
  type DbOrTx,
  findAccountRecipients,
  insertEmails,
  insertNotifications,
  insertWebhookAttempt,
  lockWebhookEndpoint,
  updateWebhookDelivery,
  updateWebhookEndpoint,
  type WebhookEndpointRow,
} from "@portway/db";
import type { Clock } from "../clock";
import { type WebhookDestinationPolicy, webhookDestinationPolicy } from "../config/webhook-env";
import { refuseAddress, refuseWithoutLookup } from "./destination";
import { signWebhook, webhookHeaders } from "./events";
import { formatEt } from "./record";
import { signStandardWebhook } from "./standard-webhooks";

export interface WebhookDeliveryPolicy {
  /** One attempt gives up after this long. */
  timeoutMs: number;
  /** First retry after about this long, doubling each time (with jitter) up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A delivery gives up (and stays replayable) after this many attempts. */
  maxAttempts: number;
  /** The account's admins are told once an endpoint has failed this many times in a row over at least failingForMs. */
  noticeAfterFailures: number;
  failingForMs: number;
  /** After the notice, an endpoint that keeps failing this much longer is disabled. */
  disableAfterNoticeMs: number;
  batch: number;
  /** Jitter source in [0, 1); tests pass a fixed one. */
  random: () => number;
  /** Which addresses may receive deliveries; the process's own (from its environment) when absent. */
  destinations?: WebhookDestinationPolicy;
}

export const defaultWebhookPolicy: WebhookDeliveryPolicy = {
  timeoutMs: 10_000,
  baseDelayMs: 5_000,
  maxDelayMs: 60 * 60_000,
  // With the hourly cap, about three days of retries.
  maxAttempts: 80,
  noticeAfterFailures: 20,
  failingForMs: 24 * 60 * 60_000,
  disableAfterNoticeMs: 24 * 60 * 60_000,
  batch: 50,
  random: Math.random,
};

/** Exponential backoff with jitter: half of the doubled delay fixed, the other half random. */
export function webhookRetryDelay(attempt: number, policy: WebhookDeliveryPolicy): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential / 2 + (exponential / 2) * policy.random());
}

interface AttemptResult {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

/** At most this much of a receiver's answer is read; the rest is discarded with the connection. */
export const maxWebhookResponseBytes = 4096;

/** The delivery log's reason for any network failure: the same whatever the network answered. */
export const networkFailure = "The endpoint could not be reached or did not answer";

/** A refused destination: the delivery log says so without saying what the network answered. */
class RefusedDestination extends Error {}

/** A DNS lookup for the agent that refuses any disallowed address, so the connection goes to the checked address. */
function checkedLookup(policy: WebhookDestinationPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true, verbatim: true }, (error, addresses) => {
      if (error) {
        callback(error, "", 4);
        return;
      }
      const refused = addresses.find((a) => refuseAddress(a.address, policy) !== null);
      if (refused || addresses.length === 0) {
        callback(new RefusedDestination(`refused ${refused?.address ?? "no address"}`), "", 4);
        return;
      }
      if (options.all) {
        (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
        return;
      }
      const first = addresses[0] as LookupAddress;
      callback(null, first.address, first.family);
    });
  };
}

function sendRequest(
  url: URL,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
  policy: WebhookDestinationPolicy,
): Promise<number> {
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(
      url,
      {
        method: "POST",
        headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
        lookup: checkedLookup(policy),
        signal: AbortSignal.timeout(timeoutMs),
      },
      (response) => {
        let read = 0;
        const status = response.statusCode ?? 0;
        response.on("data", (chunk: Buffer) => {
          read += chunk.length;
          if (read >= maxWebhookResponseBytes) {
            response.destroy();
            resolve(status);
          }
        });
        response.on("end", () => resolve(status));
        response.on("error", () => resolve(status));
        response.on("close", () => resolve(status));
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

async function post(
  target: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
  policy: WebhookDestinationPolicy,
): Promise<AttemptResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  // The scheme and any IP literal are checked before a connection; names are checked as they resolve.
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return { ok: false, statusCode: null, error: "Destination refused: not a URL.", durationMs: elapsed() };
  }
  const refused = refuseWithoutLookup(url, policy);
  if (refused) {
    return { ok: false, statusCode: null, error: `Destination refused: the URL ${refused}.`, durationMs: elapsed() };
  }
  try {
    const status = await sendRequest(url, body, headers, timeoutMs, policy);
    const ok = status >= 200 && status < 300;
    return { ok, statusCode: status, error: ok ? null : `HTTP ${status}`, durationMs: elapsed() };
  } catch (error) {
    // One reason for every network failure (refused, reset, unreachable, timed out): the log that tenants read must not
    // tell a closed port from a filtered one.
    const reason =
      error instanceof RefusedDestination
        ? "Destination refused: the host resolves to an address webhooks are never delivered to."
        : `${networkFailure} (within ${timeoutMs} ms).`;
    return { ok: false, statusCode: null, error: reason, durationMs: elapsed() };
  }
}

/** Tells the account's admins (in-app and by email, whatever their preference) about their endpoint. */
async function noticeToAdmins(db: DbOrTx, endpoint: WebhookEndpointRow, title: string, body: string, at: Date) {
  const admins = (await findAccountRecipients(db, endpoint.accountId)).filter((u) => u.role === "admin");
  await insertNotifications(
    db,
    admins.map((u) => ({
      recipientId: u.id,
      accountId: endpoint.accountId,
      kind: "webhook.endpoint",
      title,
      body,
      createdAt: at,
    })),
  );
  await insertEmails(
    db,
    admins.map((u) => ({
      recipientId: u.id,
      toAddress: u.email,
      subject: `Portway: ${title}`,
      bodyText: [`Hello ${u.name},`, "", body, "", "Webhook settings: {{customer}}/account/webhooks"].join("\n"),
      kind: "WEBHOOK_NOTICE",
      nextAttemptAt: at,
      createdAt: at,
    })),
  );
}

/** Keeps the endpoint's failure streak; tells the admins, and only after that notice, disables it. */
async function recordEndpointOutcome(
  db: DbOrTx,
  endpointId: string,
  ok: boolean,
  now: Date,
  policy: WebhookDeliveryPolicy,
) {
  const endpoint = await lockWebhookEndpoint(db, endpointId);
  if (!endpoint) {
    return;
  }
  if (ok) {
    await updateWebhookEndpoint(db, endpointId, {
      failureStreak: 0,
      firstFailureAt: null,
      disableNoticeAt: null,
      lastSuccessAt: now,
    });
    return;
  }
  const streak = endpoint.failureStreak + 1;
  const since = endpoint.firstFailureAt ?? now;
  const update: Parameters<typeof updateWebhookEndpoint>[2] = { failureStreak: streak, firstFailureAt: since };
  const failingLongEnough =
    streak >= policy.noticeAfterFailures && now.getTime() - since.getTime() >= policy.failingForMs;
  if (failingLongEnough && endpoint.enabled) {
    if (!endpoint.disableNoticeAt) {
      update.disableNoticeAt = now;
      await noticeToAdmins(
        db,
        endpoint,
        `Webhook endpoint ${endpoint.url} keeps failing`,
        `The last ${streak} deliveries to ${endpoint.url} failed, since ${formatEt(since)}. ` +
          `If it keeps failing until ${formatEt(new Date(now.getTime() + policy.disableAfterNoticeMs))}, it will be ` +
          "disabled; events are kept and go out once it is enabled again.",
        now,
      );
    } else if (now.getTime() - endpoint.disableNoticeAt.getTime() >= policy.disableAfterNoticeMs) {
      const reason = `${streak} deliveries in a row failed since ${formatEt(since)}; disabled after the notice of ${formatEt(endpoint.disableNoticeAt)}.`;
      Object.assign(update, { enabled: false, disabledAt: now, disabledReason: reason });
      await noticeToAdmins(
        db,
        endpoint,
        `Webhook endpoint ${endpoint.url} was disabled`,
        `${reason} Deliveries are held, not dropped: enable the endpoint again to send them.`,
        now,
      );
    }
  }
  await updateWebhookEndpoint(db, endpointId, update);
}

interface Claimed {
  delivery: Awaited<ReturnType<typeof claimDueDeliveries>>[number]["delivery"];
  endpoint: WebhookEndpointRow;
  event: Awaited<ReturnType<typeof claimDueDeliveries>>[number]["event"];
}

/** Posts one signed delivery; the attempt's outcome (never thrown). */
function attemptDelivery(
  { delivery, endpoint, event }: Claimed,
  policy: WebhookDeliveryPolicy,
): Promise<AttemptResult> {
  const body = JSON.stringify(event.payload);
  // Transport time, not business time: the receiver checks it against its own clock.
  const signed = signWebhook({ secret: endpoint.secret, body, now: new Date() });
  return post(
    endpoint.url,
    body,
    {
      "content-type": "application/json",
      "user-agent": "Portway-Webhooks/1",
      [webhookHeaders.id]: event.id,
      [webhookHeaders.type]: event.type,
      [webhookHeaders.delivery]: delivery.id,
      [webhookHeaders.timestamp]: signed.timestamp,
      [webhookHeaders.signature]: signed.signature,
      // Standard Webhooks, so receivers verify with any standardwebhooks library (same event ID on retries).
      ...signStandardWebhook({ secret: endpoint.secret, id: event.id, body, now: new Date() }),
    },
    policy.timeoutMs,
    policy.destinations ?? webhookDestinationPolicy(),
  );
}

/** Records one attempt, the delivery's next step and its endpoint's streak, in one transaction of its own. */
async function recordAttempt(
  db: Db,
  claimed: Claimed,
  result: AttemptResult,
  at: Date,
  policy: WebhookDeliveryPolicy,
): Promise<void> {
  const { delivery, endpoint } = claimed;
  const attempt = delivery.attempts;
  const givesUp = !result.ok && attempt >= policy.maxAttempts;
  await db.transaction(async (tx) => {
    await insertWebhookAttempt(tx, {
      deliveryId: delivery.id,
      attempt,
      at,
      statusCode: result.statusCode,
      durationMs: result.durationMs,
      error: result.error,
    });
    await updateWebhookDelivery(tx, delivery.id, {
      status: result.ok ? "SUCCEEDED" : givesUp ? "FAILED" : "PENDING",
      lastStatusCode: result.statusCode,
      lastError: result.error,
      lastDurationMs: result.durationMs,
      ...(result.ok ? { deliveredAt: at } : {}),
      ...(result.ok || givesUp ? {} : { nextAttemptAt: new Date(at.getTime() + webhookRetryDelay(attempt, policy)) }),
    });
    await recordEndpointOutcome(tx, endpoint.id, result.ok, at, policy);
  });
}

export interface RoundResult {
  attempted: number;
  succeeded: number;
}

/**
 * Webhook delivery in per-endpoint lanes, so one endpoint never delays another's deliveries: each delivery is recorded
 * as soon as its own attempt ends, and while an endpoint has deliveries in flight (a slow or hanging receiver) it is not
 * claimed again, so the next rounds claim every other endpoint's due deliveries at once.
 */
export class WebhookDispatcher {
  private readonly lanes = new Map<string, Promise<void>>();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly policy: WebhookDeliveryPolicy = defaultWebhookPolicy,
    private readonly onAttempt: (ok: boolean) => void = () => undefined,
  ) {}

  /** Endpoints with deliveries in flight in this process. */
  get busyEndpoints(): number {
    return this.lanes.size;
  }

  /**
   * Claims the due deliveries of endpoints not in flight and starts them, without waiting for their receivers: `done`
   * settles when this round's deliveries are all recorded.
   */
  async tick(): Promise<{ started: number; done: Promise<RoundResult> }> {
    const claimedAt = this.clock.now();
    const claimed = await claimDueDeliveries(
      this.db,
      claimedAt,
      new Date(claimedAt.getTime() + this.policy.timeoutMs + 60_000),
      this.policy.batch,
      [...this.lanes.keys()],
    );
    const byEndpoint = new Map<string, Claimed[]>();
    for (const item of claimed) {
      byEndpoint.set(item.endpoint.id, [...(byEndpoint.get(item.endpoint.id) ?? []), item]);
    }
    const outcomes: Promise<boolean[]>[] = [];
    for (const [endpointId, items] of byEndpoint) {
      const lane = Promise.all(
        items.map(async (item) => {
          const result = await attemptDelivery(item, this.policy);
          await recordAttempt(this.db, item, result, this.clock.now(), this.policy);
          this.onAttempt(result.ok);
          return result.ok;
        }),
      );
      outcomes.push(lane);
      const settled = lane.then(
        () => undefined,
        () => undefined,
      );
      this.lanes.set(endpointId, settled);
      void settled.then(() => {
        if (this.lanes.get(endpointId) === settled) {
          this.lanes.delete(endpointId);
        }
      });
    }
    const done = Promise.all(outcomes).then((lanes) => {
      const all = lanes.flat();
      return { attempted: all.length, succeeded: all.filter(Boolean).length };
    });
    return { started: claimed.length, done };
  }

  /** Waits until every delivery in flight is recorded (the worker's stop). */
  async idle(): Promise<void> {
    while (this.lanes.size > 0) {
      await Promise.all(this.lanes.values());
    }
  }
}

/**
 * One round of webhook delivery: claims due deliveries, posts each signed payload at once, and records each attempt,
 * the delivery's next step and its endpoint's streak as soon as that attempt ends; resolves when all are recorded.
 */
export async function deliverDueWebhooks(
  db: Db,
  clock: Clock,
  policy: WebhookDeliveryPolicy = defaultWebhookPolicy,
): Promise<RoundResult> {
  const { done } = await new WebhookDispatcher(db, clock, policy).tick();
  return done;
}
