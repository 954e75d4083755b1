import { date, index, integer, jsonb, pgTable, real, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { carriers } from "./numbering";

/**
 * Per losing carrier and port type ('ALL' for every type), over one period: what the worker's statistics job
 * computed from the order history. ROLLING_90 rows are the last 90 days; WEEK rows are the weekly trend.
 */
export const carrierStats = pgTable(
  "carrier_stats",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    carrierId: uuid("carrier_id")
      .notNull()
      .references(() => carriers.id, { onDelete: "cascade" }),
    portType: text("port_type").notNull(),
    window: text("window").notNull(),
    periodFrom: date("period_from").notNull(),
    periodTo: date("period_to").notNull(),
    ordersSubmitted: integer("orders_submitted").notNull(),
    /** Orders rejected at least once for each canonical reason. */
    rejectedOrdersByReason: jsonb("rejected_orders_by_reason").$type<Record<string, number>>().notNull(),
    firstTimeRight: integer("first_time_right").notNull(),
    focSample: integer("foc_sample").notNull(),
    focMedianDays: real("foc_median_days"),
    focP90Days: real("foc_p90_days"),
    focOnRequestedDate: integer("foc_on_requested_date").notNull(),
    completeSample: integer("complete_sample").notNull(),
    completeMedianDays: real("complete_median_days"),
    completeP90Days: real("complete_p90_days"),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("carrier_stats_uq").on(t.window, t.carrierId, t.portType, t.periodFrom),
    index("carrier_stats_carrier_idx").on(t.carrierId, t.window, t.periodFrom),
  ],
);

/** Account number lengths of carriers whose format is known (rules that predict a rejection with certainty). */
export const carrierAccountFormats = pgTable("carrier_account_formats", {
  carrierId: uuid("carrier_id")
    .primaryKey()
    .references(() => carriers.id, { onDelete: "cascade" }),
  lengths: integer("lengths").array().notNull(),
});

export type CarrierStatsRow = typeof carrierStats.$inferSelect;
export type NewCarrierStatsRow = typeof carrierStats.$inferInsert;
