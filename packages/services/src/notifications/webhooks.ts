import { randomBytes } from "node:crypto";
import {
  type Db,
  findDeliveryAttempts,
  findEndpointDeliveries,
  findWebhookEndpoint,
  findWebhookEndpoints,
  findWebhookEvent,
  insertWebhookDeliveries,
  insertWebhookEndpoint,
  insertWebhookEvent,
  updateWebhookEndpoint,
  type WebhookEndpointRow,
} from "@portway/db";
import { idInput, textInput } from "@portway/domain";
import { z } from "zod";
import type { Clock } from "../clock";
import { type WebhookDestinationPolicy, webhookDestinationPolicy } from "../config/webhook-env";
import { notFound, ServiceError } from "../errors";
import type { CustomerIdentity } from "../identity";
import { requireAllowedDestination } from "./destination";
import { newEventId, testEventType, type WebhookEventType, type WebhookPayload, webhookEventTypes } from "./events";

const webhookUrl = z
  .string()
  .trim()
  .min(1, { message: "Enter the URL that receives the events." })
  .max(2000, { message: "A URL may be at most 2,000 characters." })
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return (url.protocol === "https:" || url.protocol === "http:") && url.hostname.length > 0;
      } catch {
        return false;
      }
    },
    { message: "Enter a full http:// or https:// URL, e.g. https://example.com/portway/events." },
  );

export const webhookEndpointInput = z.object({
  url: webhookUrl,
  description: textInput(200, "A description").default(""),
  eventTypes: z
    .array(z.enum(webhookEventTypes, { message: "Unknown event type." }))
    .min(1, { message: "Choose at least one event type." }),
});
export const endpointRef = z.object({ endpointId: idInput("The endpoint id") });
export const webhookEndpointUpdateInput = endpointRef.extend(webhookEndpointInput.shape);
export const endpointEnabledInput = endpointRef.extend({ enabled: z.boolean() });
export const deliveryLogInput = endpointRef.extend({
  page: z.int().min(0).default(0),
  pageSize: z.int().min(1).max(100).default(25),
});
export const replayInput = endpointRef.extend({ eventId: idInput("The event id") });

function newSecret(): string {
  // Standard base64, as the Standard Webhooks specification reads whsec_ secrets.
  return `whsec_${randomBytes(32).toString("base64")}`;
}

/**
 * Webhook configuration (endpoint URLs, their delivery logs, every change) is an account admin's: a signed-in admin, or
 * an API key an admin created with the admin role. Members and member keys are refused before anything is looked up.
 */
export function requireWebhookAdmin(who: CustomerIdentity) {
  if (who.apiKey ? who.apiKey.role !== "admin" : who.role !== "admin") {
    throw new ServiceError(
      "FORBIDDEN",
      "ADMIN_ONLY",
      who.apiKey
        ? "Only an admin API key may see or change webhooks; an account admin can create one in Settings → API keys."
        : "Only an account admin may see or change webhooks.",
    );
  }
}

/**
 * What every answer but create and rotate shows: the endpoint without its secret, nor any part of it. The secret stays
 * stored because each delivery is signed with it (HMAC), but it is answered only once, when it is made.
 */
function publicEndpoint(row: WebhookEndpointRow) {
  const { secret: _secret, ...rest } = row;
  const eventTypes = row.eventTypes.filter((t): t is WebhookEventType =>
    (webhookEventTypes as readonly string[]).includes(t),
  );
  return { ...rest, eventTypes };
}

async function requireEndpoint(db: Db, who: CustomerIdentity, endpointId: string) {
  const endpoint = await findWebhookEndpoint(db, { accountId: who.accountId, endpointId });
  if (!endpoint) {
    throw notFound("The webhook endpoint");
  }
  return endpoint;
}

export async function listWebhookEndpoints(db: Db, who: CustomerIdentity) {
  requireWebhookAdmin(who);
  return (await findWebhookEndpoints(db, who.accountId)).map(publicEndpoint);
}

export async function getWebhookEndpoint(db: Db, who: CustomerIdentity, input: z.infer<typeof endpointRef>) {
  requireWebhookAdmin(who);
  return publicEndpoint(await requireEndpoint(db, who, input.endpointId));
}

export async function createWebhookEndpoint(
  db: Db,
  clock: Clock,
  who: CustomerIdentity,
  input: z.infer<typeof webhookEndpointInput>,
  destinations: WebhookDestinationPolicy = webhookDestinationPolicy(),
) {
  requireWebhookAdmin(who);
  await requireAllowedDestination(input.url, destinations);
  const now = clock.now();
  const row = await insertWebhookEndpoint(db, {
    accountId: who.accountId,
    url: input.url,
    description: input.description,
    eventTypes: [...new Set(input.eventTypes)],
    secret: newSecret(),
    createdBy: who.userId,
    createdAt: now,
    updatedAt: now,
  });
  // The one answer besides rotate's that carries the secret.
  return { ...publicEndpoint(row), secret: row.secret };
}

