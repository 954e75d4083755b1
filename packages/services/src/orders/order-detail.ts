import {
  type DbOrTx,
  findCarrier,
  findOpenRejections,
  findOrderCsrs,
  findOrderDocuments,
  findOrderHistory,
  findOrderLines,
  findOrderManualRequests,
  findOrderRejections,
  findOrderRow,
  findOrderSupps,
  findOrderTickets,
} from "@portway/db";
import { availableActions, compareCsr, type OrderDetails, type ParsedCsr, shortNoticeCutoff } from "@portway/domain";
import { listNotes } from "../collaboration/notes";
import { notFound } from "../errors";
import { loadCalendar, toDomainOrder } from "./order-store";

/** Masks a PIN for display: the last digit at most. */
function maskPin(pin: unknown): string | null {
  return typeof pin === "string" && pin.length > 0
    ? `${"•".repeat(Math.max(0, pin.length - 1))}${pin.slice(-1)}`
    : null;
}

/**
 * Who caused a history entry, as the viewer may see it: a customer sees their own users and API keys by name and the
 * porting team as the team; staff see every name. Partner and Portway entries show by their kind.
 */
function historyActorName(kind: string, name: string | null, staffView: boolean): string | null {
  if (name === null) {
    return null;
  }
  if (kind === "API_KEY") {
    return `API key “${name}”`;
  }
  return kind === "STAFF" && !staffView ? null : name;
}

/**
 * Everything one order page shows. Customers see their account's orders only (another account's ID is NOT_FOUND)
 * and never internal notes; staff see everything.
 */
export async function getOrderDetail(
  db: DbOrTx,
  where: { orderId: string; accountId?: string },
  options: { staff: boolean; now: Date },
) {
  const row = await findOrderRow(db, where);
  if (!row) {
    throw notFound("The order");
  }
  const [
    lines,
    openRejections,
    history,
    rejections,
    csrRows,
    suppRows,
    manual,
    notes,
    documents,
    tickets,
    carrier,
    calendar,
  ] = await Promise.all([
    findOrderLines(db, row.id),
    findOpenRejections(db, row.id),
    findOrderHistory(db, row.id),
    findOrderRejections(db, row.id),
    findOrderCsrs(db, row.id),
    findOrderSupps(db, row.id),
    findOrderManualRequests(db, row.id),
    listNotes(db, row.id, { includeInternal: options.staff }),
    findOrderDocuments(db, row.id),
    findOrderTickets(db, row.id),
    row.carrierId ? findCarrier(db, row.carrierId) : Promise.resolve(null),
    loadCalendar(db, row.carrierId, options.now),
  ]);
  const order = toDomainOrder(row, lines, openRejections);
  const details = order.details as OrderDetails;
  const latestCsr = csrRows[0];
  const csr = latestCsr
    ? {
        receivedAt: latestCsr.receivedAt,
        round: latestCsr.round,
        rawText: latestCsr.rawText,
        parsed: latestCsr.parsed,
        comparison: compareCsr(latestCsr.parsed as unknown as ParsedCsr, {
          ...details,
          tns: order.lines.map((l) => l.tn),
        }),
      }
    : null;
  return {
    order: {
      id: row.id,
      accountId: row.accountId,
      portRequestId: row.portRequestId,
      status: order.status,
      portType: order.portType,
      pon: order.pon,
      version: order.version,
      customerReference: row.customerReference,
      focAt: row.focAt,
      requestedFocAt: row.requestedFocAt,
      shortNoticeCutoff: order.focAt ? shortNoticeCutoff(order.focAt, calendar) : null,
      supp: order.supp,
      suppsAfterFoc: order.suppsAfterFoc,
      activationDueAt: row.activationDueAt,
      activationHeld: row.activationHeld,
      onNet: row.onNet,
      carrier: carrier ? { name: carrier.name, spid: carrier.spid, type: carrier.type } : null,
      assignedTo: row.assignedTo,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      details: { ...details, pin: options.staff ? (details.pin ?? null) : maskPin(details.pin) },
    },
    /** Every customer action with whether it is allowed now and, if not, why (from the state machine). */
    actions: availableActions(order, {
      now: options.now.toISOString(),
      calendar,
      carrierMinBusinessDays: carrier?.minBusinessDays ?? 0,
    }),
    tns: lines.map((l) => ({
      tn: l.tn,
      status: l.status,
      excludedReason: l.excludedReason,
      activatedAt: l.activatedAt,
    })),
    openRejections: order.rejections,
    rejections: rejections.map((r) => ({
      id: r.id,
      code: r.code,
      reason: r.reason,
      rawText: r.rawText,
      receivedAt: r.receivedAt,
      resolvedAt: r.resolvedAt,
    })),
    history: history.map((h) => ({
      id: h.id,
      version: h.version,
      at: h.at,
      actorKind: h.actorKind,
      actorName: historyActorName(h.actorKind, h.actorName, options.staff),
      event: h.event,
      from: h.fromStatus,
      to: h.toStatus,
      reason: h.reason,
      changes: h.changes.map((c) =>
        c.field === "pin" && !options.staff ? { ...c, from: maskPin(c.from), to: maskPin(c.to) } : c,
      ),
    })),
    csr,
    supps: suppRows.map((s) => ({
      id: s.id,
      type: s.type,
      status: s.status,
      manual: s.manual,
      requestedFocAt: s.requestedFocAt,
      createdAt: s.createdAt,
      resolvedAt: s.resolvedAt,
      resolution: s.resolution,
    })),
    manualRequests: manual.map((m) => ({
      id: m.id,
      kind: m.kind,
      status: m.status,
      reason: m.reason,
      requestedFocAt: m.requestedFocAt,
      createdAt: m.createdAt,
      resolvedAt: m.resolvedAt,
      resolution: m.resolution,
    })),
    notes: notes.map((n) => ({
      id: n.id,
      visibility: n.visibility,
      source: n.source,
      authorName: n.authorName,
      body: n.body,
      createdAt: n.createdAt,
    })),
    documents,
    tickets: tickets.map((t) => ({
      id: t.id,
      subject: t.subject,
      status: t.status,
      createdAt: t.createdAt,
      updatedAt: t.updatedAt,
      messages: t.messages.map((m) => ({
        id: m.id,
        authorKind: m.authorKind,
        authorName: m.authorName,
        body: m.body,
        createdAt: m.createdAt,
      })),
    })),
  };
}

export type OrderDetailView = Awaited<ReturnType<typeof getOrderDetail>>;
