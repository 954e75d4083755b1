import {
  type Db,
  type DbOrTx,
  findOrdersWithParkedEvents,
  findParkedPartnerEvents,
  findSubmittedAt,
  findWaitingPartnerEvents,
  insertCsr,
  insertManualRequest,
  insertPartnerEvent,
  lockOrderByPartnerId,
  markPartnerEvent,
  type PartnerEventRow,
  resolveOpenManualRequests,
  setLastPartnerSequence,
} from "@portway/db";
import { type OrderEvent, type ParsedCsr, parseCsr, reviewCommittedFoc } from "@portway/domain";
import { type Csr, type PartnerEvent, partnerEventSchema } from "@portway/partner";
import type { Clock } from "../clock";
import { addNote } from "../collaboration/notes";
import { ServiceError } from "../errors";
import { orderSummary } from "../notifications/events";
import { createNotificationBatch, flushNotifications, type NotificationBatch } from "../notifications/record";
import { applyEventToOrder, type LoadedOrder, loadOrderForUpdate } from "../orders/order-store";
import { loadRuleContext } from "../orders/rule-context";
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
      // The first FOC, or the LSP's date after a reschedule: the domain decides which.
      return { type: "FOC_RECEIVED", focAt: event.focAt };
    case "REJECTED":
      return {
        type: "REJECTED",
        rejections: event.rejections.map((r) => ({
          code: r.code,
          text: r.rawText,
          ...(r.tns && r.tns.length > 0 ? { tns: r.tns.map(fromPartnerTn) } : {}),
        })),
      };
    case "SUPP_ACCEPTED":
      // The answer to the SUPP in flight (a change before FOC too). A reschedule's FOC comes from the LSP's FOC event
      // that follows, never from our own request.
      return loaded.order.supp?.type === event.suppType ? { type: "SUPP_ACCEPTED" } : null;
    case "SUPP_REJECTED":
      return loaded.order.supp?.type === event.suppType
        ? { type: "SUPP_REJECTED", reason: event.reason.rawText }
        : null;
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

/**
 * The CSR as fields: the callback's structured fields first (the partner parsed its own record), the parsed text
 * for whatever they leave empty, so the comparison and the partial-port check see everything the LSP has on file.
 */
export function csrFields(csr: Csr): ParsedCsr {
  const text = parseCsr(csr.rawText);
  const address = csr.serviceAddress;
  const given = (value: string | null | undefined) => (value && value.trim() !== "" ? value.trim() : null);
  const serviceAddress = {
    ...text.serviceAddress,
    ...Object.fromEntries(
      Object.entries({
        houseNumber: given(address.houseNumber),
        street: given(address.streetName),
        unit: given(address.unit),
        city: given(address.city),
        state: given(address.state),
        zip: given(address.zip),
      }).filter((entry): entry is [string, string] => entry[1] !== null),
    ),
  };
  return {
    name: given(csr.accountName) ?? text.name,
    serviceAddress: Object.keys(serviceAddress).length > 0 ? serviceAddress : null,
    btn: given(csr.btn) ? fromPartnerTn(csr.btn) : text.btn,
    accountNumber: given(csr.accountNumber) ?? text.accountNumber,
    tns: csr.tns.length > 0 ? csr.tns.map(fromPartnerTn) : text.tns,
    unparsed: text.unparsed,
  };
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

/** Outcome of one stored event against the order: applied, nothing to do, or refused (with the reason). */
type Applied =
  | { status: "APPLIED" | "IGNORED"; detail: string | null }
  | { status: "REFUSED"; code: string; detail: string };

async function applyToOrder(
  db: DbOrTx,
  clock: Clock,
  loaded: LoadedOrder,
  event: PartnerEvent,
  notifications: NotificationBatch,
): Promise<Applied> {
  const orderEvent = toOrderEvent(event, loaded);
  if (!orderEvent && event.type === "CANCELLED" && loaded.order.status !== "CANCELLED") {
    // The partner says the order is gone although Portway asked for no cancel: someone must look at it.
    return {
      status: "REFUSED",
      code: "UNEXPECTED_CANCEL",
      detail: "The partner cancelled an order Portway did not cancel.",
    };
  }
  if (!orderEvent) {
    return { status: "IGNORED", detail: "Nothing to change on the order." };
  }
  const now = clock.now();
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
    if (error.code === "NO_CHANGES") {
      return { status: "IGNORED", detail: `Already on the order: ${error.message}` };
    }
    return { status: "REFUSED", code: error.code, detail: `${error.code}: ${error.message}` };
  }
  if (orderEvent.type === "FOC_RECEIVED") {
    await reviewFoc(db, loaded, orderEvent.focAt, now);
  }
  return { status: "APPLIED", detail: null };
}

