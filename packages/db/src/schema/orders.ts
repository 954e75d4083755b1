import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { customerAccounts } from "./accounts";
import { authUsers } from "./auth";
import { carriers } from "./numbering";

/** A draft of a port-in submission, saved at every step of the form; drafts never expire. */
export const portDrafts = pgTable(
  "port_drafts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => customerAccounts.id),
    createdBy: text("created_by").references(() => authUsers.id, { onDelete: "set null" }),
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
    tnCount: integer("tn_count").notNull().default(0),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("port_drafts_account_idx").on(t.accountId, t.updatedAt)],
);

/** One submission, split into one or several orders; the customer reference makes submitting idempotent. */
export const portRequests = pgTable(
  "port_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => customerAccounts.id),
    customerReference: text("customer_reference").notNull(),
    submittedBy: text("submitted_by").references(() => authUsers.id, { onDelete: "set null" }),
    draftId: uuid("draft_id"),
    tnCount: integer("tn_count").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("port_requests_account_reference_uq").on(t.accountId, t.customerReference),
    // The Bandwidth-compatible API finds the orders a submitted draft became by the draft's ID.
    index("port_requests_draft_idx").on(t.draftId),
  ],
);

/** A port-in order: the TNs of one LSP account moving to us. The domain's aggregate, persisted. */
export const portOrders = pgTable(
  "port_orders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => customerAccounts.id, { onDelete: "restrict" }),
    portRequestId: uuid("port_request_id").references(() => portRequests.id),
    /** Position of this order within its port request (1-based). */
    sequence: integer("sequence").notNull().default(1),
    status: text("status").notNull().default("DRAFT"),
    portType: text("port_type"),
    pon: text("pon"),
    customerReference: text("customer_reference"),
    btn: text("btn"),
    carrierId: uuid("carrier_id").references(() => carriers.id),
    onNet: boolean("on_net"),
    tnCount: integer("tn_count").notNull().default(0),
    requestedFocAt: timestamp("requested_foc_at", { withTimezone: true }),
    focAt: timestamp("foc_at", { withTimezone: true }),
    /** The order fields other than TNs (OrderDetails of the domain). */
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    /** A SUPP in flight (SuppInFlight of the domain), or null. */
    supp: jsonb("supp").$type<Record<string, unknown> | null>(),
    suppsAfterFoc: integer("supps_after_foc").notNull().default(0),
    csrRound: integer("csr_round").notNull().default(0),
    activationSent: boolean("activation_sent").notNull().default(false),
    activationDueAt: timestamp("activation_due_at", { withTimezone: true }),
    activationHeld: boolean("activation_held").notNull().default(false),
    assignedTo: text("assigned_to").references(() => authUsers.id, { onDelete: "set null" }),
    partnerOrderId: text("partner_order_id"),
    lastPartnerSequence: integer("last_partner_sequence").notNull().default(0),
    lastProgressAt: timestamp("last_progress_at", { withTimezone: true }).notNull().defaultNow(),
    stuckSince: timestamp("stuck_since", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // List pages: the account, then each sort column with the id tie-breaker; FOC both ways with nulls last.
    index("port_orders_account_created_idx").on(t.accountId, t.createdAt, t.id),
    index("port_orders_account_status_idx").on(t.accountId, t.status, t.createdAt, t.id),
    index("port_orders_account_foc_idx").on(t.accountId, t.focAt, t.id),
    index("port_orders_account_foc_desc_idx").on(t.accountId, t.focAt.desc().nullsLast(), t.id.desc()),
    index("port_orders_created_idx").on(t.createdAt, t.id),
    index("port_orders_account_type_idx").on(t.accountId, t.portType, t.createdAt),
    index("port_orders_account_pon_idx").on(t.accountId, t.pon),
    index("port_orders_account_reference_idx").on(t.accountId, t.customerReference),
    index("port_orders_account_btn_idx").on(t.accountId, t.btn),
    index("port_orders_status_idx").on(t.status, t.createdAt),
    // Staff search across every account: exact PON, BTN and customer reference; carrier, assignee and type filters.
    index("port_orders_pon_idx").on(t.pon),
    // A project port's PON is recorded by hand: never two project ports with the same one (the service also refuses
    // a PON any other order has; partner IDs and our sequences are unique by construction).
    uniqueIndex("port_orders_project_pon_uq").on(t.pon).where(sql`${t.portType} = 'PROJECT'`),
    index("port_orders_btn_idx").on(t.btn),
    index("port_orders_reference_idx").on(t.customerReference),
    index("port_orders_carrier_created_idx").on(t.carrierId, t.createdAt, t.id),
    index("port_orders_assignee_created_idx").on(t.assignedTo, t.createdAt, t.id),
    // The staff orders page filters a carrier or an assignee by status, newest first, without reading other statuses.
    index("port_orders_carrier_status_created_idx").on(t.carrierId, t.status, t.createdAt, t.id),
    index("port_orders_assignee_status_created_idx").on(t.assignedTo, t.status, t.createdAt, t.id),
    index("port_orders_type_created_idx").on(t.portType, t.createdAt, t.id),
    index("port_orders_request_idx").on(t.portRequestId),
    index("port_orders_activation_idx")
      .on(t.activationDueAt)
      .where(sql`${t.activationDueAt} is not null and ${t.activationSent} = false`),
    uniqueIndex("port_orders_partner_order_uq").on(t.partnerOrderId),
    check("port_orders_version", sql`${t.version} >= 1`),
  ],
);

