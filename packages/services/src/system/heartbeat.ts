import { type DbOrTx, recordHeartbeat } from "@portway/db";
import type { Clock } from "../clock";

export const heartbeatJob = "system.heartbeat";

/** Run by the worker's periodic job: proves to the admin portal that the worker and its queue are alive. */
export async function runHeartbeat(db: DbOrTx, clock: Clock, detail: Record<string, unknown> = {}) {
  await recordHeartbeat(db, heartbeatJob, clock.now(), detail);
}
