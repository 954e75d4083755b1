import { validatePon } from "../pon/pon";
import type { PortType } from "../port-type/port-type";
import { mapRejection } from "../rejections/map-rejection";
import { parseInstant } from "../schedule/eastern-time";
import { normalizeRequestedFoc } from "../schedule/foc";
import { activationDueAt, handleActivate, handleTnsActivated, handleTnsExcluded } from "./activation-events";
import { describeConflict } from "./changes";
import {
  type ActorKind,
  isTerminalStatus,
  type OrderEvent,
  type OrderEventContext,
  type OrderEventType,
  type OrderRejection,
  type OrderTransition,
  type PortOrder,
  portTypeOf,
  routeOf,
} from "./order";
import { move, refuse, refuseTransition, type Step } from "./step";
import { completeReschedule, handleCancel, handleChange, handleResubmit, handleSuppAnswer } from "./supp-events";

const CUSTOMER: readonly ActorKind[] = ["USER", "API_KEY", "STAFF"];
const CARRIER: readonly ActorKind[] = ["PARTNER", "STAFF"];

/** Who may cause each event: customers act on their orders, the partner or LSP answers, staff can do both. */
export const EVENT_ACTORS: Readonly<Record<OrderEventType, readonly ActorKind[]>> = {
  SUBMIT: CUSTOMER,
  DELETE_DRAFT: CUSTOMER,
  EDIT: CUSTOMER,
  RESUBMIT: CUSTOMER,
  RESCHEDULE: CUSTOMER,
  CANCEL: CUSTOMER,
  PARTNER_ACCEPTED: CARRIER,
  CSR_RETURNED: CARRIER,
  CSR_UNAVAILABLE: CARRIER,
  FOC_RECEIVED: CARRIER,
  REJECTED: CARRIER,
  SUPP_ACCEPTED: CARRIER,
  SUPP_REJECTED: CARRIER,
  TNS_ACTIVATED: CARRIER,
  TNS_EXCLUDED: CARRIER,
  ACTIVATE: ["USER", "API_KEY", "STAFF", "SYSTEM"],
};

function actorAllowed(event: OrderEvent, kind: ActorKind): boolean {
  if (event.type === "ACTIVATE") {
    return event.trigger === "SCHEDULED"
      ? kind === "SYSTEM" || kind === "STAFF"
      : kind === "USER" || kind === "API_KEY" || kind === "STAFF";
  }
  return EVENT_ACTORS[event.type].includes(kind);
}

function whenStatus(order: PortOrder, event: OrderEvent, allowed: readonly string[], step: () => Step): Step {
  return allowed.includes(order.status) ? step() : refuseTransition(event.type, order.status);
}

/**
 * An FOC from the LSP: the first one moves the order to FOC; a later one (the LSP's answer to a reschedule it
 * accepted, or a revised date) replaces the date, unless activation was already sent.
 */
function handleFoc(order: PortOrder, focAt: string): Step {
  if (parseInstant(focAt) === null) {
    return refuse("INVALID_FOC", "The FOC is not a valid ISO 8601 date and time.", "focAt");
  }
  if (order.supp?.type === "RESCHEDULE" && order.supp.accepted === true) {
    // The LSP's FOC after it accepted a reschedule: this, not the date we asked for, is the new FOC.
    return completeReschedule(order, order.supp.requestedFoc, focAt, "Rescheduled: FOC from the losing carrier");
  }
  if (order.supp !== null) {
    return refuse("SUPP_IN_FLIGHT", "A change is waiting for the losing carrier; the FOC applies once it answers.");
  }
  if (order.status === "FOC" && order.activationSent) {
    return refuse("ACTIVATION_ALREADY_SENT", "Activation was already sent; the FOC can no longer change.", "focAt");
  }
  if (order.status === "FOC" && order.focAt === focAt) {
    return refuse("NO_CHANGES", "The order already has this FOC.", "focAt");
  }
  const changes = [{ field: "focAt", from: order.focAt, to: focAt }];
  const next = { ...order, focAt };
  const effects = [{ type: "SCHEDULE_ACTIVATION" as const, at: activationDueAt(next, focAt) }];
  const reason = order.status === "FOC" ? "FOC revised by the losing carrier" : "FOC received";
  return move(order, { status: "FOC", focAt, rejections: [] }, effects, reason, changes);
}

function toOrderRejection(input: { code: string; text?: string; tns?: readonly string[] }): OrderRejection {
  const rejection = mapRejection(input);
  return input.tns !== undefined && input.tns.length > 0 ? { ...rejection, tns: [...input.tns] } : rejection;
}

/** A rejection moves the order to EXCEPTION; another while there adds to the ones the customer must fix. */
function handleRejected(order: PortOrder, inputs: readonly { code: string; text?: string; tns?: readonly string[] }[]) {
  const rejections = inputs.map(toOrderRejection);
  const reason = `Rejected: ${rejections.map((r) => r.code).join(", ")}`;
  const all = order.status === "EXCEPTION" ? [...order.rejections, ...rejections] : rejections;
  return move(order, { status: "EXCEPTION", rejections: all }, [], reason);
}

