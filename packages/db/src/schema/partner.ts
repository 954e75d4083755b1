import { bigserial, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

/**
 * Every callback the partner (or an LSP) sent, stored raw before anything is applied; the event ID deduplicates
 * re-deliveries, the per-order sequence puts events back in order.
 */
export const partnerEvents = pgTable(
  "partner_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    eventId: text("event_id").notNull(),
    partnerOrderId: text("partner_order_id").notNull(),
    orderId: text("order_id"),
    sequence: integer("sequence").notNull(),
    type: text("type").notNull(),
    body: jsonb("body").$type<Record<string, unknown>>().notNull(),
    /**
     * RECEIVED (waiting for an earlier sequence), APPLIED, PARKED (cannot apply yet, e.g. while a SUPP is in flight;
     * `detail` says why; applied once the SUPP is answered), REFUSED (the domain said no; surfaced to the porting
     * team), IGNORED (stale, or nothing to change).
     */
    status: text("status").notNull().default("RECEIVED"),
    detail: text("detail"),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull(),
    appliedAt: timestamp("applied_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("partner_events_event_uq").on(t.eventId),
    index("partner_events_order_seq_idx").on(t.partnerOrderId, t.sequence),
    index("partner_events_status_order_idx").on(t.status, t.orderId),
  ],
);

export type PartnerEventRow = typeof partnerEvents.$inferSelect;
