import { randomUUID } from "node:crypto";
import { type PartnerEvent, partnerEventSchema } from "@portway/partner";
import { reorderHoldMs } from "../behaviour/timeline";
import { decideFraction } from "../faults";
import type { Queryable } from "../store/database";
import type { EngineContext, OrderRow } from "./types";

type BaseField = "eventId" | "orderId" | "clientOrderId" | "portType" | "sequence" | "occurredAt";
/** An event as the behaviour writes it; emitEvent adds the envelope. */
export type EventFields = PartnerEvent extends infer E ? (E extends PartnerEvent ? Omit<E, BaseField> : never) : never;

/**
 * Records one event of an order (next sequence) and queues its callback, applying the fault settings: a dropped
 * callback is recorded but never sent, a duplicated one is queued twice, a reordered one waits for the order's
 * next callback. The caller holds the order's row lock and saves the order afterwards.
 */
export async function emitEvent(
  ctx: EngineContext,
  client: Queryable,
  order: OrderRow,
  fields: EventFields,
  occurredAt: Date,
): Promise<PartnerEvent> {
  const sequence = order.last_sequence + 1;
  order.last_sequence = sequence;
  const event = partnerEventSchema.parse({
    eventId: randomUUID(),
    orderId: order.order_id,
    clientOrderId: order.client_order_id,
    portType: order.port_type,
    sequence,
    occurredAt: occurredAt.toISOString(),
    ...fields,
  });
  await ctx.db.query(
    client,
    "INSERT INTO sim.events (event_id, order_id, sequence, type, body, occurred_at) VALUES ($1, $2, $3, $4, $5, $6)",
    [event.eventId, order.order_id, sequence, event.type, JSON.stringify(event), occurredAt],
  );
  const faults = ctx.faults();
  const chance = (decision: string) => decideFraction(faults.seed, order.order_id, sequence, decision);
  const dropped = chance("drop") < faults.dropRate;
  const heldUntil =
    !dropped && chance("reorder") < faults.reorderRate ? new Date(occurredAt.getTime() + reorderHoldMs) : null;
  const copies = !dropped && chance("duplicate") < faults.duplicateRate ? [0, 1] : [0];
  for (const copy of copies) {
    await ctx.db.query(
      client,
      `INSERT INTO sim.deliveries (event_id, order_id, sequence, callback_url, copy, dropped, held_until)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [event.eventId, order.order_id, sequence, order.data.callbackUrl, copy, dropped, heldUntil],
    );
  }
  return event;
}
