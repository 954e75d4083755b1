import {
  type Actor,
  applyOrderEvent,
  buildBusinessCalendar,
  createDraftOrder,
  type OrderEffect,
  type OrderEvent,
  type OrderEventContext,
  type PortOrder,
} from "../src/index";

/** The rule inputs every event needs: porting holidays of the test years, no carrier minimum. */
export const RULES = { calendar: buildBusinessCalendar([2024, 2025, 2026, 2027]), carrierMinBusinessDays: 0 };

export const USER: Actor = { kind: "USER", id: "u1" };
export const API_KEY: Actor = { kind: "API_KEY", id: "k1" };
export const STAFF: Actor = { kind: "STAFF", id: "s1" };
export const PARTNER: Actor = { kind: "PARTNER" };
export const SYSTEM: Actor = { kind: "SYSTEM" };

/** Monday 2025-09-01 is Labor Day; "now" is Tuesday 2025-08-26. */
export const NOW = "2025-08-26T14:00:00Z";
/** FOC Monday 2025-09-08 11:30 EDT; cutoff Friday 2025-09-05 11:30 EDT. */
export const FOC_AT = "2025-09-08T15:30:00Z";

export function draftOrder(): PortOrder {
  return createDraftOrder({
    id: "o1",
    tns: ["+17182340001", "+17182340002", "+17182340003"],
    details: {
      btn: "+17182340001",
      partialPort: false,
      accountNumber: "88123",
      pin: "1234",
      serviceAddress: { houseNumber: "12", street: "Main St", city: "Brooklyn", state: "NY", zip: "11201" },
      requestedFoc: FOC_AT,
      onDemandActivation: false,
    },
  });
}

export function actorFor(event: OrderEvent): Actor {
  switch (event.type) {
    case "SUBMIT":
    case "DELETE_DRAFT":
    case "EDIT":
    case "RESUBMIT":
    case "RESCHEDULE":
    case "CANCEL":
      return USER;
    case "ACTIVATE":
      return event.trigger === "SCHEDULED" ? SYSTEM : USER;
    default:
      return PARTNER;
  }
}

export function step(order: PortOrder, event: OrderEvent, context: Partial<OrderEventContext> = {}) {
  return applyOrderEvent(order, event, { ...RULES, now: NOW, actor: actorFor(event), ...context });
}

/** Applies events that must succeed. */
export function run(order: PortOrder, ...events: OrderEvent[]): PortOrder {
  let current = order;
  for (const event of events) {
    const result = step(current, event);
    if (!result.ok) {
      throw new Error(`${event.type} from ${current.status}: ${result.error.code} ${result.error.message}`);
    }
    current = result.order;
  }
  return current;
}

export const TO_SUBMITTED: OrderEvent[] = [{ type: "SUBMIT", portType: "AUTOMATED" }];
export const TO_CSR_REVIEW: OrderEvent[] = [...TO_SUBMITTED, { type: "PARTNER_ACCEPTED", pon: "123456789" }];
export const TO_PENDING_FOC: OrderEvent[] = [...TO_CSR_REVIEW, { type: "CSR_RETURNED", note: "Name: Tom" }];
export const TO_FOC: OrderEvent[] = [...TO_PENDING_FOC, { type: "FOC_RECEIVED", focAt: FOC_AT }];
export const TO_EXCEPTION: OrderEvent[] = [
  ...TO_PENDING_FOC,
  { type: "REJECTED", rejections: [{ code: "ZIP_MISMATCH", text: "zip" }] },
];

export function effectTypes(effects: readonly OrderEffect[]): string[] {
  return effects.map((effect) => effect.type);
}
