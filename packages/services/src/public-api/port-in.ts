import { type DbOrTx, findPortIn, type PortInLine, type PortOrderTnRow } from "@portway/db";
import {
  availableActions,
  buildBusinessCalendar,
  type OrderDetails,
  type OrderStatus,
  type PortType,
  type SuppInFlight,
  shortNoticeCutoff,
} from "@portway/domain";
import { notFound } from "../errors";
import { toDomainOrder } from "../orders/order-store";

/** Masks a PIN for display: the last digit at most (as the order page does for customers). */
function maskPin(pin: unknown): string | null {
  return typeof pin === "string" && pin.length > 0
    ? `${"•".repeat(Math.max(0, pin.length - 1))}${pin.slice(-1)}`
    : null;
}

const dateOf = (ms: number | null) => (ms === null ? null : new Date(ms));

type Found = NonNullable<Awaited<ReturnType<typeof findPortIn>>>;

function linesOf(found: Found): PortOrderTnRow[] {
  const { order } = found;
  return found.lines.map((line: PortInLine) => ({
    id: line.id,
    orderId: order.id,
    accountId: order.accountId,
    tn: line.tn,
    status: line.status,
    excludedReason: line.excludedReason,
    activatedAt: dateOf(line.activatedAtMs),
    active: line.active,
  }));
}

/** The order as both API representations show it, for a customer (the PIN masked), and its TN lines. */
function summaryOf(found: Found, lines: readonly PortOrderTnRow[]) {
  const { order: row, carrier } = found;
  const details = row.details as OrderDetails;
  return {
    order: {
      id: row.id,
      accountId: row.accountId,
      portRequestId: row.portRequestId,
      status: row.status as OrderStatus,
      portType: (row.portType as PortType | null) ?? null,
      pon: row.pon,
      version: row.version,
      customerReference: row.customerReference,
      focAt: row.focAt,
      requestedFocAt: row.requestedFocAt,
      supp: (row.supp as SuppInFlight | null) ?? null,
      activationDueAt: row.activationDueAt,
      activationHeld: row.activationHeld,
      onNet: row.onNet,
      carrier: carrier ? { name: carrier.name, spid: carrier.spid, type: carrier.type } : null,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      details: { ...details, pin: maskPin(details.pin) },
    },
    tns: lines.map((l) => ({
      tn: l.tn,
      status: l.status,
      excludedReason: l.excludedReason,
      activatedAt: l.activatedAt,
    })),
  };
}

/** What the Bandwidth-compatible representation of an order shows: the order and its TNs. */
export type PortInSummary = ReturnType<typeof summaryOf>;

/**
 * One order of the caller's account as the Bandwidth-compatible API shows it, in one SQL statement (not the order
 * page's dozen). Null when the account has no such order.
 */
export async function findPortInSummary(
  db: DbOrTx,
  where: { orderId: string; accountId: string },
): Promise<PortInSummary | null> {
  const found = await findPortIn(db, where, { full: false });
  return found ? summaryOf(found, linesOf(found)) : null;
}

/**
 * One order of the caller's account as the REST API shows it, in one SQL statement: the order with its short-notice
 * cutoff, the customer actions with whether each is allowed now (from the state machine, with the order's business
 * calendar and carrier interval), its TNs and its rejections. Another account's ID is NOT_FOUND, like the order page.
 */
export async function getPortIn(db: DbOrTx, where: { orderId: string; accountId: string }, options: { now: Date }) {
  const found = await findPortIn(db, where, { full: true });
  if (!found) {
    throw notFound("The order");
  }
  const lines = linesOf(found);
  const open = found.rejections
    .filter((r) => r.resolvedAtMs === null)
    .sort((a, b) => a.id - b.id)
    .map((r) => ({ code: r.code, rawText: r.rawText, tns: r.tns }));
  const order = toDomainOrder(found.order, lines, open);
  const year = options.now.getUTCFullYear();
  const calendar = buildBusinessCalendar([year - 1, year, year + 1], found.holidays);
  const summary = summaryOf(found, lines);
  return {
    order: { ...summary.order, shortNoticeCutoff: order.focAt ? shortNoticeCutoff(order.focAt, calendar) : null },
    /** Every customer action with whether it is allowed now and, if not, why (from the state machine). */
    actions: availableActions(order, {
      now: options.now.toISOString(),
      calendar,
      carrierMinBusinessDays: found.carrier?.minBusinessDays ?? 0,
    }),
    tns: summary.tns,
    rejections: found.rejections.map((r) => ({
      id: r.id,
      code: r.code,
      reason: r.reason,
      receivedAt: new Date(r.receivedAtMs),
      resolvedAt: dateOf(r.resolvedAtMs),
    })),
  };
}

/** What the REST representation of an order shows. */
export type PortInView = Awaited<ReturnType<typeof getPortIn>>;
