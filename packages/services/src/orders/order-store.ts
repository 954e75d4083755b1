import {
  type DbOrTx,
  deleteOrderLines,
  findHistorySince,
  findOpenRejections,
  findOrderLines,
  insertHistoryEntries,
  insertManualRequest,
  insertOrderLines,
  insertOutboxJobs,
  insertRejections,
  insertSupp,
  lockOrder,
  type PortOrderRow,
  type PortOrderTnRow,
  releaseOrderLines,
  resolveOpenManualRequests,
  resolveOpenSupps,
  resolveRejections,
  setPartnerOrderId,
  updateOrderLine,
  updateOrderRow,
  updateOrderRows,
} from "@portway/db";
import {
  type Actor,
  applyOrderEvent,
  type HistoryEntry,
  isTerminalStatus,
  mapRejection,
  type OrderDetails,
  type OrderEffect,
  type OrderEvent,
  type OrderStatus,
  type PortOrder,
  type PortType,
  type SuppInFlight,
  type SuppType,
  type TnLine,
} from "@portway/domain";
import { notFound, ServiceError } from "../errors";
import {
  createNotificationBatch,
  flushNotifications,
  type NotificationBatch,
  recordOrderChange,
} from "../notifications/record";
import { outboxJobs } from "./jobs";
import { loadRuleContext, loadRuleContexts } from "./rule-context";

export { loadCalendar } from "./rule-context";

/**
 * Queue entries that are the order's own work and close when it is final. Partner news the team must look at
 * (PARTNER_EVENT) stays until acknowledged; a questionable FOC (FOC_REVIEW) no longer matters once cancelled.
 */
const WORK_KINDS = [
  "PROJECT_PORT",
  "PROJECT_CANCEL",
  "PROJECT_RESCHEDULE",
  "PROJECT_CHANGE",
  "SHORT_NOTICE_CANCEL",
  "SHORT_NOTICE_RESCHEDULE",
] as const;
const CLOSED_BY_STATUS: Readonly<Record<"COMPLETE" | "CANCELLED", readonly string[]>> = {
  COMPLETE: WORK_KINDS,
  CANCELLED: [...WORK_KINDS, "FOC_REVIEW"],
};

export interface LoadedOrder {
  row: PortOrderRow;
  order: PortOrder;
  lines: PortOrderTnRow[];
}

export function toDomainOrder(
  row: PortOrderRow,
  lines: PortOrderTnRow[],
  openRejections: { code: string; rawText: string | null; tns?: string[] | null }[],
): PortOrder {
  return {
    id: row.id,
    version: row.version,
    status: row.status as OrderStatus,
    portType: (row.portType as PortType | null) ?? null,
    pon: row.pon,
    focAt: row.focAt ? row.focAt.toISOString() : null,
    details: row.details as OrderDetails,
    lines: lines.map((line): TnLine => {
      const base: TnLine = { tn: line.tn, status: line.status as TnLine["status"] };
      return line.excludedReason ? { ...base, excludedReason: line.excludedReason } : base;
    }),
    rejections: openRejections.map((r) => {
      const rejection = mapRejection({ code: r.code, text: r.rawText ?? "" });
      return r.tns && r.tns.length > 0 ? { ...rejection, tns: r.tns } : rejection;
    }),
    supp: (row.supp as SuppInFlight | null) ?? null,
    suppsAfterFoc: row.suppsAfterFoc,
    csrRound: row.csrRound,
    activationSent: row.activationSent,
  };
}

/** Loads and locks an order; with an account ID (customer calls), another account's order is NOT_FOUND. */
export async function loadOrderForUpdate(
  db: DbOrTx,
  where: { orderId: string; accountId?: string },
): Promise<LoadedOrder> {
  const row = await lockOrder(db, where);
  if (!row) {
    throw notFound("The order");
  }
  // One after the other: inside a transaction both run on the same connection.
  const lines = await findOrderLines(db, row.id);
  const open = await findOpenRejections(db, row.id);
  return { row, lines, order: toDomainOrder(row, lines, open) };
}