export async function updateWebhookEndpointOf(
  db: Db,
  clock: Clock,
  who: CustomerIdentity,
  input: z.infer<typeof webhookEndpointUpdateInput>,
  destinations: WebhookDestinationPolicy = webhookDestinationPolicy(),
) {
  requireWebhookAdmin(who);
  await requireEndpoint(db, who, input.endpointId);
  await requireAllowedDestination(input.url, destinations);
  const row = await updateWebhookEndpoint(db, input.endpointId, {
    url: input.url,
    description: input.description,
    eventTypes: [...new Set(input.eventTypes)],
    updatedAt: clock.now(),
  });
  if (!row) {
    throw notFound("The webhook endpoint");
  }
  return publicEndpoint(row);
}

/** A new secret takes effect at once: deliveries from now on are signed with it. It is answered here only. */
export async function rotateWebhookSecret(
  db: Db,
  clock: Clock,
  who: CustomerIdentity,
  input: z.infer<typeof endpointRef>,
) {
  requireWebhookAdmin(who);
  await requireEndpoint(db, who, input.endpointId);
  const secret = newSecret();
  await updateWebhookEndpoint(db, input.endpointId, { secret, updatedAt: clock.now() });
  return { secret };
}

/** Turning an endpoint on again clears its failure streak; held deliveries then go out. */
export async function setWebhookEndpointEnabled(
  db: Db,
  clock: Clock,
  who: CustomerIdentity,
  input: z.infer<typeof endpointEnabledInput>,
) {
  requireWebhookAdmin(who);
  await requireEndpoint(db, who, input.endpointId);
  const now = clock.now();
  const row = await updateWebhookEndpoint(
    db,
    input.endpointId,
    input.enabled
      ? {
          enabled: true,
          failureStreak: 0,
          firstFailureAt: null,
          disableNoticeAt: null,
          disabledAt: null,
          disabledReason: null,
          updatedAt: now,
        }
      : { enabled: false, disabledAt: now, disabledReason: `Turned off by ${who.name}.`, updatedAt: now },
  );
  if (!row) {
    throw notFound("The webhook endpoint");
  }
  return publicEndpoint(row);
}

/** Queues a `webhook.test` event to this one endpoint; the worker delivers it like any other. */
export async function sendWebhookTestEvent(
  db: Db,
  clock: Clock,
  who: CustomerIdentity,
  input: z.infer<typeof endpointRef>,
) {
  requireWebhookAdmin(who);
  const endpoint = await requireEndpoint(db, who, input.endpointId);
  const now = clock.now();
  const id = newEventId();
  const payload: WebhookPayload = {
    id,
    type: testEventType,
    occurredAt: now.toISOString(),
    accountId: who.accountId,
    data: { message: "A test event sent from the Portway customer portal.", endpointId: endpoint.id, sentBy: who.name },
  };
  return db.transaction(async (tx) => {
    await insertWebhookEvent(tx, {
      id,
      accountId: who.accountId,
      type: testEventType,
      payload: payload as unknown as Record<string, unknown>,
      occurredAt: now,
    });
    const [delivery] = await insertWebhookDeliveries(tx, [
      { eventId: id, endpointId: endpoint.id, accountId: who.accountId, nextAttemptAt: now, createdAt: now },
    ]);
    return { eventId: id, deliveryId: delivery?.id ?? null, queued: endpoint.enabled };
  });
}

/** Delivers an event of this account again to the endpoint, with the same event ID and payload. */
export async function replayWebhookEvent(
  db: Db,
  clock: Clock,
  who: CustomerIdentity,
  input: z.infer<typeof replayInput>,
) {
  requireWebhookAdmin(who);
  const endpoint = await requireEndpoint(db, who, input.endpointId);
  const event = await findWebhookEvent(db, { accountId: who.accountId, eventId: input.eventId });
  if (!event) {
    throw notFound("The event");
  }
  const now = clock.now();
  const [delivery] = await insertWebhookDeliveries(db, [
    {
      eventId: event.id,
      endpointId: endpoint.id,
      accountId: who.accountId,
      replay: true,
      nextAttemptAt: now,
      createdAt: now,
    },
  ]);
  return { eventId: event.id, deliveryId: delivery?.id ?? null };
}

/** An endpoint's deliveries, newest first, each with every attempt (response code, duration, error). */
export async function webhookDeliveryLog(db: Db, who: CustomerIdentity, input: z.infer<typeof deliveryLogInput>) {
  requireWebhookAdmin(who);
  await requireEndpoint(db, who, input.endpointId);
  const deliveries = await findEndpointDeliveries(db, {
    accountId: who.accountId,
    endpointId: input.endpointId,
    limit: input.pageSize + 1,
    offset: input.page * input.pageSize,
  });
  const page = deliveries.slice(0, input.pageSize);
  const attempts = await findDeliveryAttempts(
    db,
    page.map((d) => d.id),
  );
  return {
    items: page.map((d) => ({
      ...d,
      attemptLog: attempts
        .filter((a) => a.deliveryId === d.id)
        .map((a) => ({
          attempt: a.attempt,
          at: a.at,
          statusCode: a.statusCode,
          durationMs: a.durationMs,
          error: a.error,
        })),
    })),
    hasMore: deliveries.length > input.pageSize,
  };
}

/** The stored payload of one event of this account, as it was (and is) delivered. */
export async function getWebhookEventPayload(db: Db, who: CustomerIdentity, input: { eventId: string }) {
  const event = await findWebhookEvent(db, { accountId: who.accountId, eventId: input.eventId });
  if (!event) {
    throw notFound("The event");
  }
  return { id: event.id, type: event.type, payload: event.payload };
}
