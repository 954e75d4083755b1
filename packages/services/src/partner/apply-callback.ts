import {
  type Db,
  type DbOrTx,
  findWaitingPartnerEvents,
  insertCsr,
  insertPartnerEvent,
  lockOrderByPartnerId,
  markPartnerEvent,
  type PartnerEventRow,
  setLastPartnerSequence,
} from "@portway/db";
import { type OrderEvent, parseCsr } from "@portway/domain";
import { type PartnerEvent, partnerEventSchema } from "@portway/partner";
import type { Clock } from "../clock";
import { addNote } from "../collaboration/notes";
import { ServiceError } from "../errors";
import { orderSummary } from "../notifications/events";
import { createNotificationBatch, flushNotifications, type NotificationBatch } from "../notifications/record";
import { applyEventToOrder, type LoadedOrder, loadOrderForUpdate } from "../orders/order-store";
import { fromPartnerTn } from "./to-partner";

export type CallbackOutcome = "applied" | "duplicate" | "waiting" | "unknown-order";

const partnerName = "Porting partner";

/** What a partner event means for the order, as a domain event (null: nothing for the state machine). */
function toOrderEvent(event: PartnerEvent, loaded: LoadedOrder): OrderEvent | null {
  switch (event.type) {
    case "CSR_RETURNED":
      return { type: "CSR_RETURNED", note: event.csr.rawText };
    case "CSR_UNAVAILABLE":
      return { type: "CSR_UNAVAILABLE" };
    case "FOC":
      // A new FOC after an accepted reschedule is already on the order.
      return loaded.order.status === "PENDING_FOC" ? { type: "FOC_RECEIVED", focAt: event.focAt } : null;
    case "REJECTED":
      return { type: "REJECTED", rejections: event.rejections.map((r) => ({ code: r.code, text: r.rawText })) };
    case "SUPP_ACCEPTED":
      if (event.suppType === "CHANGE" || !loaded.order.supp) {
        return null;
      }
      return loaded.order.supp.requestedFoc
        ? { type: "SUPP_ACCEPTED", focAt: loaded.order.supp.requestedFoc }
        : { type: "SUPP_ACCEPTED" };
    case "SUPP_REJECTED":
      return event.suppType === "CHANGE" || !loaded.order.supp
        ? null
        : { type: "SUPP_REJECTED", reason: event.reason.rawText };
    case "CANCELLED":
      // Normally the cancel's SUPP_ACCEPTED came first; if it was lost, this one closes the order.
      return loaded.order.status === "SUPP_PENDING" && loaded.order.supp?.type === "CANCEL"
        ? { type: "SUPP_ACCEPTED" }
        : null;
    case "ACTIVATED": {
      const pending = new Set(loaded.order.lines.filter((l) => l.status === "PENDING").map((l) => l.tn));
      const tns = event.tns.map(fromPartnerTn).filter((tn) => pending.has(tn));
      return tns.length > 0 ? { type: "TNS_ACTIVATED", tns } : null;
    }
  }
}

/** A readable line for the order's notes, so the customer sees what the partner said. */
function noteOf(event: PartnerEvent): string | null {
  switch (event.type) {
    case "CSR_RETURNED":
      return event.csr.rawText;
    case "CSR_UNAVAILABLE":
      return `No CSR: ${event.rawText}`;
    case "REJECTED":
      return event.rejections.map((r) => `Rejected (${r.code}): ${r.rawText}`).join("\n");
    case "SUPP_REJECTED":
      return `SUPP ${event.suppType} refused (${event.reason.code}): ${event.reason.rawText}`;
    default:
      return null;
  }
}

async function applyStoredEvent(
  db: DbOrTx,
  clock: Clock,
  loaded: LoadedOrder,
  stored: PartnerEventRow,
  notifications: NotificationBatch,
) {
  const event = partnerEventSchema.parse(stored.body);
  const now = clock.now();
  const note = noteOf(event);
  if (note) {
    await addNote(
      db,
      {
        orderId: loaded.row.id,
        body: note,
        visibility: "CUSTOMER",
        source: event.type === "CSR_RETURNED" ? "CSR" : "PARTNER",
        authorName: partnerName,
        at: now,
      },
      { order: loaded.row, summary: orderSummary(loaded.order, loaded.row, loaded.row.updatedAt), notifications },
    );
  }
  if (event.type === "CSR_RETURNED") {
    await insertCsr(db, {
      orderId: loaded.row.id,
      round: loaded.order.csrRound,
      rawText: event.csr.rawText,
      parsed: parseCsr(event.csr.rawText) as unknown as Record<string, unknown>,
      receivedAt: now,
    });
  }
  const orderEvent = toOrderEvent(event, loaded);
  let status = "APPLIED";
  let detail: string | null = null;
  if (orderEvent) {
    try {
      // A savepoint: a refusal by the domain must not undo the stored event and its note.
      await db.transaction(async (inner) => {
        // The news joins the batch only once the change is saved, so a refusal leaves none behind.
        await applyEventToOrder(inner, loaded, orderEvent, { now, actor: { kind: "PARTNER" }, notifications });
      });
    } catch (error) {
      if (!(error instanceof ServiceError)) {
        throw error;
      }
      status = "REFUSED";
      detail = `${error.code}: ${error.message}`;
    }
  } else {
    status = "IGNORED";
    detail = "Nothing to change on the order.";
  }
  await markPartnerEvent(db, stored.id, { status, detail, appliedAt: now, orderId: loaded.row.id });
}

/**
 * Handles one verified callback: stores it (a re-delivered event ID is a duplicate), then applies every stored
 * event of the order that is next in sequence, so events apply once and in order whatever order they arrive in.
 */
export async function receivePartnerCallback(db: Db, clock: Clock, event: PartnerEvent): Promise<CallbackOutcome> {
  return db.transaction(async (tx) => {
    const stored = await insertPartnerEvent(tx, {
      eventId: event.eventId,
      partnerOrderId: event.orderId,
      orderId: event.clientOrderId,
      sequence: event.sequence,
      type: event.type,
      body: event as unknown as Record<string, unknown>,
      receivedAt: clock.now(),
    });
    if (!stored) {
      return "duplicate";
    }
    const row = await lockOrderByPartnerId(tx, event.orderId);
    if (!row) {
      // The create answer may not be recorded yet; the event waits and is applied once it is.
      return "unknown-order";
    }
    return applyWaitingEvents(tx, clock, row.id, event.orderId);
  });
}

/**
 * Applies the order's waiting events that continue its sequence without a gap; their notifications are written
 * together at the end.
 */
export async function applyWaitingEvents(
  db: DbOrTx,
  clock: Clock,
  orderId: string,
  partnerOrderId: string,
): Promise<CallbackOutcome> {
  let loaded = await loadOrderForUpdate(db, { orderId });
  let last = loaded.row.lastPartnerSequence;
  const waiting = await findWaitingPartnerEvents(db, partnerOrderId, last);
  const notifications = createNotificationBatch();
  let applied = false;
  for (const stored of waiting) {
    if (stored.sequence <= last) {
      await markPartnerEvent(db, stored.id, { status: "IGNORED", detail: "Already applied.", orderId });
      continue;
    }
    if (stored.sequence !== last + 1) {
      break;
    }
    if (applied) {
      // The previous event changed the order: read it again before the next.
      loaded = await loadOrderForUpdate(db, { orderId });
    }
    await applyStoredEvent(db, clock, loaded, stored, notifications);
    last = stored.sequence;
    await setLastPartnerSequence(db, orderId, last);
    applied = true;
  }
  await flushNotifications(db, notifications);
  return applied ? "applied" : "waiting";
}
