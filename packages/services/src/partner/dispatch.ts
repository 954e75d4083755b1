import {
  type Db,
  findCarrier,
  findOrderLines,
  findOrderRow,
  findSupp,
  markSuppSent,
  nextPonSequence,
  setPartnerOrderId,
} from "@portway/db";
import { createPon, easternDate, type OrderDetails, type SuppChanges } from "@portway/domain";
import type { PartnerClient } from "@portway/partner";
import type { Clock } from "../clock";
import { ServiceError } from "../errors";
import { applyEventToOrder, loadOrderForUpdate } from "../orders/order-store";
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

/**
 * Sends a submitted order to the partner (AUTOMATED) or the losing carrier (ON_NET), exactly once thanks to an
 * idempotency key derived from the order, then records the acceptance (PON) through the domain.
 */
export async function dispatchOrder(
  context: PartnerContext,
  orderId: string,
): Promise<{ sent: boolean; pon?: string }> {
  const { db, clock, client } = context;
  const row = await findOrderRow(db, { orderId });
  if (!row) {
    throw new ServiceError("NOT_FOUND", "NOT_FOUND", `Order ${orderId} does not exist.`);
  }
  if (row.partnerOrderId || row.status !== "SUBMITTED" || (row.portType !== "AUTOMATED" && row.portType !== "ON_NET")) {
    return { sent: false };
  }
  const carrier = row.carrierId ? await findCarrier(db, row.carrierId) : null;
  if (!carrier) {
    throw new ServiceError("PRECONDITION", "NO_CARRIER", `Order ${orderId} has no losing carrier.`);
  }
  const lines = await findOrderLines(db, orderId);
  const request = toCreateOrderRequest({
    orderId,
    portType: row.portType,
    tns: lines.filter((l) => l.status !== "EXCLUDED").map((l) => l.tn),
    details: row.details as OrderDetails,
    carrier: { spid: carrier.spid, name: carrier.name, type: carrier.type },
    callbackUrl: context.callbackUrl,
  });
  const response = await client.createOrder(request, { idempotencyKey: `order:${orderId}:create` });
  return db.transaction(async (tx) => {
    const loaded = await loadOrderForUpdate(tx, { orderId });
    if (loaded.row.partnerOrderId) {
      return { sent: false };
    }
    await setPartnerOrderId(tx, orderId, response.orderId);
    let pon = response.orderId;
    if (row.portType === "ON_NET") {
      const now = clock.now().toISOString();
      const made = createPon({
        portType: "ON_NET",
        date: easternDate(now) ?? now.slice(0, 10),
        sequence: await nextPonSequence(tx),
      });
      if (!made.ok) {
        throw new ServiceError("PRECONDITION", made.error.code, made.error.message);
      }
      pon = made.pon;
    }
    if (loaded.order.status === "SUBMITTED") {
      await applyEventToOrder(
        tx,
        loaded,
        { type: "PARTNER_ACCEPTED", pon },
        { now: clock.now(), actor: { kind: "PARTNER" } },
      );
    }
    // Callbacks that arrived before this answer was recorded wait for it; apply them now.
    await applyWaitingEvents(tx, clock, orderId, response.orderId);
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
