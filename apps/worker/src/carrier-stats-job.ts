import type { DbOrTx } from "@portway/db";
import { type Clock, refreshCarrierStats } from "@portway/services";

/** How often the worker recomputes the carrier statistics (rolling 90 days and weekly trend). */
export const CARRIER_STATS_INTERVAL_MS = 15 * 60_000;

/** The periodic task: one worker at a time computes the statistics at the clock's time. */
export function createCarrierStatsTask(db: DbOrTx, clock: Clock) {
  return () => refreshCarrierStats(db, clock.now());
}
