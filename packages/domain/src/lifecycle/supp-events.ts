import { checkRequestedFoc, isShortNotice, normalizeRequestedFoc } from "../schedule/foc";
import type { OrderChanges } from "../schemas/order";
import { activationDueAt } from "./activation-events";
import { type AppliedChanges, applyChanges, buildResubmitChanges, buildSuppChanges } from "./changes";
import { editableFields, explainLockedField } from "./editable-fields";
import {
  MAX_SUPPS_AFTER_FOC,
  type OrderEffect,
  type OrderEventContext,
  type OrderEventType,
  type PortOrder,
  PRE_FOC_STATUSES,
  portTypeOf,
  routeOf,
  SUP_CODES,
  type SuppInFlight,
} from "./order";
import { move, refuse, refuseTransition, type Step } from "./step";

function checkFoc(order: PortOrder, requested: string, context: OrderEventContext): Step | null {
  const check = checkRequestedFoc({
    requested,
    portType: portTypeOf(order),
    now: context.now,
    calendar: context.calendar,
    carrierMinBusinessDays: context.carrierMinBusinessDays,
  });
  if (check.ok) {
    return null;
  }
  return refuse("INVALID_FOC", check.errors.map((e) => e.message).join(" "), "requestedFoc");
}

/**
 * One SUPP at a time (SPEC 8, 11): while one waits for the carrier's answer, before or after FOC, no customer action
 * may send another (the carrier refuses a second SUPP in flight); the customer tries again once it is answered.
 */
export function refuseWhileSuppInFlight(order: PortOrder): Step | null {
  if (order.supp === null) {
    return null;
  }
  if (order.supp.accepted === true) {
    return refuse(
      "SUPP_IN_FLIGHT",
      "The losing carrier accepted the reschedule and its new FOC is on the way; try again once it has arrived.",
    );
  }
  return refuse(
    "SUPP_IN_FLIGHT",
    "A change sent to the losing carrier is waiting for its answer; try again once it is answered.",
  );
}

/**
 * What a SUPP sent before FOC leaves waiting for the carrier. A project port's SUPPs go to the porting team, who send
 * them by hand one at a time from their queue, so nothing waits on the order.
 */
function preFocSuppInFlight(
  order: PortOrder,
  what: { type: "CHANGE"; requestedFoc: null } | { type: "RESCHEDULE"; requestedFoc: string },
  returnTo: PortOrder["status"],
  context: OrderEventContext,
): SuppInFlight | null {
  if (routeOf(order.portType) === "PORTING_TEAM") {
    return null;
  }
  return { ...what, manual: false, returnTo, requestedAt: context.now };
}

/** Post-FOC SUPPs are capped, and none once activation was sent. */
function checkPostFocSupp(order: PortOrder, context: OrderEventContext): Step | null {
  if (order.activationSent) {
    return refuse(
      "ACTIVATION_ALREADY_SENT",
      "Activation was already sent to the carrier; the numbers are porting and the order can no longer be cancelled or rescheduled.",
      "status",
    );
  }
  const cap = context.maxSuppsAfterFoc ?? MAX_SUPPS_AFTER_FOC;
  if (order.suppsAfterFoc >= cap) {
    return refuse(
      "SUPP_LIMIT_REACHED",
      `At most ${cap} changes can be sent after FOC; many carriers cancel the order on the next one. Open a ticket with the porting team.`,
    );
  }
  return null;
}

function shortNotice(order: PortOrder, context: OrderEventContext): boolean {
  return order.focAt !== null && isShortNotice({ foc: order.focAt, now: context.now, calendar: context.calendar });
}

function reschedulePostFoc(
  order: PortOrder,
  requestedFoc: string,
  context: OrderEventContext,
  applied: AppliedChanges,
): Step {
  const blocked = checkPostFocSupp(order, context) ?? checkFoc(order, requestedFoc, context);
  if (blocked !== null) {
    return blocked;
  }
  const supp = { type: "RESCHEDULE" as const, requestedFoc, returnTo: order.status, requestedAt: context.now };
  const counted = { suppsAfterFoc: order.suppsAfterFoc + 1 };
  if (shortNotice(order, context)) {
    const effects: OrderEffect[] = [
      {
        type: "CREATE_MANUAL_REQUEST",
        kind: "SHORT_NOTICE_RESCHEDULE",
        requestedFoc,
        reason: "Reschedule within one business day of FOC",
      },
      { type: "HOLD_ACTIVATION" },
    ];
    return move(
      order,
      { ...counted, supp: { ...supp, manual: true } },
      effects,
      "Short-notice reschedule requested",
      applied.history,
    );
  }
  const effects: OrderEffect[] = [
    {
      type: "SEND_SUPP",
      route: routeOf(order.portType),
      suppType: "RESCHEDULE",
      supCode: SUP_CODES.RESCHEDULE,
      changes: { requestedFoc },
    },
    { type: "HOLD_ACTIVATION" },
  ];
  return move(
    order,
    { ...counted, status: "SUPP_PENDING", supp: { ...supp, manual: false } },
    effects,
    "Reschedule requested",
    applied.history,
  );
}

