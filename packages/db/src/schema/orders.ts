import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { customerAccounts } from "./accounts";

/** A port-in order: the TNs of one LSP account moving to us. */
export const portOrders = pgTable(
  "port_orders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => customerAccounts.id, { onDelete: "restrict" }),
    status: text("status").notNull().default("DRAFT"),
    portType: text("port_type"),
    pon: text("pon"),
    customerReference: text("customer_reference"),
    tnCount: integer("tn_count").notNull().default(0),
    focAt: timestamp("foc_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("port_orders_account_created_idx").on(t.accountId, t.createdAt),
    index("port_orders_account_status_idx").on(t.accountId, t.status),
    uniqueIndex("port_orders_account_reference_uq").on(t.accountId, t.customerReference),
  ],
);

export type PortOrderRow = typeof portOrders.$inferSelect;