export interface EventOptions {
  now: Date;
  actor: Actor;
  /** The caller's notification batch (it flushes it); without one, the news is written at once. */
  notifications?: NotificationBatch;
  expectedVersion?: number;
}

function historyRow(orderId: string, entry: HistoryEntry) {
  return {
    orderId,
    version: entry.version,
    at: new Date(entry.at),
    actorKind: entry.actor.kind,
    actorId: entry.actor.id ?? null,
    event: entry.event,
    fromStatus: entry.from,
    toStatus: entry.to,
    reason: entry.reason,
    changes: entry.changes,
  };
}

/**
 * The one way an order changes: ask the domain for the transition, then write the new state, its TNs, history and
 * the effects (jobs, SUPPs, manual requests, activation plan) in the caller's transaction.
 */
export async function applyEventToOrder(db: DbOrTx, loaded: LoadedOrder, event: OrderEvent, options: EventOptions) {
  const { row, order } = loaded;
  const rules = await loadRuleContext(db, row.carrierId, options.now);
  const history =
    options.expectedVersion !== undefined && options.expectedVersion !== order.version
      ? (await findHistorySince(db, order.id, options.expectedVersion)).map(
          (h): HistoryEntry => ({
            version: h.version,
            at: h.at.toISOString(),
            actor: { kind: h.actorKind as Actor["kind"], ...(h.actorId ? { id: h.actorId } : {}) },
            event: h.event as HistoryEntry["event"],
            from: h.fromStatus as OrderStatus,
            to: h.toStatus as OrderStatus,
            reason: h.reason,
            changes: h.changes,
          }),
        )
      : [];
  const transition = applyOrderEvent(order, event, {
    now: options.now.toISOString(),
    actor: options.actor,
    ...rules,
    ...(options.expectedVersion !== undefined ? { expectedVersion: options.expectedVersion } : {}),
    history,
  });
  if (!transition.ok) {
    const { error } = transition;
    const kind = error.code === "VERSION_CONFLICT" ? "CONFLICT" : "PRECONDITION";
    throw new ServiceError(
      kind,
      error.code,
      error.message,
      error.field,
      [],
      error.changes ? { changes: error.changes } : {},
    );
  }
  const next = transition.order;
  await writeLines(db, loaded, next);
  const update = await carryOutEffects(db, loaded, next, event, transition.effects, options);
  const saved = await updateOrderRow(db, order.id, row.version, {
    ...orderRowValues(order, next, options.now),
    ...update,
  });
  if (!saved) {
    throw versionConflict();
  }
  // In-app, email and webhook news of the change, in the same transaction.
  await recordOrderChange(
    db,
    { row, before: order, after: next, event, actor: options.actor, at: options.now },
    options.notifications,
  );
  return { order: next, effects: transition.effects };
}

function versionConflict() {
  return new ServiceError(
    "CONFLICT",
    "VERSION_CONFLICT",
    "The order changed while this change was being saved; reload it.",
    "version",
  );
}

/** The order row's columns after a transition. */
function orderRowValues(before: PortOrder, next: PortOrder, now: Date) {
  return {
    status: next.status,
    portType: next.portType,
    pon: next.pon,
    focAt: next.focAt ? new Date(next.focAt) : null,
    details: next.details as Record<string, unknown>,
    btn: typeof next.details.btn === "string" ? next.details.btn : null,
    requestedFocAt: next.details.requestedFoc ? new Date(next.details.requestedFoc) : null,
    supp: next.supp as Record<string, unknown> | null,
    suppsAfterFoc: next.suppsAfterFoc,
    csrRound: next.csrRound,
    activationSent: next.activationSent,
    tnCount: next.lines.filter((l) => l.status !== "EXCLUDED").length,
    version: next.version,
    updatedAt: now,
    ...(next.status !== before.status ? { lastProgressAt: now, stuckSince: null } : {}),
  };
}