/** EDIT and RESCHEDULE: the SPEC 8 rules of what may change when, and what it sends. */
export function handleChange(
  order: PortOrder,
  changes: OrderChanges,
  context: OrderEventContext,
  eventType: OrderEventType,
): Step {
  const inFlight = refuseWhileSuppInFlight(order);
  if (inFlight !== null) {
    return inFlight;
  }
  // A project port's time is always 11:30 ET; after FOC the date to compare with is the one the LSP committed to,
  // so the originally requested date can be asked for again.
  const asked =
    changes.requestedFoc === undefined
      ? changes
      : { ...changes, requestedFoc: normalizeRequestedFoc(portTypeOf(order), changes.requestedFoc) };
  const base =
    order.status === "FOC" && order.focAt !== null
      ? { ...order, details: { ...order.details, requestedFoc: order.focAt } }
      : order;
  const applied = applyChanges(base, asked);
  if (applied.fields.length === 0) {
    return refuse("NO_CHANGES", "Nothing changed.", "changes");
  }
  const editable = editableFields(order.status);
  const locked = applied.fields.filter((field) => !editable.includes(field));
  const firstLocked = locked[0];
  if (firstLocked !== undefined) {
    const why = explainLockedField(order.status, firstLocked) ?? "";
    return refuse("FIELD_LOCKED", `${locked.join(", ")} cannot change now. ${why}`, firstLocked);
  }
  const requestedFoc = applied.details.requestedFoc;
  if (order.status === "DRAFT") {
    return move(order, { details: applied.details, lines: applied.lines }, [], null, applied.history);
  }
  if (order.status === "FOC") {
    return requestedFoc === undefined
      ? refuseTransition(eventType, order.status)
      : reschedulePostFoc(order, requestedFoc, context, applied);
  }
  if (applied.fields.includes("requestedFoc") && requestedFoc !== undefined) {
    const invalid = checkFoc(order, requestedFoc, context);
    if (invalid !== null) {
      return invalid;
    }
  }
  const dateOnly = requestedFoc !== undefined && applied.fields.every((field) => field === "requestedFoc");
  const suppType = dateOnly ? "RESCHEDULE" : "CHANGE";
  const effects: OrderEffect[] = [
    {
      type: "SEND_SUPP",
      route: routeOf(order.portType),
      suppType,
      supCode: SUP_CODES[suppType],
      changes: buildSuppChanges(applied),
    },
  ];
  const restart = order.status === "EXCEPTION" || (!dateOnly && order.status !== "SUBMITTED");
  const sent = dateOnly
    ? ({ type: "RESCHEDULE", requestedFoc } as const)
    : ({ type: "CHANGE", requestedFoc: null } as const);
  const supp = preFocSuppInFlight(order, sent, restart ? "CSR_REVIEW" : order.status, context);
  if (!restart) {
    return move(order, { details: applied.details, lines: applied.lines, supp }, effects, null, applied.history);
  }
  effects.push({ type: "RESTART_CSR", round: order.csrRound + 1 });
  const patch = {
    details: applied.details,
    lines: applied.lines,
    status: "CSR_REVIEW" as const,
    csrRound: order.csrRound + 1,
    rejections: [],
    supp,
  };
  return move(
    order,
    patch,
    effects,
    order.status === "EXCEPTION" ? "Fixed and resubmitted" : "Changed; CSR phase again",
    applied.history,
  );
}

/** RESUBMIT: after the end user cleared a rejection, the whole order goes to the carrier again (a CHANGE SUPP). */
export function handleResubmit(order: PortOrder, context: OrderEventContext): Step {
  if (order.status !== "EXCEPTION") {
    return refuseTransition("RESUBMIT", order.status);
  }
  const inFlight = refuseWhileSuppInFlight(order);
  if (inFlight !== null) {
    return inFlight;
  }
  const round = order.csrRound + 1;
  const supp = preFocSuppInFlight(order, { type: "CHANGE", requestedFoc: null }, "CSR_REVIEW", context);
  const effects: OrderEffect[] = [
    {
      type: "SEND_SUPP",
      route: routeOf(order.portType),
      suppType: "CHANGE",
      supCode: SUP_CODES.CHANGE,
      changes: buildResubmitChanges(order),
    },
    { type: "RESTART_CSR", round },
  ];
  return move(order, { status: "CSR_REVIEW", csrRound: round, rejections: [], supp }, effects, "Resubmitted");
}

