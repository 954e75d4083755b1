import { partnerHeaders, signCallback } from "@portway/partner";
import type { SimClock } from "../clock";
import type { SimDatabase } from "../store/database";

export interface DeliveryOptions {
  db: SimDatabase;
  clock: SimClock;
  secret: string;
  fetch: typeof fetch;
  realNow: () => number;
  timeoutMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
  log: (line: string) => void;
}

interface DueDelivery {
  id: string;
  order_id: string;
  callback_url: string;
  attempts: number;
  body: string;
  event_id: string;
}

const parallelOrders = 16;

/**
 * Sends every callback that is due: by simulated time it was emitted, by real time its retry is due, and it is
 * not held back for reordering. One order's callbacks go one after another in sequence; orders go in parallel.
 * A failed delivery is retried with exponential backoff (real time) until Portway answers 2xx.
 */
export async function deliverDueCallbacks(options: DeliveryOptions): Promise<{ delivered: number; failed: number }> {
  let delivered = 0;
  let failed = 0;
  // Each pass may release callbacks held back for reordering; a few passes settle everything that is due.
  for (let pass = 0; pass < 10; pass += 1) {
    const due = await options.db.query<DueDelivery>(
      options.db.pool,
      `SELECT d.id, d.order_id, d.callback_url, d.attempts, e.body, e.event_id
         FROM sim.deliveries d JOIN sim.events e ON e.event_id = d.event_id
        WHERE d.delivered_at IS NULL AND NOT d.dropped AND d.next_attempt_at <= $1 AND e.occurred_at <= $2
          AND (d.held_until IS NULL OR d.held_until <= $2 OR EXISTS (
                SELECT 1 FROM sim.deliveries later
                 WHERE later.order_id = d.order_id AND later.sequence > d.sequence AND later.delivered_at IS NOT NULL))
        ORDER BY e.occurred_at, d.order_id, d.sequence, d.copy
        LIMIT 1000`,
      [new Date(options.realNow()), options.clock.now()],
    );
    if (due.rows.length === 0) {
      break;
    }
    const byOrder = new Map<string, DueDelivery[]>();
    for (const row of due.rows) {
      byOrder.set(row.order_id, [...(byOrder.get(row.order_id) ?? []), row]);
    }
    const queues = [...byOrder.values()];
    const worker = async () => {
      for (let queue = queues.shift(); queue; queue = queues.shift()) {
        for (const delivery of queue) {
          if (await deliverOne(options, delivery)) {
            delivered += 1;
          } else {
            failed += 1;
          }
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(parallelOrders, queues.length) }, worker));
  }
  return { delivered, failed };
}

async function deliverOne(options: DeliveryOptions, delivery: DueDelivery): Promise<boolean> {
  const signed = signCallback({ secret: options.secret, rawBody: delivery.body, now: new Date(options.realNow()) });
  let status: number | null = null;
  let error: string | null = null;
  try {
    const response = await options.fetch(delivery.callback_url, {
      method: "POST",
      headers: { "content-type": "application/json", [partnerHeaders.eventId]: delivery.event_id, ...signed.headers },
      body: delivery.body,
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    status = response.status;
    await response.arrayBuffer().catch(() => undefined);
    if (!response.ok) {
      error = `HTTP ${response.status}`;
    }
  } catch (cause) {
    error = cause instanceof Error ? cause.message : String(cause);
  }
  const attempts = delivery.attempts + 1;
  if (error === null) {
    await options.db.query(
      options.db.pool,
      "UPDATE sim.deliveries SET attempts = $2, delivered_at = $3, last_status = $4, last_error = NULL WHERE id = $1",
      [delivery.id, attempts, new Date(options.realNow()), status],
    );
    return true;
  }
  const delayMs = Math.min(options.retryMaxMs, options.retryBaseMs * 2 ** (attempts - 1));
  // Half fixed, half jitter: never immediate, yet many failed callbacks do not retry in lockstep.
  const nextAttempt = new Date(options.realNow() + delayMs / 2 + Math.random() * (delayMs / 2));
  await options.db.query(
    options.db.pool,
    "UPDATE sim.deliveries SET attempts = $2, next_attempt_at = $3, last_status = $4, last_error = $5 WHERE id = $1",
    [delivery.id, attempts, nextAttempt, status, error],
  );
  if (attempts === 1 || attempts % 10 === 0) {
    options.log(`callback ${delivery.event_id} to ${delivery.callback_url} failed (${error}), attempt ${attempts}`);
  }
  return false;
}