function sameLines(before: PortOrder, next: PortOrder): boolean {
  return (
    before.lines.length === next.lines.length &&
    before.lines.every((line, i) => {
      const other = next.lines[i];
      return other?.tn === line.tn && other.status === line.status && other.excludedReason === line.excludedReason;
    })
  );
}

/** Whether a transition writes nothing but the order row, its history and the news of it. */
function isPlainTransition(loaded: LoadedOrder, next: PortOrder, event: OrderEvent, effects: OrderEffect[]) {
  return (
    effects.every((effect) => effect.type === "RECORD_HISTORY") &&
    sameLines(loaded.order, next) &&
    event.type !== "REJECTED" &&
    event.type !== "SUPP_ACCEPTED" &&
    event.type !== "SUPP_REJECTED" &&
    loaded.order.portType !== "PROJECT" &&
    !isTerminalStatus(next.status) &&
    !(next.rejections.length === 0 && loaded.order.rejections.length > 0)
  );
}

export interface BatchEventItem {
  loaded: LoadedOrder;
  event: OrderEvent;
  /** Extra columns written with the order row (e.g. the partner's order ID). */
  columns?: { partnerOrderId?: string };
}

/**
 * Applies one event to each of many orders (already loaded and locked by the caller's transaction) through the
 * domain, like `applyEventToOrder`, but writes the plain transitions in bulk: one history insert for all, one
 * calendar read per carrier, shared reads for the news. Anything more than a plain transition takes the
 * one-by-one path. A refused transition throws, failing the whole batch (the caller falls back to one by one).
 */
export async function applyEventToOrders(
  db: DbOrTx,
  items: readonly BatchEventItem[],
  options: EventOptions,
): Promise<PortOrder[]> {
  const carrierIds = [
    ...new Set(items.flatMap((item) => (item.loaded.row.carrierId ? [item.loaded.row.carrierId] : []))),
  ];
  const rulesOf = await loadRuleContexts(db, carrierIds, options.now);
  const results: PortOrder[] = [];
  const history: ReturnType<typeof historyRow>[] = [];
  const news: Parameters<typeof recordOrderChange>[1][] = [];
  const updates: Parameters<typeof updateOrderRows>[1][number][] = [];
  for (const item of items) {
    const { loaded, event } = item;
    const transition = applyOrderEvent(loaded.order, event, {
      now: options.now.toISOString(),
      actor: options.actor,
      ...rulesOf(loaded.row.carrierId),
      history: [],
    });
    if (!transition.ok) {
      throw new ServiceError("PRECONDITION", transition.error.code, transition.error.message, transition.error.field);
    }
    const next = transition.order;
    if (!isPlainTransition(loaded, next, event, transition.effects)) {
      if (item.columns?.partnerOrderId) {
        await setPartnerOrderId(db, loaded.row.id, item.columns.partnerOrderId);
      }
      results.push((await applyEventToOrder(db, loaded, event, options)).order);
      continue;
    }
    updates.push({
      orderId: loaded.row.id,
      expectedVersion: loaded.row.version,
      values: { ...orderRowValues(loaded.order, next, options.now), ...item.columns },
    });
    for (const effect of transition.effects) {
      if (effect.type === "RECORD_HISTORY") {
        history.push(historyRow(loaded.row.id, effect.entry));
      }
    }
    news.push({ row: loaded.row, before: loaded.order, after: next, event, actor: options.actor, at: options.now });
    results.push(next);
  }
  const written = await updateOrderRows(db, updates);
  if (written.size !== updates.length) {
    throw versionConflict();
  }
  await insertHistoryEntries(db, history);
  const batch = createNotificationBatch();
  for (const change of news) {
    await recordOrderChange(db, change, batch);
  }
  await flushNotifications(db, batch);
  return results;
}

