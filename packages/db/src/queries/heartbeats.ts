import { asc, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { jobHeartbeats } from "../schema/index";

export async function recordHeartbeat(db: DbOrTx, name: string, at: Date, detail: Record<string, unknown> = {}) {
  await db
    .insert(jobHeartbeats)
    .values({ name, lastRunAt: at, detail })
    .onConflictDoUpdate({
      target: jobHeartbeats.name,
      set: { lastRunAt: at, detail, runCount: sql`${jobHeartbeats.runCount} + 1` },
    });
}

export async function findHeartbeats(db: DbOrTx) {
  return db.select().from(jobHeartbeats).orderBy(asc(jobHeartbeats.name));
}
