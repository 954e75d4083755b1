import type { BusinessCalendar } from "../schedule/business-days";
import { easternToInstant } from "../schedule/eastern-time";
import { earliestFocDate, FOC_TIME_WINDOWS } from "../schedule/foc";
import { applyOrderEvent } from "./apply-order-event";
import { isTerminalStatus, type OrderEvent, type PortOrder, portTypeOf } from "./order";

export const CUSTOMER_ACTIONS = ["EDIT", "RESCHEDULE", "CANCEL", "ACTIVATE", "RESUBMIT"] as const;
export type CustomerAction = (typeof CUSTOMER_ACTIONS)[number];

export interface ActionAvailability {
  action: CustomerAction;
  allowed: boolean;
  /** Why it is refused now, in words for the customer; null when allowed. */
  reason: string | null;
  /** Allowed, but at short notice: it goes to the porting team as a manual request. */
  manual: boolean;
}

/** A date the reschedule probe can use: the earliest valid FOC date at the start of the type's window. */
function probeFoc(
  order: PortOrder,
  context: { now: string; calendar: BusinessCalendar; carrierMinBusinessDays: number },
): string {
  const portType = portTypeOf(order);
  const date = earliestFocDate({
    portType,
    now: context.now,
    calendar: context.calendar,
    carrierMinBusinessDays: context.carrierMinBusinessDays,
  });
  return easternToInstant(date, FOC_TIME_WINDOWS[portType].from) ?? context.now;
}

/**
 * Which customer actions the order allows now, each refused one with its reason: the state machine itself is asked
 * (a dry run of each action), so the order page and the server never disagree.
 */
export function availableActions(
  order: PortOrder,
  context: { now: string; calendar: BusinessCalendar; carrierMinBusinessDays: number },
): ActionAvailability[] {
  const probes: Record<CustomerAction, OrderEvent> = {
    EDIT: { type: "EDIT", changes: { serviceAddress: { unit: `${order.details.serviceAddress?.unit ?? ""}~` } } },
    RESCHEDULE: { type: "RESCHEDULE", requestedFoc: probeFoc(order, context) },
    CANCEL: { type: "CANCEL" },
    ACTIVATE: { type: "ACTIVATE", trigger: "ON_DEMAND" },
    RESUBMIT: { type: "RESUBMIT" },
  };
  return CUSTOMER_ACTIONS.map((action) => {
    if (isTerminalStatus(order.status)) {
      return {
        action,
        allowed: false,
        reason: `This order is ${order.status.toLowerCase()}; nothing more can change.`,
        manual: false,
      };
    }
    const result = applyOrderEvent(order, probes[action], { ...context, actor: { kind: "USER" } });
    if (result.ok) {
      const manual = result.effects.some((effect) => effect.type === "CREATE_MANUAL_REQUEST");
      return { action, allowed: true, reason: null, manual };
    }
    // The probe's date may not suit the order, or be its FOC already; the action itself is still open (the real date
    // is checked on use).
    if (action === "RESCHEDULE" && (result.error.code === "INVALID_FOC" || result.error.code === "NO_CHANGES")) {
      return { action, allowed: true, reason: null, manual: false };
    }
    return { action, allowed: false, reason: result.error.message, manual: false };
  });
}