async function writeLines(db: DbOrTx, loaded: LoadedOrder, next: PortOrder) {
  const before = new Map(loaded.lines.map((l) => [l.tn, l]));
  const after = new Map(next.lines.map((l) => [l.tn, l]));
  const terminal = isTerminalStatus(next.status);
  const removed = [...before.keys()].filter((tn) => !after.has(tn));
  await deleteOrderLines(db, loaded.row.id, removed);
  const added = next.lines.filter((l) => !before.has(l.tn));
  await insertOrderLines(
    db,
    added.map((l) => ({
      orderId: loaded.row.id,
      accountId: loaded.row.accountId,
      tn: l.tn,
      status: l.status,
      active: !terminal,
    })),
  );
  for (const line of next.lines) {
    const old = before.get(line.tn);
    if (old && (old.status !== line.status || (old.excludedReason ?? undefined) !== line.excludedReason)) {
      await updateOrderLine(db, loaded.row.id, line.tn, {
        status: line.status,
        excludedReason: line.excludedReason ?? null,
        activatedAt: line.status === "ACTIVATED" ? new Date() : null,
        active: !terminal && line.status !== "EXCLUDED",
      });
    }
  }
  if (terminal) {
    await releaseOrderLines(db, loaded.row.id);
  }
}

async function carryOutEffects(
  db: DbOrTx,
  loaded: LoadedOrder,
  next: PortOrder,
  event: OrderEvent,
  effects: OrderEffect[],
  options: EventOptions,
) {
  const orderId = loaded.row.id;
  const update: { activationDueAt?: Date | null; activationHeld?: boolean } = {};
  const history: HistoryEntry[] = [];
  for (const effect of effects) {
    switch (effect.type) {
      case "RECORD_HISTORY":
        history.push(effect.entry);
        break;
      case "SEND_ORDER":
        if (effect.route !== "PORTING_TEAM") {
          await insertOutboxJobs(db, [outboxJobs.dispatchOrder(orderId)]);
        }
        break;
      case "SEND_SUPP": {
        const supp = await insertSupp(db, {
          orderId,
          type: effect.suppType,
          supCode: effect.supCode,
          changes: effect.changes as Record<string, unknown>,
          status: effect.route === "PORTING_TEAM" ? "MANUAL" : "PENDING",
          manual: effect.route === "PORTING_TEAM",
          requestedFocAt: effect.changes.requestedFoc ? new Date(effect.changes.requestedFoc) : null,
          requestedBy: options.actor.id ?? options.actor.kind,
        });
        if (effect.route !== "PORTING_TEAM") {
          await insertOutboxJobs(db, [outboxJobs.sendSupp(orderId, supp.id)]);
        } else {
          // A project port's SUPP is sent by the porting team: it is work in their queue.
          await insertManualRequest(db, {
            orderId,
            kind: PROJECT_SUPP_KINDS[effect.suppType],
            suppId: supp.id,
            requestedFocAt: effect.changes.requestedFoc ? new Date(effect.changes.requestedFoc) : null,
            reason: `Customer ${effect.suppType.toLowerCase()} of a project port (SUP ${effect.supCode})`,
          });
        }
        break;
      }
      case "CREATE_MANUAL_REQUEST": {
        const supp =
          effect.kind === "PROJECT_PORT"
            ? null
            : await insertSupp(db, {
                orderId,
                type: effect.kind === "SHORT_NOTICE_CANCEL" ? "CANCEL" : "RESCHEDULE",
                supCode: effect.kind === "SHORT_NOTICE_CANCEL" ? 1 : 2,
                status: "MANUAL",
                manual: true,
                requestedFocAt: effect.requestedFoc ? new Date(effect.requestedFoc) : null,
                requestedBy: options.actor.id ?? options.actor.kind,
              });
        await insertManualRequest(db, {
          orderId,
          kind: effect.kind,
          suppId: supp?.id ?? null,
          requestedFocAt: effect.requestedFoc ? new Date(effect.requestedFoc) : null,
          reason: effect.reason,
        });
        break;
      }
      case "SCHEDULE_ACTIVATION":
        update.activationDueAt = new Date(effect.at);
        update.activationHeld = false;
        break;
      case "HOLD_ACTIVATION":
        update.activationHeld = true;
        break;
      case "DROP_ACTIVATION":
        update.activationDueAt = null;
        break;
      case "SEND_ACTIVATION":
        if (effect.route !== "PORTING_TEAM") {
          await insertOutboxJobs(db, [outboxJobs.activate(orderId, effect.tns)]);
        }
        break;
      case "RESTART_CSR":
      case "DELETE_DRAFT":
        break;
    }
  }
  await insertHistoryEntries(
    db,
    history.map((entry) => historyRow(orderId, entry)),
  );
  await recordAnswers(db, loaded, next, event, options);
  return update;
}