function handleSubmit(order: PortOrder, portType: PortType): Step {
  const requested = order.details.requestedFoc;
  const normalized = requested === undefined ? null : normalizeRequestedFoc(portType, requested);
  const details = normalized === null ? order.details : { ...order.details, requestedFoc: normalized };
  // A project port's time is 11:30 ET whatever was asked (the history says so).
  const changes =
    normalized !== null && normalized !== requested
      ? [{ field: "requestedFoc", from: requested ?? null, to: normalized }]
      : [];
  return move(
    order,
    { status: "SUBMITTED", portType, details },
    portType === "PROJECT"
      ? [
          {
            type: "CREATE_MANUAL_REQUEST",
            kind: "PROJECT_PORT",
            requestedFoc: normalized,
            reason: "Project port",
          },
        ]
      : [{ type: "SEND_ORDER", route: routeOf(portType) }],
    `Submitted as ${portType}`,
    changes,
  );
}

function handleAccepted(order: PortOrder, pon: string): Step {
  const invalid = validatePon(portTypeOf(order), pon);
  if (invalid !== null) {
    return refuse("INVALID_PON", invalid.message, "pon");
  }
  const changes = [{ field: "pon", from: order.pon, to: pon }];
  return move(
    order,
    { status: "CSR_REVIEW", pon, csrRound: order.csrRound + 1 },
    [],
    "Accepted by the carrier",
    changes,
  );
}

function handle(order: PortOrder, event: OrderEvent, context: OrderEventContext): Step {
  switch (event.type) {
    case "SUBMIT":
      return whenStatus(order, event, ["DRAFT"], () => handleSubmit(order, event.portType));
    case "DELETE_DRAFT":
      return whenStatus(order, event, ["DRAFT"], () => move(order, {}, [{ type: "DELETE_DRAFT" }], "Draft deleted"));
    case "PARTNER_ACCEPTED":
      return whenStatus(order, event, ["SUBMITTED"], () => handleAccepted(order, event.pon));
    case "CSR_RETURNED":
    case "CSR_UNAVAILABLE":
      return whenStatus(order, event, ["CSR_REVIEW"], () =>
        move(order, { status: "PENDING_FOC" }, [], event.type === "CSR_RETURNED" ? "CSR returned" : "No CSR available"),
      );
    case "FOC_RECEIVED":
      return whenStatus(order, event, ["PENDING_FOC", "FOC", "SUPP_PENDING"], () => handleFoc(order, event.focAt));
    case "REJECTED":
      return whenStatus(order, event, ["SUBMITTED", "CSR_REVIEW", "PENDING_FOC", "EXCEPTION"], () =>
        handleRejected(order, event.rejections),
      );
    case "EDIT":
      return handleChange(order, event.changes, context, event.type);
    case "RESCHEDULE":
      return handleChange(order, { requestedFoc: event.requestedFoc }, context, event.type);
    case "RESUBMIT":
      return handleResubmit(order, context);
    case "CANCEL":
      return handleCancel(order, context, event.reason);
    case "SUPP_ACCEPTED":
      return handleSuppAnswer(order, context, { accepted: true, focAt: event.focAt });
    case "SUPP_REJECTED":
      return handleSuppAnswer(order, context, { accepted: false, reason: event.reason });
    case "ACTIVATE":
      return handleActivate(order, event.trigger, context);
    case "TNS_ACTIVATED":
      return handleTnsActivated(order, event.tns);
    case "TNS_EXCLUDED":
      return handleTnsExcluded(order, event.tns, event.reason);
  }
}

/**
 * The order state machine of SPEC 7-9: from an order and an event to the new order and the effects the services
 * carry out (history entry, order or SUPP to send, manual request, CSR restart, activation plan, hold or drop). Every
 * transition it does not list is refused; terminal orders refuse everything; a stale `expectedVersion` is a conflict
 * that says what changed.
 */
export function applyOrderEvent(order: PortOrder, event: OrderEvent, context: OrderEventContext): OrderTransition {
  if (isTerminalStatus(order.status)) {
    return {
      ok: false,
      error: { code: "TERMINAL_STATE", message: `The order is ${order.status}; nothing can change.`, field: "status" },
    };
  }
  if (context.expectedVersion !== undefined && context.expectedVersion !== order.version) {
    return { ok: false, error: describeConflict(order, context.expectedVersion, context.history) };
  }
  if (!actorAllowed(event, context.actor.kind)) {
    return {
      ok: false,
      error: {
        code: "ACTOR_NOT_ALLOWED",
        message: `A ${context.actor.kind.toLowerCase()} cannot cause ${event.type}.`,
        field: "actor",
      },
    };
  }
  const step = handle(order, event, context);
  if (!step.ok) {
    return step;
  }
  const version = order.version + 1;
  const next: PortOrder = { ...step.order, version };
  const entry = {
    version,
    at: context.now,
    actor: context.actor,
    event: event.type,
    from: order.status,
    to: next.status,
    reason: step.reason,
    changes: step.changes,
  };
  return { ok: true, order: next, effects: [{ type: "RECORD_HISTORY", entry }, ...step.effects] };
}