/** The TNs of an order with their own status. A TN is in at most one active order across all accounts. */
export const portOrderTns = pgTable(
  "port_order_tns",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => portOrders.id, { onDelete: "cascade" }),
    accountId: uuid("account_id")
      .notNull()
      .references(() => customerAccounts.id),
    tn: text("tn").notNull(),
    status: text("status").notNull().default("PENDING"),
    excludedReason: text("excluded_reason"),
    activatedAt: timestamp("activated_at", { withTimezone: true }),
    /** True while the order is not terminal and the TN is not excluded. */
    active: boolean("active").notNull().default(true),
  },
  (t) => [
    uniqueIndex("port_order_tns_active_uq").on(t.tn).where(sql`${t.active}`),
    uniqueIndex("port_order_tns_order_tn_uq").on(t.orderId, t.tn),
    index("port_order_tns_account_tn_idx").on(t.accountId, t.tn),
    // Staff search: every order that ever held a TN, in any account, active or not.
    index("port_order_tns_tn_idx").on(t.tn),
    check("port_order_tns_tn", sql`${t.tn} ~ '^\\+1[2-9][0-9]{2}[2-9][0-9]{6}$'`),
    check("port_order_tns_status", sql`${t.status} in ('PENDING', 'ACTIVATED', 'EXCLUDED')`),
  ],
);

/** Every state change of an order. Append-only: the database refuses updates and deletes. */
export const orderHistory = pgTable(
  "order_history",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => portOrders.id),
    version: integer("version").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    actorKind: text("actor_kind").notNull(),
    actorId: text("actor_id"),
    event: text("event").notNull(),
    fromStatus: text("from_status").notNull(),
    toStatus: text("to_status").notNull(),
    reason: text("reason"),
    changes: jsonb("changes")
      .$type<{ field: string; from: string | null; to: string | null }[]>()
      .notNull()
      .default([]),
  },
  (t) => [index("order_history_order_idx").on(t.orderId, t.id)],
);

export type PortDraftRow = typeof portDrafts.$inferSelect;
export type PortRequestRow = typeof portRequests.$inferSelect;
export type PortOrderRow = typeof portOrders.$inferSelect;
export type PortOrderTnRow = typeof portOrderTns.$inferSelect;
export type OrderHistoryRow = typeof orderHistory.$inferSelect;
