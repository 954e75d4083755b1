import {
  type Db,
  type DbOrTx,
  findCarriersByIds,
  findLinesOfOrders,
  findOpenRejectionsOfOrders,
  findOrderRow,
  findOrderRows,
  findPartnerOrdersWithWaitingEvents,
  findSupp,
  lockOrders,
  markSuppSent,
  nextPonSequence,
  relaxCommitDurability,
  setPartnerOrderId,
} from "@portway/db";
import { createPon, defaultRequestedFoc, easternDate, type OrderDetails, type SuppChanges } from "@portway/domain";
import type { PartnerClient } from "@portway/partner";
import type { Clock } from "../clock";
import { ServiceError } from "../errors";
import {
  applyEventToOrder,
  applyEventToOrders,
  type BatchEventItem,
  loadOrderForUpdate,
  toDomainOrder,
} from "../orders/order-store";
import { loadRuleContexts } from "../orders/rule-context";
import { applyWaitingEvents } from "./apply-callback";
import { toCreateOrderRequest, toPartnerChanges } from "./to-partner";

export interface PartnerContext {
  db: Db;
  clock: Clock;
  client: PartnerClient;
  /** Where the partner posts its callbacks (the worker's endpoint). */
  callbackUrl: string;
}

/** A job that cannot run yet (for example a SUPP before its order reached the partner): the queue retries it. */
export class NotReadyYet extends Error {}

export interface DispatchResult {
  sent: boolean;
  pon?: string;
}

export type DispatchOutcome = { ok: true; result: DispatchResult } | { ok: false; error: Error };

/**
 * Sends a submitted order to the partner (AUTOMATED) or the losing carrier (ON_NET), exactly once thanks to an
 * idempotency key derived from the order, then records the acceptance (PON) through the domain.
 */
export async function dispatchOrder(context: PartnerContext, orderId: string): Promise<DispatchResult> {
  const outcome = (await dispatchOrders(context, [orderId])).get(orderId);
  if (!outcome) {
    throw new ServiceError("NOT_FOUND", "NOT_FOUND", `Order ${orderId} does not exist.`);
  }
  if (!outcome.ok) {
    throw outcome.error;
  }
  return outcome.result;
}

/**
 * Dispatches a batch of orders: reads them in three queries, sends every create at once, then records each
 * acceptance in its own transaction. Each order's outcome stands alone, so one failure never fails the others.
 */
