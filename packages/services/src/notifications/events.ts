import { randomUUID } from "node:crypto";
import type { OrderStatus, PortOrder } from "@portway/domain";
import { signCallback, verifyCallbackSignature } from "@portway/partner";

/** What a webhook endpoint can subscribe to; in-app notifications use the same kinds. */
export const webhookEventTypes = [
  "order.status_changed",
  "order.rejected",
  "order.foc",
  "order.note_added",
  "ticket.replied",
  "manual_request.resolved",
  "loa.signed",
] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];
/** Sent only by the "send test event" button. */
export const testEventType = "webhook.test";

export const webhookEventDescriptions: Record<WebhookEventType, string> = {
  "order.status_changed": "An order moved to another status (submitted, CSR review, completed, cancelled…).",
  "order.rejected": "The losing carrier or partner rejected an order; the payload carries every rejection.",
  "order.foc": "A FOC date was confirmed or changed.",
  "order.note_added": "A customer-visible note was added (porting team, partner message, CSR).",
  "ticket.replied": "The porting team answered one of your tickets.",
  "manual_request.resolved": "A short-notice change handled by the porting team was accepted or refused.",
  "loa.signed": "The authorizing person signed an LOA online through a signing link; the signed copy is on the order.",
};

/** The full order as a webhook receiver sees it: enough to act without fetching it again. */
export interface OrderSummary {
  id: string;
  status: OrderStatus;
  portType: string | null;
  pon: string | null;
  focAt: string | null;
  customerReference: string | null;
  version: number;
  tnCount: number;
  tns: { tn: string; status: string; excludedReason: string | null }[];
  rejections: { code: string; reason: string; title: string; text: string }[];
  updatedAt: string;
}

export function orderSummary(order: PortOrder, row: { customerReference: string | null }, at: Date): OrderSummary {
  return {
    id: order.id,
    status: order.status,
    portType: order.portType,
    pon: order.pon,
    focAt: order.focAt,
    customerReference: row.customerReference,
    version: order.version,
    tnCount: order.lines.filter((l) => l.status !== "EXCLUDED").length,
    tns: order.lines.map((l) => ({ tn: l.tn, status: l.status, excludedReason: l.excludedReason ?? null })),
    rejections: order.rejections.map((r) => ({ code: r.code, reason: r.reason, title: r.title, text: r.rawText })),
    updatedAt: at.toISOString(),
  };
}

export interface WebhookPayload {
  id: string;
  type: string;
  occurredAt: string;
  accountId: string;
  data: Record<string, unknown>;
}

export function newEventId(): string {
  return randomUUID();
}

/** Header names of our webhooks (lower case). */
export const webhookHeaders = {
  id: "portway-event-id",
  type: "portway-event-type",
  timestamp: "portway-timestamp",
  signature: "portway-signature",
  delivery: "portway-delivery-id",
} as const;

/**
 * Signs a webhook body like the partner's callbacks: `sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">`, the
 * timestamp in unix seconds of transport time.
 */
export function signWebhook(input: { secret: string; body: string; now: Date }) {
  const signed = signCallback({ secret: input.secret, rawBody: input.body, now: input.now });
  return { timestamp: signed.timestamp, signature: signed.signature };
}

/** What a receiver does (and our tests do): check the signature of a received webhook. */
export function verifyWebhook(input: {
  secret: string | readonly string[];
  body: string;
  timestamp: string | null | undefined;
  signature: string | null | undefined;
  now: Date;
  toleranceMs?: number;
}) {
  return verifyCallbackSignature({
    secret: input.secret,
    rawBody: input.body,
    timestamp: input.timestamp,
    signature: input.signature,
    now: input.now,
    ...(input.toleranceMs !== undefined ? { toleranceMs: input.toleranceMs } : {}),
  });
}
