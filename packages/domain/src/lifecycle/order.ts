import type { PortType } from "../port-type/port-type";
import type { Rejection } from "../rejections/map-rejection";
import type { BusinessCalendar } from "../schedule/business-days";
import type { OrderChanges, OrderDraft } from "../schemas/order";

export const ORDER_STATUSES = [
  "DRAFT",
  "SUBMITTED",
  "CSR_REVIEW",
  "PENDING_FOC",
  "EXCEPTION",
  "FOC",
  "SUPP_PENDING",
  "COMPLETE",
  "CANCELLED",
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const TERMINAL_STATUSES: readonly OrderStatus[] = ["COMPLETE", "CANCELLED"];
/** Before FOC the customer may change the SPEC 8 fields. */
export const PRE_FOC_STATUSES: readonly OrderStatus[] = ["SUBMITTED", "CSR_REVIEW", "PENDING_FOC", "EXCEPTION"];

export function isTerminalStatus(status: OrderStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

export type TnStatus = "PENDING" | "ACTIVATED" | "EXCLUDED";

export interface TnLine {
  tn: string;
  status: TnStatus;
  excludedReason?: string;
}

export const SUPP_TYPES = ["CANCEL", "RESCHEDULE", "CHANGE"] as const;
export type SuppType = (typeof SUPP_TYPES)[number];
/** The LSR SUP field: 1 cancel, 2 new due date, 3 other. */
export const SUP_CODES: Readonly<Record<SuppType, 1 | 2 | 3>> = { CANCEL: 1, RESCHEDULE: 2, CHANGE: 3 };
export const MAX_SUPPS_AFTER_FOC = 3;

/**
 * A SUPP sent to the partner or LSP and not answered yet: a cancel, a reschedule, or (before FOC) a change. While it
 * exists no other SUPP starts (the carrier refuses a second one) and activation is held.
 */
export type SuppInFlight = (
  | { type: "CANCEL"; requestedFoc: null }
  | { type: "RESCHEDULE"; requestedFoc: string }
  | { type: "CHANGE"; requestedFoc: null }
) & {
  /** Short notice: a manual request in the porting team's queue; the order keeps its status and FOC. */
  manual: boolean;
  /**
   * The status to return to when the LSP refuses the SUPP. A change or date change before FOC keeps the order's status
   * (it goes through the CSR phase meanwhile), so a refusal leaves the order where it is.
   */
  returnTo: OrderStatus;
  requestedAt: string;
  /** A reschedule after FOC the LSP accepted: the order waits for the LSP's own FOC, never takes the date it asked. */
  accepted?: boolean;
};

/** What a SUPP carries: the changed fields with their new values (the address as the order holds it). */
export type SuppChanges = Omit<OrderChanges, "serviceAddress"> & { serviceAddress?: OrderDetails["serviceAddress"] };

/** The order fields other than the TN list (the lines hold that). */
export type OrderDetails = Omit<OrderDraft, "tns">;

export interface PortOrder {
  id: string;
  /** Goes up by one with every applied event (optimistic concurrency). */
  version: number;
  status: OrderStatus;
  portType: PortType | null;
  pon: string | null;
  /** The FOC the LSP committed to (ISO instant). */
  focAt: string | null;
  details: OrderDetails;
  lines: TnLine[];
  rejections: OrderRejection[];
  supp: SuppInFlight | null;
  suppsAfterFoc: number;
  /** How many times the CSR phase started. */
  csrRound: number;
  activationSent: boolean;
}

/** Who caused an event: a customer user in the portal, a customer system through an API key (attributed to the key,
 * not to the user who created it), the porting team, the partner or LSP, or Portway itself. */
export type ActorKind = "USER" | "API_KEY" | "STAFF" | "PARTNER" | "SYSTEM";
export interface Actor {
  kind: ActorKind;
  id?: string;
}

export type Route = "PARTNER" | "LSP" | "PORTING_TEAM";

export type OrderEvent =
  | { type: "SUBMIT"; portType: PortType }
  | { type: "DELETE_DRAFT" }
  | { type: "PARTNER_ACCEPTED"; pon: string }
  | { type: "CSR_RETURNED"; note: string }
  | { type: "CSR_UNAVAILABLE" }
  | { type: "FOC_RECEIVED"; focAt: string }
  | { type: "REJECTED"; rejections: readonly RejectionInput[] }
  | { type: "EDIT"; changes: OrderChanges }
  | { type: "RESUBMIT" }
  | { type: "RESCHEDULE"; requestedFoc: string }
  | { type: "CANCEL"; reason?: string }
  | { type: "SUPP_ACCEPTED"; focAt?: string }
  | { type: "SUPP_REJECTED"; reason: string }
  | { type: "ACTIVATE"; trigger: "SCHEDULED" | "ON_DEMAND" }
  | { type: "TNS_ACTIVATED"; tns: readonly string[] }
  | { type: "TNS_EXCLUDED"; tns: readonly string[]; reason: string };
export type OrderEventType = OrderEvent["type"];

/** A rejection as the partner or LSP sends it; `tns` (E.164) when it concerns some numbers only. */
export interface RejectionInput {
  code: string;
  text?: string;
  tns?: readonly string[];
}

/** A rejection on the order: the canonical reason, and the numbers it concerns when the carrier named them. */
export type OrderRejection = Rejection & { tns?: readonly string[] };

/** A field difference as history shows it (PINs masked). */
export interface FieldChange {
  field: string;
  from: string | null;
  to: string | null;
}

export interface HistoryEntry {
  /** The order version this entry produced. */
  version: number;
  at: string;
  actor: Actor;
  event: OrderEventType;
  from: OrderStatus;
  to: OrderStatus;
  reason: string | null;
  changes: FieldChange[];
}

export type ManualRequestKind = "PROJECT_PORT" | "SHORT_NOTICE_RESCHEDULE" | "SHORT_NOTICE_CANCEL";

export type OrderEffect =
  | { type: "RECORD_HISTORY"; entry: HistoryEntry }
  | { type: "SEND_ORDER"; route: Route }
  | { type: "SEND_SUPP"; route: Route; suppType: SuppType; supCode: 1 | 2 | 3; changes: SuppChanges }
  | { type: "CREATE_MANUAL_REQUEST"; kind: ManualRequestKind; requestedFoc: string | null; reason: string }
  | { type: "RESTART_CSR"; round: number }
  | { type: "SCHEDULE_ACTIVATION"; at: string }
  | { type: "HOLD_ACTIVATION" }
  | { type: "DROP_ACTIVATION" }
  | { type: "SEND_ACTIVATION"; route: Route; tns: string[] }
  | { type: "DELETE_DRAFT" };

export const ORDER_ERROR_CODES = [
  "TERMINAL_STATE",
  "INVALID_TRANSITION",
  "ACTOR_NOT_ALLOWED",
  "VERSION_CONFLICT",
  "FIELD_LOCKED",
  "NO_CHANGES",
  "SUPP_LIMIT_REACHED",
  "SUPP_IN_FLIGHT",
  "INVALID_PON",
  "INVALID_FOC",
  "ACTIVATION_TOO_EARLY",
  "OUTSIDE_ACTIVATION_WINDOW",
  "NOT_ON_DEMAND",
  "ACTIVATION_ALREADY_SENT",
  "UNKNOWN_TN",
  "LAST_TN",
] as const;
export type OrderErrorCode = (typeof ORDER_ERROR_CODES)[number];

export interface OrderError {
  code: OrderErrorCode;
  message: string;
  field: string;
  /** For VERSION_CONFLICT: what changed since the version the caller saw. */
  changes?: FieldChange[];
}

export interface OrderEventContext {
  /** ISO instant of the event. */
  now: string;
  actor: Actor;
  /** Required: porting holidays, company-wide dates and the losing carrier's own (SPEC 6). */
  calendar: BusinessCalendar;
  /** Required: the losing carrier's minimum porting interval in business days (0 for on-net). */
  carrierMinBusinessDays: number;
  /** The version the caller saw; a different current version is a conflict. */
  expectedVersion?: number;
  /** The order's history, to say what changed in a conflict. */
  history?: readonly HistoryEntry[];
  maxSuppsAfterFoc?: number;
}

export type OrderTransition = { ok: true; order: PortOrder; effects: OrderEffect[] } | { ok: false; error: OrderError };

/** A new order in DRAFT, version 1. */
export function createDraftOrder(input: { id: string; tns?: readonly string[]; details?: OrderDetails }): PortOrder {
  return {
    id: input.id,
    version: 1,
    status: "DRAFT",
    portType: null,
    pon: null,
    focAt: null,
    details: { ...input.details },
    lines: (input.tns ?? []).map((tn) => ({ tn, status: "PENDING" })),
    rejections: [],
    supp: null,
    suppsAfterFoc: 0,
    csrRound: 0,
    activationSent: false,
  };
}

/** The port type once submitted (a draft has none yet; its rules are the automated ones). */
export function portTypeOf(order: PortOrder): PortType {
  return order.portType ?? "AUTOMATED";
}

export function routeOf(portType: PortType | null): Route {
  if (portType === "AUTOMATED") {
    return "PARTNER";
  }
  return portType === "ON_NET" ? "LSP" : "PORTING_TEAM";
}
