import { randomUUID } from "node:crypto";
import {
  activateRequestSchema,
  createOrderRequestSchema,
  type PartnerOrder,
  partnerEventSchema,
  suppRequestSchema,
} from "@portway/partner";
import type { z } from "zod";
import { deriveAccountRecord } from "../behaviour/account-record";
import { activationBatchSize, timeline } from "../behaviour/timeline";
import { startOfEtDay } from "../et-time";
import type { Queryable } from "../store/database";
import { emitEvent } from "./emit";
import { startCsrPhase } from "./lifecycle";
import { hashRequest, lockOrder, saveOrder, scheduleTimer } from "./order-rows";
import { type ApiResult, type EngineContext, makeApiError, type OrderRow, type OrderState } from "./types";

function invalid(error: z.ZodError): ApiResult {
  const details = error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
  return makeApiError(422, "VALIDATION_FAILED", "The request does not match the partner's schema.", details);
}

const notFound = (orderId: string) => makeApiError(404, "NOT_FOUND", `No order ${orderId}.`);

/** POST /v1/orders: one order per idempotency key; a repeat answers with the same order and is counted. */
export async function createOrder(ctx: EngineContext, idempotencyKey: string, body: unknown): Promise<ApiResult> {
  const parsed = createOrderRequestSchema.safeParse(body);
  if (!parsed.success) {
    return invalid(parsed.error);
  }
  const data = parsed.data;
  const hash = hashRequest(data);
  return ctx.db.transaction(async (client) => {
    const now = ctx.clock.now();
    const initialState: OrderState = {
      rejected: false,
      focAt: null,
      reschedulesAfterFoc: 0,
      supp: null,
      activated: {},
    };
    const inserted = await ctx.db.query<OrderRow>(
      client,
      `INSERT INTO sim.orders (order_id, client_order_id, port_type, idempotency_key, request_hash, status, data, record,
         state, created_at, updated_at)
       VALUES (${orderIdExpression(data.portType)}, $2, $3, $4, $5, 'SUBMITTED', $6, $7, $8, $9, $9)
       ON CONFLICT (idempotency_key) DO NOTHING RETURNING *`,
      [
        data.portType === "AUTOMATED" ? "" : `ON${data.losingCarrier.spid}-`,
        data.clientOrderId,
        data.portType,
        idempotencyKey,
        hash,
        JSON.stringify(data),
        JSON.stringify(deriveAccountRecord(data)),
        JSON.stringify(initialState),
        now,
      ],
    );
    const created = inserted.rows[0];
    if (created) {
      await startCsrPhase(ctx, client, created, now);
      const response = {
        orderId: created.order_id,
        portType: data.portType,
        status: "SUBMITTED",
        createdAt: now.toISOString(),
      };
      return { ok: true, status: 201, body: { ...response, replayed: false }, replayed: false } as const;
    }
    const existing = await ctx.db.query<OrderRow>(
      client,
      "SELECT * FROM sim.orders WHERE idempotency_key = $1 FOR UPDATE",
      [idempotencyKey],
    );
    const order = existing.rows[0];
    if (!order) {
      return makeApiError(500, "INTERNAL", "The idempotency key vanished during the request.");
    }
    if (order.request_hash !== hash) {
      return makeApiError(409, "IDEMPOTENCY_KEY_REUSED", "This idempotency key was used for a different order.");
    }
    await ctx.db.query(client, "UPDATE sim.orders SET create_requests = create_requests + 1 WHERE order_id = $1", [
      order.order_id,
    ]);
    const body = {
      orderId: order.order_id,
      portType: order.port_type,
      status: order.status,
      createdAt: order.created_at.toISOString(),
      replayed: true,
    };
    return { ok: true, status: 200, body, replayed: true } as const;
  });
}

/**
 * The next order ID, drawn inside the insert after the prefix in $1: a 9-digit parent order ID (no prefix), or an
 * on-net LSR number (prefix `ON<SPID>-`).
 */
function orderIdExpression(portType: string): string {
  return portType === "AUTOMATED"
    ? "$1::text || lpad(nextval('sim.parent_order_id_seq')::text, 9, '0')"
    : "$1::text || lpad(nextval('sim.lsr_seq')::text, 7, '0')";
}

/**
 * Runs a mutating operation on one order under its row lock, answering a repeated idempotency key with the stored
 * answer. Refusals are not stored: they change nothing, and a retry should see the order as it is then.
 */
async function mutateOrder(
  ctx: EngineContext,
  operation: "supp" | "activate",
  orderId: string,
  idempotencyKey: string,
  hash: string,
  work: (client: Queryable, order: OrderRow) => Promise<ApiResult>,
): Promise<ApiResult> {
  return ctx.db.transaction(async (client) => {
    const order = await lockOrder(ctx, client, orderId);
    if (!order) {
      return notFound(orderId);
    }
    const previous = await ctx.db.query<{ order_id: string; request_hash: string; response: unknown }>(
      client,
      "SELECT order_id, request_hash, response FROM sim.requests WHERE operation = $1 AND idempotency_key = $2",
      [operation, idempotencyKey],
    );
    const stored = previous.rows[0];
    if (stored) {
      if (stored.order_id !== orderId || stored.request_hash !== hash) {
        return makeApiError(409, "IDEMPOTENCY_KEY_REUSED", "This idempotency key was used for a different request.");
      }
      await ctx.db.query(
        client,
        "UPDATE sim.requests SET requests = requests + 1 WHERE operation = $1 AND idempotency_key = $2",
        [operation, idempotencyKey],
      );
      return { ok: true, status: 202, body: stored.response, replayed: true };
    }
    const result = await work(client, order);
    if (result.ok) {
      await ctx.db.query(
        client,
        `INSERT INTO sim.requests (operation, idempotency_key, order_id, request_hash, response)
         VALUES ($1, $2, $3, $4, $5)`,
        [operation, idempotencyKey, orderId, hash, JSON.stringify(result.body)],
      );
    }
    return result;
  });
}

