import { sql } from "drizzle-orm";
import { bigserial, index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Jobs written in the same transaction as the state change that causes them; the worker relays them to the queue.
 * So nothing is lost, and nothing is sent for a change that rolled back.
 */
export const outbox = pgTable(
  "outbox",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    job: text("job").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    /** Jobs with the same key are delivered in order by the worker. */
    orderKey: text("order_key"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    relayedAt: timestamp("relayed_at", { withTimezone: true }),
  },
  (t) => [index("outbox_pending_idx").on(t.id).where(sql`relayed_at is null`)],
);

export type OutboxRow = typeof outbox.$inferSelect;
