import { sql } from "drizzle-orm";
import { bigserial, boolean, check, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { authUsers } from "./auth";
import { portOrders } from "./orders";

/** Supplements sent (or to be sent) for an order: CANCEL (1), RESCHEDULE (2), CHANGE (3). */
export const supps = pgTable(
  "supps",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => portOrders.id),
    type: text("type").notNull(),
    supCode: integer("sup_code").notNull(),
    changes: jsonb("changes").$type<Record<string, unknown>>().notNull().default({}),
    /** PENDING (to send), SENT, MANUAL (with the porting team), ACCEPTED, REFUSED. */
    status: text("status").notNull(),
    manual: boolean("manual").notNull().default(false),
    requestedFocAt: timestamp("requested_foc_at", { withTimezone: true }),
    requestedBy: text("requested_by"),
    resolution: text("resolution"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
  },
  (t) => [
    index("supps_order_idx").on(t.orderId, t.createdAt),
    check("supps_type", sql`${t.type} in ('CANCEL', 'RESCHEDULE', 'CHANGE')`),
  ],
);

/** Work for the porting team: project ports and short-notice SUPPs. */
export const manualRequests = pgTable(
  "manual_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => portOrders.id),
    kind: text("kind").notNull(),
    suppId: uuid("supp_id").references(() => supps.id),
    requestedFocAt: timestamp("requested_foc_at", { withTimezone: true }),
    reason: text("reason").notNull(),
    /** OPEN, then ACCEPTED / REFUSED (short notice) or DONE (project port). */
    status: text("status").notNull().default("OPEN"),
    assignedTo: text("assigned_to").references(() => authUsers.id, { onDelete: "set null" }),
    resolvedBy: text("resolved_by"),
    resolution: text("resolution"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
  },
  (t) => [
    index("manual_requests_open_idx").on(t.status, t.kind, t.createdAt),
    index("manual_requests_order_idx").on(t.orderId),
  ],
);

/** Rejections received for an order, with the canonical reason; resolved when the order is resubmitted. */
export const rejections = pgTable(
  "rejections",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => portOrders.id),
    code: text("code").notNull(),
    reason: text("reason").notNull(),
    rawText: text("raw_text"),
    /** The TNs (E.164) the rejection concerns, when the carrier named them (e.g. not portable). */
    tns: jsonb("tns").$type<string[]>(),
    carrierId: uuid("carrier_id"),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull(),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
  },
  (t) => [index("rejections_order_idx").on(t.orderId), index("rejections_reason_idx").on(t.reason, t.receivedAt)],
);

/** Customer service records returned by the partner or LSP, verbatim and parsed. */
export const csrs = pgTable(
  "csrs",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => portOrders.id),
    round: integer("round").notNull(),
    rawText: text("raw_text").notNull(),
    parsed: jsonb("parsed").$type<Record<string, unknown>>().notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("csrs_order_idx").on(t.orderId, t.round)],
);

export type SuppRow = typeof supps.$inferSelect;
export type ManualRequestRow = typeof manualRequests.$inferSelect;
export type RejectionRow = typeof rejections.$inferSelect;
export type CsrRow = typeof csrs.$inferSelect;
