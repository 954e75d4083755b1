import { integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Last run of each periodic job, so the admin portal can tell whether the worker is alive. */
export const jobHeartbeats = pgTable("job_heartbeats", {
  name: text("name").primaryKey(),
  lastRunAt: timestamp("last_run_at", { withTimezone: true }).notNull(),
  runCount: integer("run_count").notNull().default(1),
  detail: jsonb("detail").$type<Record<string, unknown>>().notNull().default({}),
});

export type JobHeartbeat = typeof jobHeartbeats.$inferSelect;