export async function dispatchOrders(
  context: PartnerContext,
  orderIds: readonly string[],
): Promise<Map<string, DispatchOutcome>> {
  const { db, client } = context;
  const outcomes = new Map<string, DispatchOutcome>();
  const rows = await findOrderRows(db, orderIds);
  const due = rows.filter(
    (row) =>
      !row.partnerOrderId && row.status === "SUBMITTED" && (row.portType === "AUTOMATED" || row.portType === "ON_NET"),
  );
  const [carrierRows, lineRows] = await Promise.all([
    findCarriersByIds(db, [...new Set(due.flatMap((row) => (row.carrierId ? [row.carrierId] : [])))]),
    findLinesOfOrders(
      db,
      due.map((row) => row.id),
    ),
  ]);
  const carrierById = new Map(carrierRows.map((carrier) => [carrier.id, carrier]));
  const now = context.clock.now();
  const rulesOf = await loadRuleContexts(
    db,
    carrierRows.map((carrier) => carrier.id),
    now,
  );
  const tnsByOrder = new Map<string, string[]>();
  for (const line of lineRows) {
    if (line.status !== "EXCLUDED") {
      const tns = tnsByOrder.get(line.orderId) ?? [];
      tns.push(line.tn);
      tnsByOrder.set(line.orderId, tns);
    }
  }
  for (const orderId of orderIds) {
    const row = rows.find((r) => r.id === orderId);
    if (!row) {
      outcomes.set(orderId, {
        ok: false,
        error: new ServiceError("NOT_FOUND", "NOT_FOUND", `Order ${orderId} does not exist.`),
      });
    } else if (!due.includes(row)) {
      outcomes.set(orderId, { ok: true, result: { sent: false } });
    }
  }
  const accepted: Accepted[] = [];
  await Promise.all(
    due.map(async (row) => {
      try {
        const carrier = row.carrierId ? carrierById.get(row.carrierId) : undefined;
        if (!carrier) {
          throw new ServiceError("PRECONDITION", "NO_CARRIER", `Order ${row.id} has no losing carrier.`);
        }
        const portType = row.portType as "AUTOMATED" | "ON_NET";
        const request = toCreateOrderRequest({
          orderId: row.id,
          portType,
          tns: tnsByOrder.get(row.id) ?? [],
          details: row.details as OrderDetails,
          carrier: { spid: carrier.spid, name: carrier.name, type: carrier.type },
          callbackUrl: context.callbackUrl,
          defaultFocAt: defaultRequestedFoc({ portType, now: now.toISOString(), ...rulesOf(carrier.id) }),
        });
        const response = await client.createOrder(request, { idempotencyKey: `order:${row.id}:create` });
        accepted.push({ orderId: row.id, portType, partnerOrderId: response.orderId });
      } catch (error) {
        outcomes.set(row.id, { ok: false, error: error instanceof Error ? error : new Error(String(error)) });
      }
    }),
  );
  try {
    for (const [orderId, result] of await recordAcceptances(context, accepted)) {
      outcomes.set(orderId, { ok: true, result });
    }
  } catch {
    // Something in the batch was refused: record each acceptance on its own, so only that one fails.
    await Promise.all(
      accepted.map(async (item) => {
        try {
          outcomes.set(item.orderId, { ok: true, result: await recordAcceptance(context, item) });
        } catch (error) {
          outcomes.set(item.orderId, { ok: false, error: error instanceof Error ? error : new Error(String(error)) });
        }
      }),
    );
  }
  return outcomes;
}

interface Accepted {
  orderId: string;
  portType: "AUTOMATED" | "ON_NET";
  partnerOrderId: string;
}

async function ponOf(tx: DbOrTx, clock: Clock, item: Accepted): Promise<string> {
  if (item.portType !== "ON_NET") {
    return item.partnerOrderId;
  }
  const now = clock.now().toISOString();
  const made = createPon({
    portType: "ON_NET",
    date: easternDate(now) ?? now.slice(0, 10),
    sequence: await nextPonSequence(tx),
  });
  if (!made.ok) {
    throw new ServiceError("PRECONDITION", made.error.code, made.error.message);
  }
  return made.pon;
}

/**
 * Records a batch of acceptances in one transaction: the orders locked, read and written in bulk, each transition
 * decided by the domain; then the callbacks that arrived before the answer, for the orders that have some.
 */
async function recordAcceptances(context: PartnerContext, accepted: readonly Accepted[]) {
  const { db, clock } = context;
  const results = new Map<string, DispatchResult>();
  if (accepted.length === 0) {
    return results;
  }
  return db.transaction(async (tx) => {
    await relaxCommitDurability(tx);
    const ids = accepted.map((item) => item.orderId).sort();
    const rows = await lockOrders(tx, ids);
    const lines = await findLinesOfOrders(tx, ids);
    const open = await findOpenRejectionsOfOrders(tx, ids);
    const items: BatchEventItem[] = [];
    for (const item of [...accepted].sort((a, b) => (a.orderId < b.orderId ? -1 : 1))) {
      const row = rows.find((r) => r.id === item.orderId);
      if (!row) {
        throw new ServiceError("NOT_FOUND", "NOT_FOUND", `Order ${item.orderId} does not exist.`);
      }
      if (row.partnerOrderId) {
        results.set(item.orderId, { sent: false });
        continue;
      }
      const orderLines = lines.filter((line) => line.orderId === row.id);
      const loaded = {
        row,
        lines: orderLines,
        order: toDomainOrder(
          row,
          orderLines,
          open.filter((r) => r.orderId === row.id),
        ),
      };
      const pon = await ponOf(tx, clock, item);
      if (loaded.order.status === "SUBMITTED") {
        items.push({
          loaded,
          event: { type: "PARTNER_ACCEPTED", pon },
          columns: { partnerOrderId: item.partnerOrderId },
        });
      } else {
        await setPartnerOrderId(tx, row.id, item.partnerOrderId);
      }
      results.set(item.orderId, { sent: true, pon });
    }
    await applyEventToOrders(tx, items, { now: clock.now(), actor: { kind: "PARTNER" } });
    const waiting = new Set(
      await findPartnerOrdersWithWaitingEvents(
        tx,
        accepted.map((item) => item.partnerOrderId),
      ),
    );
    for (const item of accepted) {
      if (waiting.has(item.partnerOrderId) && results.get(item.orderId)?.sent) {
        await applyWaitingEvents(tx, clock, item.orderId, item.partnerOrderId);
      }
    }
    return results;
  });
}