/** The queue entry of a project port's SUPP, per SUPP type. */
export const PROJECT_SUPP_KINDS = {
  CANCEL: "PROJECT_CANCEL",
  RESCHEDULE: "PROJECT_RESCHEDULE",
  CHANGE: "PROJECT_CHANGE",
} as const satisfies Record<SuppType, string>;

/** Which events answer a project port's SUPP entry: the LSP's answer, or the next step of the round it started. */
const PROJECT_ANSWERS: Readonly<Partial<Record<OrderEvent["type"], readonly string[]>>> = {
  SUPP_ACCEPTED: ["PROJECT_CANCEL", "PROJECT_RESCHEDULE"],
  SUPP_REJECTED: ["PROJECT_CANCEL", "PROJECT_RESCHEDULE"],
  FOC_RECEIVED: ["PROJECT_RESCHEDULE"],
  CSR_RETURNED: ["PROJECT_CHANGE"],
  CSR_UNAVAILABLE: ["PROJECT_CHANGE"],
  REJECTED: ["PROJECT_CHANGE"],
};

/** Keeps the side tables (rejections, SUPPs, manual requests) in step with what the event said. */
async function recordAnswers(
  db: DbOrTx,
  loaded: LoadedOrder,
  next: PortOrder,
  event: OrderEvent,
  options: EventOptions,
) {
  const orderId = loaded.row.id;
  if (event.type === "REJECTED") {
    await insertRejections(
      db,
      event.rejections.map((r) => ({
        orderId,
        code: r.code,
        reason: mapRejection(r).reason,
        rawText: r.text ?? null,
        tns: r.tns && r.tns.length > 0 ? [...r.tns] : null,
        carrierId: loaded.row.carrierId,
        receivedAt: options.now,
      })),
    );
  } else if (next.rejections.length === 0 && loaded.order.rejections.length > 0) {
    await resolveRejections(db, orderId, options.now);
  }
  const answered = PROJECT_ANSWERS[event.type];
  if (answered !== undefined && loaded.order.portType === "PROJECT") {
    await resolveOpenManualRequests(db, orderId, [...answered], {
      status: event.type === "SUPP_REJECTED" ? "REFUSED" : event.type === "SUPP_ACCEPTED" ? "ACCEPTED" : "DONE",
      resolution: `Answered: ${event.type}`,
      resolvedBy: options.actor.id ?? null,
      at: options.now,
    });
  }
  if (event.type === "SUPP_ACCEPTED" || event.type === "SUPP_REJECTED") {
    const accepted = event.type === "SUPP_ACCEPTED";
    const resolution = accepted ? "Accepted by the losing carrier." : event.reason;
    await resolveOpenSupps(db, orderId, { status: accepted ? "ACCEPTED" : "REFUSED", resolution, at: options.now });
    await resolveOpenManualRequests(db, orderId, ["SHORT_NOTICE_CANCEL", "SHORT_NOTICE_RESCHEDULE"], {
      status: accepted ? "ACCEPTED" : "REFUSED",
      resolution,
      resolvedBy: options.actor.id ?? null,
      at: options.now,
    });
  }
  if ((next.status === "COMPLETE" || next.status === "CANCELLED") && !isTerminalStatus(loaded.order.status)) {
    // A final order is no one's work any more: its project port and SUPP entries leave the queues.
    await resolveOpenManualRequests(db, orderId, [...CLOSED_BY_STATUS[next.status]], {
      status: "DONE",
      resolution: `Order ${next.status}`,
      resolvedBy: options.actor.id ?? null,
      at: options.now,
    });
  }
}
