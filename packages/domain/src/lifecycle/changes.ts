import type { OrderChanges } from "../schemas/order";
import type { FieldChange, HistoryEntry, OrderDetails, OrderError, PortOrder, SuppChanges, TnLine } from "./order";

const ADDRESS_KEYS = ["houseNumber", "street", "unit", "city", "state", "zip"] as const;
const SCALAR_KEYS = ["btn", "partialPort", "replacementBtn", "accountNumber", "pin", "requestedFoc"] as const;

export interface AppliedChanges {
  /** Dotted names of the fields whose value differs. */
  fields: string[];
  history: FieldChange[];
  details: OrderDetails;
  lines: TnLine[];
}

function display(field: string, value: unknown): string | null {
  if (value === undefined || value === null || value === "") {
    return null;
  }
  if (field === "pin") {
    return "••••";
  }
  if (Array.isArray(value)) {
    return `${value.length} TNs`;
  }
  return String(value);
}

function sameTns(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((tn, i) => tn === b[i]);
}

/** Applies customer changes to an order and lists the fields that really changed. */
export function applyChanges(order: PortOrder, changes: OrderChanges): AppliedChanges {
  const fields: string[] = [];
  const history: FieldChange[] = [];
  const details: OrderDetails = { ...order.details };
  const record = (field: string, from: unknown, to: unknown) => {
    fields.push(field);
    history.push({ field, from: display(field, from), to: display(field, to) });
  };
  for (const key of SCALAR_KEYS) {
    if (!(key in changes)) {
      continue;
    }
    const next = changes[key] ?? undefined;
    if (next !== details[key]) {
      record(key, details[key], next);
      Object.assign(details, { [key]: next });
    }
  }
  if (changes.serviceAddress !== undefined) {
    const address = { ...details.serviceAddress };
    for (const key of ADDRESS_KEYS) {
      const next = changes.serviceAddress[key];
      if (next !== undefined && next !== address[key]) {
        record(`serviceAddress.${key}`, address[key], next);
        address[key] = next;
      }
    }
    details.serviceAddress = address;
  }
  let lines = order.lines;
  const currentTns = order.lines.map((line) => line.tn);
  if (changes.tns !== undefined && !sameTns(currentTns, changes.tns)) {
    record("tns", currentTns, changes.tns);
    const byTn = new Map(order.lines.map((line) => [line.tn, line]));
    lines = changes.tns.map((tn) => byTn.get(tn) ?? { tn, status: "PENDING" });
  }
  return { fields, history, details, lines };
}

/**
 * What a CHANGE SUPP carries: the new value of every changed field; the service address as a whole; account number
 * and PIN together even when only one changed (SPEC 8).
 */
export function buildSuppChanges(applied: AppliedChanges): SuppChanges {
  const out: SuppChanges = {};
  const d = applied.details;
  const changed = (field: string) => applied.fields.includes(field);
  if (changed("tns")) {
    out.tns = applied.lines.map((line) => line.tn);
  }
  if (changed("btn") && d.btn !== undefined) {
    out.btn = d.btn;
  }
  if (changed("partialPort") && d.partialPort !== undefined) {
    out.partialPort = d.partialPort;
  }
  if (changed("replacementBtn")) {
    out.replacementBtn = d.replacementBtn ?? null;
  }
  if (changed("accountNumber") || changed("pin")) {
    out.accountNumber = d.accountNumber ?? null;
    out.pin = d.pin ?? null;
  }
  if (applied.fields.some((field) => field.startsWith("serviceAddress."))) {
    out.serviceAddress = { ...d.serviceAddress };
  }
  if (changed("requestedFoc") && d.requestedFoc !== undefined) {
    out.requestedFoc = d.requestedFoc;
  }
  return out;
}

/**
 * What a resubmit carries (SPEC 9: the end user cleared the blocker, the order goes again): the order as it stands,
 * every field the partner checks, so the CHANGE is never empty.
 */
export function buildResubmitChanges(order: PortOrder): SuppChanges {
  const d = order.details;
  const out: SuppChanges = {
    tns: order.lines.filter((line) => line.status !== "EXCLUDED").map((line) => line.tn),
    partialPort: d.partialPort ?? false,
    replacementBtn: d.replacementBtn ?? null,
    accountNumber: d.accountNumber ?? null,
    pin: d.pin ?? null,
  };
  if (d.btn !== undefined) {
    out.btn = d.btn;
  }
  if (d.serviceAddress !== undefined) {
    out.serviceAddress = { ...d.serviceAddress };
  }
  return out;
}

/** A conflict error that says what changed since the version the caller saw. */
export function describeConflict(
  order: PortOrder,
  expectedVersion: number,
  history: readonly HistoryEntry[] = [],
): OrderError {
  const since = history.filter((entry) => entry.version > expectedVersion).sort((a, b) => a.version - b.version);
  const changes: FieldChange[] = [];
  const parts: string[] = [];
  for (const entry of since) {
    if (entry.from !== entry.to) {
      changes.push({ field: "status", from: entry.from, to: entry.to });
      parts.push(`status ${entry.from} -> ${entry.to} (${entry.actor.kind.toLowerCase()})`);
    }
    for (const change of entry.changes) {
      changes.push(change);
      parts.push(`${change.field} ${change.from ?? "(empty)"} -> ${change.to ?? "(empty)"}`);
    }
  }
  const detail = parts.length > 0 ? `: ${parts.join("; ")}` : "";
  return {
    code: "VERSION_CONFLICT",
    field: "version",
    message: `The order changed since you opened it (version ${expectedVersion}, now ${order.version})${detail}. Reload and try again.`,
    changes,
  };
}