/** An FOC outside the rules is still the LSP's commitment, but the porting team is asked to look at it. */
async function reviewFoc(db: DbOrTx, loaded: LoadedOrder, focAt: string, now: Date) {
  const submittedAt = (await findSubmittedAt(db, loaded.row.id)) ?? loaded.row.createdAt;
  const rules = await loadRuleContext(db, loaded.row.carrierId, now);
  const issues = reviewCommittedFoc({
    focAt,
    portType: loaded.order.portType ?? "AUTOMATED",
    submittedAt: submittedAt.toISOString(),
    ...rules,
  });
  // A new FOC replaces the question about the one before.
  await resolveOpenManualRequests(db, loaded.row.id, ["FOC_REVIEW"], {
    status: "DONE",
    resolution: "Superseded by a new FOC.",
    resolvedBy: null,
    at: now,
  });
  if (issues.length > 0) {
    await insertManualRequest(db, {
      orderId: loaded.row.id,
      kind: "FOC_REVIEW",
      requestedFocAt: new Date(focAt),
      reason: `FOC from the partner outside the rules: ${issues.map((i) => `${i.code}: ${i.message}`).join(" ")}`,
    });
  }
}

/** A refusal that can never apply by itself goes to the porting team (exceptions queue) with the reason. */
async function surface(db: DbOrTx, loaded: LoadedOrder, event: PartnerEvent, detail: string) {
  await insertManualRequest(db, {
    orderId: loaded.row.id,
    kind: "PARTNER_EVENT",
    reason: `Partner event ${event.type} (#${event.sequence}) could not be applied in status ${loaded.order.status}: ${detail}`,
  });
}

const MOOT_WHEN_CANCELLED: readonly string[] = ["CSR_RETURNED", "CSR_UNAVAILABLE", "FOC", "REJECTED", "SUPP_REJECTED"];

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
      parsed: csrFields(event.csr) as unknown as Record<string, unknown>,
      receivedAt: now,
    });
  }
  const outcome = await applyToOrder(db, clock, loaded, event, notifications);
  if (outcome.status === "REFUSED" && loaded.order.supp !== null) {
    // Not yet: a SUPP is in flight. Kept with the reason; applied once the SUPP is answered.
    const detail = `Waiting for the ${loaded.order.supp.type} SUPP in flight (${outcome.detail})`;
    await markPartnerEvent(db, stored.id, { status: "PARKED", detail, orderId: loaded.row.id });
    return;
  }
  if (outcome.status === "REFUSED") {
    await surface(db, loaded, event, outcome.detail);
  }
  await markPartnerEvent(db, stored.id, {
    status: outcome.status,
    detail: outcome.detail,
    appliedAt: now,
    orderId: loaded.row.id,
  });
}

/**
 * The retry point of parked events: once no SUPP is in flight, each parked event of the order is applied in
 * sequence; on a cancelled order the ones that no longer matter are closed with the reason, any other refusal goes to
 * the porting team. Returns how many applied.
 */
async function applyParkedEvents(db: DbOrTx, clock: Clock, orderId: string, notifications: NotificationBatch) {
  let applied = 0;
  for (const stored of await findParkedPartnerEvents(db, orderId)) {
    const loaded = await loadOrderForUpdate(db, { orderId });
    if (loaded.order.supp !== null) {
      break;
    }
    const event = partnerEventSchema.parse(stored.body);
    const now = clock.now();
    if (loaded.order.status === "CANCELLED" && MOOT_WHEN_CANCELLED.includes(event.type)) {
      await markPartnerEvent(db, stored.id, {
        status: "IGNORED",
        detail: "The order was cancelled before this event could apply.",
        appliedAt: now,
      });
      continue;
    }
    const outcome = await applyToOrder(db, clock, loaded, event, notifications);
    if (outcome.status === "REFUSED") {
      await surface(db, loaded, event, outcome.detail);
    }
    if (outcome.status === "APPLIED") {
      applied++;
    }
    await markPartnerEvent(db, stored.id, { status: outcome.status, detail: outcome.detail, appliedAt: now });
  }
  return applied;
}

/**
 * The scan behind the retry point: parked events of orders whose SUPP was answered by another path (the porting team
 * recording the LSP's answer), each order in its own transaction.
 */
export async function retryParkedPartnerEvents(db: Db, clock: Clock, limit = 100) {
  let applied = 0;
  for (const { orderId } of await findOrdersWithParkedEvents(db, limit)) {
    applied += await db.transaction(async (tx) => {
      const notifications = createNotificationBatch();
      const count = await applyParkedEvents(tx, clock, orderId, notifications);
      await flushNotifications(tx, notifications);
      return count;
    });
  }
  return { applied };
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

/** The events that can end a SUPP's wait (an accepted reschedule ends with the LSP's FOC). */
function answersSupp(type: string): boolean {
  return type === "SUPP_ACCEPTED" || type === "SUPP_REJECTED" || type === "CANCELLED" || type === "FOC";
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
    // A SUPP answer is the retry point of the events parked behind it.
    if (answersSupp(stored.type)) {
      await applyParkedEvents(db, clock, orderId, notifications);
    }
  }
  await flushNotifications(db, notifications);
  return applied ? "applied" : "waiting";
}