export function handleCancel(order: PortOrder, context: OrderEventContext, reason: string | undefined): Step {
  const why = reason ?? "Cancel requested";
  const inFlight = refuseWhileSuppInFlight(order);
  if (inFlight !== null) {
    return inFlight;
  }
  if (PRE_FOC_STATUSES.includes(order.status)) {
    const supp = {
      type: "CANCEL" as const,
      requestedFoc: null,
      manual: false,
      returnTo: order.status,
      requestedAt: context.now,
    };
    const effects: OrderEffect[] = [
      { type: "SEND_SUPP", route: routeOf(order.portType), suppType: "CANCEL", supCode: SUP_CODES.CANCEL, changes: {} },
    ];
    return move(order, { status: "SUPP_PENDING", supp }, effects, why);
  }
  if (order.status !== "FOC") {
    return refuseTransition("CANCEL", order.status);
  }
  const blocked = checkPostFocSupp(order, context);
  if (blocked !== null) {
    return blocked;
  }
  const supp = { type: "CANCEL" as const, requestedFoc: null, returnTo: order.status, requestedAt: context.now };
  const counted = { suppsAfterFoc: order.suppsAfterFoc + 1 };
  if (shortNotice(order, context)) {
    const effects: OrderEffect[] = [
      { type: "CREATE_MANUAL_REQUEST", kind: "SHORT_NOTICE_CANCEL", requestedFoc: null, reason: why },
      { type: "HOLD_ACTIVATION" },
    ];
    return move(
      order,
      { ...counted, supp: { ...supp, manual: true } },
      effects,
      `Short-notice cancel requested: ${why}`,
    );
  }
  const effects: OrderEffect[] = [
    { type: "SEND_SUPP", route: routeOf(order.portType), suppType: "CANCEL", supCode: SUP_CODES.CANCEL, changes: {} },
    { type: "HOLD_ACTIVATION" },
  ];
  return move(order, { ...counted, status: "SUPP_PENDING", supp: { ...supp, manual: false } }, effects, why);
}

/**
 * A reschedule the LSP took: the FOC it committed to (never the date we asked for), the asked date as the requested
 * one, activation planned for the new FOC.
 */
export function completeReschedule(order: PortOrder, requestedFoc: string, focAt: string, reason: string): Step {
  const changes = [{ field: "focAt", from: order.focAt, to: focAt }];
  const details = { ...order.details, requestedFoc };
  return move(
    order,
    { status: "FOC", supp: null, focAt, details },
    [{ type: "SCHEDULE_ACTIVATION", at: activationDueAt(order, focAt) }],
    reason,
    changes,
  );
}

/** The LSP's answer to a SUPP in flight (for a manual one, recorded by the porting team). */
export function handleSuppAnswer(
  order: PortOrder,
  context: OrderEventContext,
  answer: { accepted: true; focAt?: string } | { accepted: false; reason: string },
): Step {
  const supp = order.supp;
  const eventType = answer.accepted ? "SUPP_ACCEPTED" : "SUPP_REJECTED";
  if (supp === null) {
    return refuseTransition(eventType, order.status);
  }
  if (supp.manual && context.actor.kind !== "STAFF") {
    return refuse("ACTOR_NOT_ALLOWED", "Only the porting team records the answer to a short-notice request.", "actor");
  }
  if (supp.accepted === true) {
    // Accepted already: only the LSP's FOC can follow (from the porting team, with the acceptance it records).
    if (!answer.accepted) {
      return refuseTransition(eventType, order.status);
    }
    if (answer.focAt === undefined) {
      return refuse("NO_CHANGES", "The losing carrier already accepted this reschedule; its FOC is awaited.");
    }
  }
  if (supp.type === "CHANGE" || (supp.type === "RESCHEDULE" && supp.returnTo !== "FOC")) {
    // Before FOC the order went on meanwhile (CSR phase, new date); the answer only ends the wait. The FOC comes as
    // its own event.
    const reason = answer.accepted
      ? `${supp.type === "CHANGE" ? "Change" : "New requested FOC"} accepted by the losing carrier`
      : `SUPP refused: ${answer.reason}`;
    return move(order, { supp: null }, [], reason);
  }
  const afterFoc = supp.returnTo === "FOC";
  if (!answer.accepted) {
    const effects: OrderEffect[] =
      afterFoc && order.focAt !== null
        ? [{ type: "SCHEDULE_ACTIVATION", at: activationDueAt(order, order.focAt) }]
        : [];
    return move(order, { status: supp.returnTo, supp: null }, effects, `SUPP refused: ${answer.reason}`);
  }
  if (supp.type === "CANCEL") {
    return move(order, { status: "CANCELLED", supp: null }, afterFoc ? [{ type: "DROP_ACTIVATION" }] : [], "Cancelled");
  }
  if (answer.focAt === undefined) {
    // The FOC is the LSP's to give: until it arrives the order keeps waiting, activation held.
    return move(
      order,
      { supp: { ...supp, accepted: true } },
      [],
      "Reschedule accepted by the losing carrier; waiting for its FOC",
    );
  }
  return completeReschedule(order, supp.requestedFoc, answer.focAt, "Rescheduled");
}
