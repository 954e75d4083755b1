import type {
  FieldChange,
  OrderEffect,
  OrderError,
  OrderErrorCode,
  OrderEventType,
  OrderStatus,
  PortOrder,
} from "./order";

/** What a handler returns; `applyOrderEvent` adds the version and the history entry. */
export type Step =
  | { ok: true; order: PortOrder; effects: OrderEffect[]; reason: string | null; changes: FieldChange[] }
  | { ok: false; error: OrderError };

export function refuse(code: OrderErrorCode, message: string, field = "status"): Step {
  return { ok: false, error: { code, message, field } };
}

export function move(
  order: PortOrder,
  patch: Partial<PortOrder>,
  effects: OrderEffect[] = [],
  reason: string | null = null,
  changes: FieldChange[] = [],
): Step {
  return { ok: true, order: { ...order, ...patch }, effects, reason, changes };
}

const VERBS: Readonly<Record<OrderEventType, string>> = {
  SUBMIT: "submit",
  DELETE_DRAFT: "delete",
  PARTNER_ACCEPTED: "accept",
  CSR_RETURNED: "record a CSR for",
  CSR_UNAVAILABLE: "record a missing CSR for",
  FOC_RECEIVED: "record an FOC for",
  REJECTED: "reject",
  EDIT: "edit",
  RESUBMIT: "resubmit",
  RESCHEDULE: "reschedule",
  CANCEL: "cancel",
  SUPP_ACCEPTED: "record a SUPP acceptance for",
  SUPP_REJECTED: "record a SUPP refusal for",
  ACTIVATE: "activate",
  TNS_ACTIVATED: "record activated numbers for",
  TNS_EXCLUDED: "exclude numbers from",
};

export function refuseTransition(eventType: OrderEventType, status: OrderStatus): Step {
  return refuse("INVALID_TRANSITION", `Cannot ${VERBS[eventType]} an order in status ${status}.`);
}
