import { validatePon } from "../pon/pon";
import { mapRejections } from "../rejections/map-rejection";
import { parseInstant } from "../schedule/eastern-time";
import { activationDueAt, handleActivate, handleTnsActivated, handleTnsExcluded } from "./activation-events";
import { buildResubmitChanges, describeConflict } from "./changes";
import {
  type ActorKind,
  isTerminalStatus,
  type OrderEvent,
  type OrderEventContext,
  type OrderEventType,
  type OrderTransition,
  type PortOrder,
  portTypeOf,
  routeOf,
} from "./order";
import { move, refuse, refuseTransition, type Step } from "./step";
import { handleCancel, handleChange, handleSuppAnswer } from "./supp-events";

const CUSTOMER: readonly ActorKind[] = ["USER", "STAFF"];
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
  ACTIVATE: ["USER", "STAFF", "SYSTEM"],
};

function actorAllowed(event: OrderEvent, kind: ActorKind): boolean {
  if (event.type === "ACTIVATE") {
    return event.trigger === "SCHEDULED" ? kind === "SYSTEM" || kind === "STAFF" : kind === "USER" || kind === "STAFF";
  }
  return EVENT_ACTORS[event.type].includes(kind);
}

function whenStatus(order: PortOrder, event: OrderEvent, allowed: readonly string[], step: () => Step): Step {
  return allowed.includes(order.status) ? step() : refuseTransition(event.type, order.status);
}

function handleFoc(order: PortOrder, focAt: string): Step {
  if (parseInstant(focAt) === null) {
    return refuse("INVALID_FOC", "The FOC is not a valid ISO 8601 date and time.", "focAt");
  }
  const changes = [{ field: "focAt", from: order.focAt, to: focAt }];
  const next = { ...order, focAt };
  const effects = [{ type: "SCHEDULE_ACTIVATION" as const, at: activationDueAt(next, focAt) }];
  return move(order, { status: "FOC", focAt, rejections: [] }, effects, "FOC received", changes);
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
      return whenStatus(order, event, ["DRAFT"], () =>
        move(
          order,
          { status: "SUBMITTED", portType: event.portType },
          event.portType === "PROJECT"
            ? [
                {
                  type: "CREATE_MANUAL_REQUEST",
                  kind: "PROJECT_PORT",
                  requestedFoc: order.details.requestedFoc ?? null,
                  reason: "Project port",
                },
              ]
            : [{ type: "SEND_ORDER", route: routeOf(event.portType) }],
          `Submitted as ${event.portType}`,
        ),
      );
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
      return whenStatus(order, event, ["PENDING_FOC"], () => handleFoc(order, event.focAt));
    case "REJECTED":
      return whenStatus(order, event, ["SUBMITTED", "CSR_REVIEW", "PENDING_FOC"], () => {
        const { rejections } = mapRejections(event.rejections);
        const reason = `Rejected: ${rejections.map((r) => r.code).join(", ")}`;
        return move(order, { status: "EXCEPTION", rejections }, [], reason);
      });
    case "EDIT":
      return handleChange(order, event.changes, context, event.type);
    case "RESCHEDULE":
      return handleChange(order, { requestedFoc: event.requestedFoc }, context, event.type);
    case "RESUBMIT":
      return whenStatus(order, event, ["EXCEPTION"], () =>
        move(
          order,
          { status: "CSR_REVIEW", csrRound: order.csrRound + 1, rejections: [] },
          [
            {
              type: "SEND_SUPP",
              route: routeOf(order.portType),
              suppType: "CHANGE",
              supCode: 3,
              changes: buildResubmitChanges(order),
            },
            { type: "RESTART_CSR", round: order.csrRound + 1 },
          ],
          "Resubmitted",
        ),
      );
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
