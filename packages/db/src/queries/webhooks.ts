import { and, asc, desc, eq, inArray, lte, notInArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { webhookAttempts, webhookDeliveries, webhookEndpoints, webhookEvents } from "../schema/index";
import { insertRows } from "./bulk";

export async function insertWebhookEndpoint(db: DbOrTx, row: typeof webhookEndpoints.$inferInsert) {
  const [inserted] = await db.insert(webhookEndpoints).values(row).returning();
  if (!inserted) {
    throw new Error("webhook endpoint not inserted");
  }
  return inserted;
}

export async function findWebhookEndpoints(db: DbOrTx, accountId: string) {
  return db
    .select()
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.accountId, accountId))
    .orderBy(asc(webhookEndpoints.createdAt), asc(webhookEndpoints.id));
}

/** One endpoint of one account; another account's endpoint is not found. */
export async function findWebhookEndpoint(db: DbOrTx, where: { accountId: string; endpointId: string }) {
  const rows = await db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, where.endpointId), eq(webhookEndpoints.accountId, where.accountId)))
    .limit(1);
  return rows[0] ?? null;
}

export async function lockWebhookEndpoint(db: DbOrTx, endpointId: string) {
  const rows = await db
    .select()
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.id, endpointId))
    .limit(1)
    .for("update");
  return rows[0] ?? null;
}

export async function updateWebhookEndpoint(
  db: DbOrTx,
  endpointId: string,
  values: Partial<typeof webhookEndpoints.$inferInsert>,
) {
  const [row] = await db.update(webhookEndpoints).set(values).where(eq(webhookEndpoints.id, endpointId)).returning();
  return row ?? null;
}

export async function insertWebhookEvent(db: DbOrTx, row: typeof webhookEvents.$inferInsert) {
  await insertWebhookEvents(db, [row]);
}

export async function insertWebhookEvents(db: DbOrTx, rows: (typeof webhookEvents.$inferInsert)[]) {
  await insertRows(db, webhookEvents, rows);
}

export async function findWebhookEvent(db: DbOrTx, where: { accountId: string; eventId: string }) {
  const rows = await db
    .select()
    .from(webhookEvents)
    .where(and(eq(webhookEvents.id, where.eventId), eq(webhookEvents.accountId, where.accountId)))
    .limit(1);
  return rows[0] ?? null;
}

export async function insertWebhookDeliveries(db: DbOrTx, rows: (typeof webhookDeliveries.$inferInsert)[]) {
  const returned = await insertRows(db, webhookDeliveries, rows, sql`id`);
  return returned.map((row) => ({ id: row.id as string }));
}

/**
 * Claims due deliveries of enabled endpoints: pushes their next attempt past a lease (longer than one attempt), so
 * a crashed worker's claims come due again and two workers never send the same attempt.
 */
/** Claims due deliveries of enabled endpoints, leaving out `busyEndpointIds` (deliveries of theirs in flight). */
export async function claimDueDeliveries(
  db: DbOrTx,
  now: Date,
  leaseUntil: Date,
  limit: number,
  busyEndpointIds: readonly string[] = [],
) {
  const due = db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(
      and(
        eq(webhookDeliveries.status, "PENDING"),
        lte(webhookDeliveries.nextAttemptAt, now),
        eq(webhookEndpoints.enabled, true),
        busyEndpointIds.length > 0 ? notInArray(webhookDeliveries.endpointId, [...busyEndpointIds]) : undefined,
      ),
    )
    .orderBy(asc(webhookDeliveries.nextAttemptAt))
    .limit(limit)
    .for("update", { of: webhookDeliveries, skipLocked: true });
  const claimed = await db
    .update(webhookDeliveries)
    .set({ nextAttemptAt: leaseUntil, attempts: sql`${webhookDeliveries.attempts} + 1` })
    .where(inArray(webhookDeliveries.id, due))
    .returning();
  if (claimed.length === 0) {
    return [];
  }
  const endpointIds = [...new Set(claimed.map((d) => d.endpointId))];
  const eventIds = [...new Set(claimed.map((d) => d.eventId))];
  const [endpoints, events] = await Promise.all([
    db.select().from(webhookEndpoints).where(inArray(webhookEndpoints.id, endpointIds)),
    db.select().from(webhookEvents).where(inArray(webhookEvents.id, eventIds)),
  ]);
  const endpointById = new Map(endpoints.map((e) => [e.id, e]));
  const eventById = new Map(events.map((e) => [e.id, e]));
  return claimed.flatMap((delivery) => {
    const endpoint = endpointById.get(delivery.endpointId);
    const event = eventById.get(delivery.eventId);
    return endpoint && event ? [{ delivery, endpoint, event }] : [];
  });
}

export async function insertWebhookAttempt(db: DbOrTx, row: typeof webhookAttempts.$inferInsert) {
  await db.insert(webhookAttempts).values(row);
}

export async function updateWebhookDelivery(
  db: DbOrTx,
  deliveryId: string,
  values: Partial<typeof webhookDeliveries.$inferInsert>,
) {
  await db.update(webhookDeliveries).set(values).where(eq(webhookDeliveries.id, deliveryId));
}

/** The delivery log of one endpoint, newest first, with each event's type. */
export async function findEndpointDeliveries(
  db: DbOrTx,
  where: { accountId: string; endpointId: string; limit: number; offset: number },
) {
  return db
    .select({
      id: webhookDeliveries.id,
      eventId: webhookDeliveries.eventId,
      eventType: webhookEvents.type,
      orderId: webhookEvents.orderId,
      occurredAt: webhookEvents.occurredAt,
      status: webhookDeliveries.status,
      replay: webhookDeliveries.replay,
      attempts: webhookDeliveries.attempts,
      nextAttemptAt: webhookDeliveries.nextAttemptAt,
      lastStatusCode: webhookDeliveries.lastStatusCode,
      lastError: webhookDeliveries.lastError,
      lastDurationMs: webhookDeliveries.lastDurationMs,
      createdAt: webhookDeliveries.createdAt,
      deliveredAt: webhookDeliveries.deliveredAt,
    })
    .from(webhookDeliveries)
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
    .where(and(eq(webhookDeliveries.endpointId, where.endpointId), eq(webhookDeliveries.accountId, where.accountId)))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(where.limit)
    .offset(where.offset);
}

export async function findDeliveryAttempts(db: DbOrTx, deliveryIds: string[]) {
  if (deliveryIds.length === 0) {
    return [];
  }
  return db
    .select()
    .from(webhookAttempts)
    .where(inArray(webhookAttempts.deliveryId, deliveryIds))
    .orderBy(asc(webhookAttempts.deliveryId), asc(webhookAttempts.attempt));
}

export async function findDeliveriesOfEvent(db: DbOrTx, eventId: string) {
  return db
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.eventId, eventId))
    .orderBy(asc(webhookDeliveries.createdAt));
}