/** POST /v1/orders/:orderId/supps: accepted for processing; the LSP's answer comes as a callback. */
export async function submitSupp(ctx: EngineContext, orderId: string, idempotencyKey: string, body: unknown) {
  const parsed = suppRequestSchema.safeParse(body);
  if (!parsed.success) {
    return invalid(parsed.error);
  }
  const request = parsed.data;
  return mutateOrder(ctx, "supp", orderId, idempotencyKey, hashRequest(request), async (client, order) => {
    if (["ACTIVATED", "CANCELLED", "PARTIALLY_ACTIVATED"].includes(order.status)) {
      return makeApiError(409, "INVALID_STATE", `Order ${orderId} is ${order.status}; it takes no SUPP.`);
    }
    if (order.state.supp) {
      return makeApiError(409, "SUPP_IN_FLIGHT", `SUPP ${order.state.supp.suppId} is still in flight.`);
    }
    const now = ctx.clock.now();
    const suppId = `supp-${randomUUID()}`;
    const resolveAt = new Date(now.getTime() + timeline[order.port_type].suppMs);
    order.state.supp = { suppId, type: request.type, request, resolveAt: resolveAt.toISOString() };
    await scheduleTimer(ctx, client, order, "supp", resolveAt);
    await saveOrder(ctx, client, order);
    const response = { suppId, orderId, type: request.type, status: "PENDING", receivedAt: now.toISOString() };
    return { ok: true, status: 202, body: response, replayed: false };
  });
}

/** POST /v1/orders/:orderId/activate: from the start of the FOC day (ET); confirmed per TN by ACTIVATED callbacks. */
export async function activateOrder(ctx: EngineContext, orderId: string, idempotencyKey: string, body: unknown) {
  const parsed = activateRequestSchema.safeParse(body ?? {});
  if (!parsed.success) {
    return invalid(parsed.error);
  }
  const request = parsed.data;
  return mutateOrder(ctx, "activate", orderId, idempotencyKey, hashRequest(request), async (client, order) => {
    if (order.status !== "FOC" && order.status !== "PARTIALLY_ACTIVATED") {
      return makeApiError(
        409,
        "INVALID_STATE",
        `Order ${orderId} is ${order.status}; only an order with an FOC activates.`,
      );
    }
    if (order.state.supp) {
      return makeApiError(409, "SUPP_IN_FLIGHT", `SUPP ${order.state.supp.suppId} is still in flight.`);
    }
    const now = ctx.clock.now();
    const focAt = new Date(order.state.focAt ?? order.data.requestedFocAt);
    if (now < startOfEtDay(focAt)) {
      return makeApiError(409, "TOO_EARLY", `Activation opens on the FOC day (${focAt.toISOString()}).`);
    }
    const unknown = (request.tns ?? []).filter((tn) => !order.data.tns.includes(tn));
    if (unknown.length > 0) {
      return makeApiError(422, "VALIDATION_FAILED", "Some TNs are not on this order.", { tns: unknown });
    }
    const pending = (request.tns ?? order.data.tns).filter((tn) => !(tn in order.state.activated));
    if (pending.length === 0) {
      return makeApiError(409, "INVALID_STATE", "Every requested TN is already activated.");
    }
    const activationId = `act-${randomUUID()}`;
    for (let start = 0; start < pending.length; start += activationBatchSize) {
      const tns = pending.slice(start, start + activationBatchSize);
      for (const tn of tns) {
        order.state.activated[tn] = now.toISOString();
      }
      const remainingTns = order.data.tns.filter((tn) => !(tn in order.state.activated)).length;
      order.status = remainingTns === 0 ? "ACTIVATED" : "PARTIALLY_ACTIVATED";
      const fields = { type: "ACTIVATED", activationId, tns, activatedAt: now.toISOString(), remainingTns } as const;
      await emitEvent(ctx, client, order, fields, now);
    }
    await saveOrder(ctx, client, order);
    return {
      ok: true,
      status: 202,
      body: { activationId, orderId, tns: pending, receivedAt: now.toISOString() },
      replayed: false,
    };
  });
}

/** GET /v1/orders/:orderId: state and every event so far, for reconciliation. */
export async function getOrder(ctx: EngineContext, orderId: string): Promise<ApiResult> {
  const orders = await ctx.db.query<OrderRow>(ctx.db.pool, "SELECT * FROM sim.orders WHERE order_id = $1", [orderId]);
  const order = orders.rows[0];
  if (!order) {
    return notFound(orderId);
  }
  const events = await ctx.db.query<{ body: string }>(
    ctx.db.pool,
    "SELECT body FROM sim.events WHERE order_id = $1 ORDER BY sequence",
    [orderId],
  );
  const supp = order.state.supp;
  const body: PartnerOrder = {
    orderId: order.order_id,
    clientOrderId: order.client_order_id,
    portType: order.port_type,
    status: order.status,
    focAt: order.state.focAt,
    suppInFlight: supp ? { suppId: supp.suppId, type: supp.type } : null,
    tns: order.data.tns.map((tn) => ({
      tn,
      status: tn in order.state.activated ? "ACTIVATED" : "PENDING",
      activatedAt: order.state.activated[tn] ?? null,
    })),
    order: order.data,
    createdAt: order.created_at.toISOString(),
    updatedAt: order.updated_at.toISOString(),
    lastSequence: order.last_sequence,
    events: events.rows.map((row) => partnerEventSchema.parse(JSON.parse(row.body))),
  };
  return { ok: true, status: 200, body, replayed: false };
}
