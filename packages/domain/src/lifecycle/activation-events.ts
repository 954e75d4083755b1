import { easternToEpoch, formatInstant, requireInstant, toEasternWallTime } from "../schedule/eastern-time";
import { getActivationWindow, getActivationWindowMinutes } from "../schedule/foc";
import type { OrderEventContext, PortOrder, TnLine } from "./order";
import { portTypeOf, routeOf } from "./order";
import { move, refuse, refuseTransition, type Step } from "./step";

/** When an on-demand order activates by itself: the end of its type's window on the FOC day. */
export function onDemandDeadline(order: PortOrder, focAt: string): string {
  const wall = toEasternWallTime(requireInstant(focAt));
  return formatInstant(easternToEpoch(wall.date, getActivationWindowMinutes(portTypeOf(order)).to));
}

/** When scheduled activation is due. */
export function activationDueAt(order: PortOrder, focAt: string): string {
  return order.details.onDemandActivation === true ? onDemandDeadline(order, focAt) : focAt;
}

function heldBySupp(order: PortOrder): Step | null {
  if (order.supp !== null || order.status === "SUPP_PENDING") {
    return refuse("SUPP_IN_FLIGHT", "Activation is held while a change (SUPP) is waiting for the losing carrier.");
  }
  return null;
}

export function handleActivate(order: PortOrder, trigger: "SCHEDULED" | "ON_DEMAND", context: OrderEventContext): Step {
  const held = heldBySupp(order);
  if (held !== null) {
    return held;
  }
  if (order.status !== "FOC" || order.focAt === null) {
    return refuseTransition("ACTIVATE", order.status);
  }
  if (order.activationSent) {
    return refuse("ACTIVATION_ALREADY_SENT", "Activation was already sent; waiting for the carrier to confirm.");
  }
  const now = requireInstant(context.now);
  if (trigger === "SCHEDULED") {
    const due = activationDueAt(order, order.focAt);
    if (now < requireInstant(due)) {
      return refuse("ACTIVATION_TOO_EARLY", `Activation is due at ${due}.`);
    }
  } else {
    if (order.details.onDemandActivation !== true) {
      return refuse("NOT_ON_DEMAND", "This order activates at its FOC date and time, not on demand.");
    }
    const wallNow = toEasternWallTime(now);
    const window = getActivationWindow(portTypeOf(order));
    const { from, to } = getActivationWindowMinutes(portTypeOf(order));
    const focDate = toEasternWallTime(requireInstant(order.focAt)).date;
    if (wallNow.date !== focDate || wallNow.minuteOfDay < from || wallNow.minuteOfDay > to) {
      return refuse(
        "OUTSIDE_ACTIVATION_WINDOW",
        `On-demand activation is possible on ${focDate} between ${window.from} and ${window.to} ET.`,
      );
    }
  }
  const tns = order.lines.filter((line) => line.status === "PENDING").map((line) => line.tn);
  const reason = trigger === "SCHEDULED" ? "Scheduled activation" : "Activated on demand";
  return move(
    order,
    { activationSent: true },
    [{ type: "SEND_ACTIVATION", route: routeOf(order.portType), tns }],
    reason,
  );
}

function findUnknown(order: PortOrder, tns: readonly string[]): string | undefined {
  const known = new Map(order.lines.map((line) => [line.tn, line.status]));
  return tns.find((tn) => known.get(tn) === undefined || known.get(tn) === "EXCLUDED");
}

function isComplete(lines: readonly TnLine[]): boolean {
  const live = lines.filter((line) => line.status !== "EXCLUDED");
  return live.length > 0 && live.every((line) => line.status === "ACTIVATED");
}

/** Per-TN activation confirmations; the order is COMPLETE when every TN not excluded is activated. */
export function handleTnsActivated(order: PortOrder, tns: readonly string[]): Step {
  const held = heldBySupp(order);
  if (held !== null) {
    return held;
  }
  if (order.status !== "FOC") {
    return refuseTransition("TNS_ACTIVATED", order.status);
  }
  const unknown = findUnknown(order, tns);
  if (unknown !== undefined) {
    return refuse("UNKNOWN_TN", `${unknown} is not a pending number of this order.`, "tns");
  }
  const activated = new Set(tns);
  const lines: TnLine[] = order.lines.map((line) =>
    activated.has(line.tn) ? { tn: line.tn, status: "ACTIVATED" } : line,
  );
  const status = isComplete(lines) ? "COMPLETE" : "FOC";
  return move(order, { lines, status }, [], `${activated.size} numbers activated`);
}

/** Numbers can be excluded at any point before the order is final, a SUPP in flight included. */
const EXCLUDABLE: readonly string[] = ["SUBMITTED", "CSR_REVIEW", "PENDING_FOC", "EXCEPTION", "FOC", "SUPP_PENDING"];

export function handleTnsExcluded(order: PortOrder, tns: readonly string[], reason: string): Step {
  if (!EXCLUDABLE.includes(order.status)) {
    return refuseTransition("TNS_EXCLUDED", order.status);
  }
  const unknown = findUnknown(order, tns);
  if (unknown !== undefined) {
    return refuse("UNKNOWN_TN", `${unknown} is not a number of this order.`, "tns");
  }
  const excluded = new Set(tns);
  const lines: TnLine[] = order.lines.map((line) =>
    excluded.has(line.tn) && line.status === "PENDING"
      ? { tn: line.tn, status: "EXCLUDED", excludedReason: reason }
      : line,
  );
  if (lines.every((line) => line.status === "EXCLUDED")) {
    return refuse("LAST_TN", "An order needs at least one number; cancel the order instead.", "tns");
  }
  const status = order.status === "FOC" && isComplete(lines) ? "COMPLETE" : order.status;
  return move(order, { lines, status }, [], `Excluded: ${reason}`);
}
