import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { authUsers } from "./auth";

/**
 * What a member of the porting team did: who, when, to which order or object, and the change. Append-only: the
 * database refuses updates, deletes and truncation (see the audit_log_append_only migration). No foreign keys, so
 * an entry outlives what it names.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorId: text("actor_id").notNull(),
    actorName: text("actor_name").notNull(),
    /** What was done, e.g. ORDER_FOC, ASSIGNMENT, STAFF_ROLE. */
    action: text("action").notNull(),
    /** The kind of object acted on: order, account, carrier, holiday, numbering, staff, user, manual-request, ticket. */
    objectType: text("object_type").notNull(),
    objectId: text("object_id"),
    orderId: uuid("order_id"),
    change: jsonb("change").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index("audit_log_at_idx").on(t.at.desc(), t.id.desc()),
    index("audit_log_actor_idx").on(t.actorId, t.at),
    index("audit_log_action_idx").on(t.action, t.at),
    index("audit_log_order_idx").on(t.orderId, t.at),
    index("audit_log_object_idx").on(t.objectType, t.objectId, t.at),
  ],
);

/** A staff user who signs in with a first password handed over by a lead must choose a new one before working. */
export const staffPasswordChanges = pgTable("staff_password_changes", {
  userId: text("user_id")
    .primaryKey()
    .references(() => authUsers.id, { onDelete: "cascade" }),
  requiredSince: timestamp("required_since", { withTimezone: true }).notNull().defaultNow(),
});

export type AuditEntry = typeof auditLog.$inferSelect;
