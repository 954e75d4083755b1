import { checkRequestedFoc, isShortNotice, normalizeRequestedFoc } from "../schedule/foc";
import type { OrderChanges } from "../schemas/order";
import { activationDueAt } from "./activation-events";
import { type AppliedChanges, applyChanges, buildSuppChanges } from "./changes";
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

/** Post-FOC SUPPs are capped, none may start while another is in flight, and none once activation was sent. */
function checkPostFocSupp(order: PortOrder, context: OrderEventContext): Step | null {
  if (order.activationSent) {
    return refuse(
      "ACTIVATION_ALREADY_SENT",
      "Activation was already sent to the carrier; the numbers are porting and the order can no longer be cancelled or rescheduled.",
      "status",
    );
  }
  if (order.supp !== null) {
    return refuse("SUPP_IN_FLIGHT", "A change is already waiting for the losing carrier.");
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
  if (order.status === "SUPP_PENDING") {
    return refuse("SUPP_IN_FLIGHT", "A change is waiting for the losing carrier; try again once it answers.");
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
  const dateOnly = applied.fields.every((field) => field === "requestedFoc");
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
  if (!restart) {
    return move(order, { details: applied.details, lines: applied.lines }, effects, null, applied.history);
  }
  effects.push({ type: "RESTART_CSR", round: order.csrRound + 1 });
  const patch = {
    details: applied.details,
    lines: applied.lines,
    status: "CSR_REVIEW" as const,
    csrRound: order.csrRound + 1,
    rejections: [],
  };
  return move(
    order,
    patch,
    effects,
    order.status === "EXCEPTION" ? "Fixed and resubmitted" : "Changed; CSR phase again",
    applied.history,
  );
}

export function handleCancel(order: PortOrder, context: OrderEventContext, reason: string | undefined): Step {
  const why = reason ?? "Cancel requested";
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
  if (order.status === "SUPP_PENDING") {
    return refuse("SUPP_IN_FLIGHT", "A change is waiting for the losing carrier; try again once it answers.");
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

/** The LSP's answer to a SUPP in flight (for a manual one, recorded by the porting team). */
export function handleSuppAnswer(
  order: PortOrder,
  context: OrderEventContext,
  answer: { accepted: true; focAt?: string } | { accepted: false; reason: string },
): Step {
  const supp = order.supp;
  const eventType = answer.accepted ? "SUPP_ACCEPTED" : "SUPP_REJECTED";
  const waiting = supp !== null && (order.status === "SUPP_PENDING" || (order.status === "FOC" && supp.manual));
  if (supp === null || !waiting) {
    return refuseTransition(eventType, order.status);
  }
  if (supp.manual && context.actor.kind !== "STAFF") {
    return refuse("ACTOR_NOT_ALLOWED", "Only the porting team records the answer to a short-notice request.", "actor");
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
  const focAt = answer.focAt ?? supp.requestedFoc;
  const changes = [{ field: "focAt", from: order.focAt, to: focAt }];
  const details = { ...order.details, requestedFoc: supp.requestedFoc };
  return move(
    order,
    { status: "FOC", supp: null, focAt, details },
    [{ type: "SCHEDULE_ACTIVATION", at: activationDueAt(order, focAt) }],
    "Rescheduled",
    changes,
  );
}
