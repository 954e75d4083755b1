import { type DbOrTx, findHeartbeats } from "@portway/db";
import { checkPartnerHealth } from "@portway/partner";
import type { Clock } from "../clock";

export interface SystemStatusOptions {
  partnerUrl: string;
  clock: Clock;
}

/** What the porting team sees of the machinery: is the simulator up, when did each periodic job last run. */
export async function getSystemStatus(db: DbOrTx, options: SystemStatusOptions) {
  const [heartbeats, simulator] = await Promise.all([findHeartbeats(db), checkPartnerHealth(options.partnerUrl)]);
  const now = options.clock.now().getTime();
  return {
    simulator,
    jobs: heartbeats.map((h) => ({
      name: h.name,
      lastRunAt: h.lastRunAt,
      runCount: h.runCount,
      secondsAgo: Math.max(0, Math.round((now - h.lastRunAt.getTime()) / 1000)),
    })),
  };
}