/** Records the partner's acceptance: its order ID, the PON, the history; then any callback that waited for it. */
async function recordAcceptance(context: PartnerContext, item: Accepted): Promise<DispatchResult> {
  const { orderId, partnerOrderId } = item;
  const { db, clock } = context;
  return db.transaction(async (tx) => {
    // Safe to relax: a crash before the job's own (durable) completion retries the job, and the idempotency key
    // gets the same partner order back.
    await relaxCommitDurability(tx);
    const loaded = await loadOrderForUpdate(tx, { orderId });
    if (loaded.row.partnerOrderId) {
      return { sent: false };
    }
    await setPartnerOrderId(tx, orderId, partnerOrderId);
    const pon = await ponOf(tx, clock, item);
    if (loaded.order.status === "SUBMITTED") {
      await applyEventToOrder(
        tx,
        loaded,
        { type: "PARTNER_ACCEPTED", pon },
        { now: clock.now(), actor: { kind: "PARTNER" } },
      );
    }
    // Callbacks that arrived before this answer was recorded wait for it; apply them now.
    await applyWaitingEvents(tx, clock, orderId, partnerOrderId);
    return { sent: true, pon };
  });
}

/** Sends a SUPP (cancel, reschedule, change) for an order the partner already has. */
export async function sendSupp(context: PartnerContext, suppId: string): Promise<{ sent: boolean }> {
  const { db, client } = context;
  const supp = await findSupp(db, suppId);
  if (supp?.status !== "PENDING") {
    return { sent: false };
  }
  const order = await findOrderRow(db, { orderId: supp.orderId });
  if (!order) {
    return { sent: false };
  }
  if (!order.partnerOrderId) {
    throw new NotReadyYet(`Order ${order.id} has not reached the partner yet; the SUPP waits.`);
  }
  const changes = supp.changes as SuppChanges;
  const request =
    supp.type === "CANCEL"
      ? { type: "CANCEL" as const, reason: null }
      : supp.type === "RESCHEDULE"
        ? {
            type: "RESCHEDULE" as const,
            requestedFocAt: changes.requestedFoc ?? supp.requestedFocAt?.toISOString() ?? "",
          }
        : { type: "CHANGE" as const, changes: toPartnerChanges(changes, order.details as OrderDetails) };
  const response = await client.submitSupp(order.partnerOrderId, request, { idempotencyKey: `supp:${supp.id}` });
  await markSuppSent(db, supp.id, response.suppId);
  return { sent: true };
}

/** Asks the partner to activate TNs (all pending ones when the list is empty). */
export async function sendActivation(
  context: PartnerContext,
  orderId: string,
  tns: readonly string[],
  attemptKey: string,
) {
  const order = await findOrderRow(context.db, { orderId });
  if (!order?.partnerOrderId) {
    throw new NotReadyYet(`Order ${orderId} has no partner order to activate.`);
  }
  const request = tns.length > 0 ? { tns: tns.map((tn) => tn.replace(/^\+1/, "")) } : {};
  await context.client.activateOrder(order.partnerOrderId, request, {
    idempotencyKey: `activate:${orderId}:${attemptKey}`,
  });
  return { sent: true };
}
