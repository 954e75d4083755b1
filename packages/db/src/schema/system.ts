import { bigint, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Last run of each periodic job, so the admin portal can tell whether the worker is alive. */
export const jobHeartbeats = pgTable("job_heartbeats", {
  name: text("name").primaryKey(),
  lastRunAt: timestamp("last_run_at", { withTimezone: true }).notNull(),
  runCount: integer("run_count").notNull().default(1),
  detail: jsonb("detail").$type<Record<string, unknown>>().notNull().default({}),
});

export type JobHeartbeat = typeof jobHeartbeats.$inferSelect;

/**
 * The sandbox's business clock: one row holding how far business time runs ahead of real time. Portals and
 * worker read it, so Portway and the carrier simulator move through FOC dates together in demos and tests.
 * Production never writes it.
 */
export const sandboxClock = pgTable("sandbox_clock", {
  id: integer("id").primaryKey().default(1),
  offsetMs: bigint("offset_ms", { mode: "number" }).notNull().default(0),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
