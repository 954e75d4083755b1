import type { Db } from "@portway/db";
import { type Clock, heartbeatJob, runHeartbeat } from "@portway/services";
import PgBoss from "pg-boss";

export interface WorkerQueue {
  boss: PgBoss;
  stop: () => Promise<void>;
}

/** Starts pg-boss on the product database and registers the job handlers and periodic jobs. */
export async function startQueue(options: { databaseUrl: string; db: Db; clock: Clock; log: (line: string) => void }) {
  const boss = new PgBoss({
    connectionString: options.databaseUrl,
    schema: "pgboss",
    application_name: "portway-worker",
  });
  let stopping = false;
  boss.on("error", (error) => {
    // While stopping, the database may go away first; that is not worth a line.
    if (!stopping) {
      options.log(`queue error: ${error.message}`);
    }
  });
  await boss.start();
  await boss.createQueue(heartbeatJob);
  await boss.work(heartbeatJob, async () => {
    await runHeartbeat(options.db, options.clock, { pid: process.pid });
  });
  // Every minute, and once now so the admin portal sees the worker at once.
  await boss.schedule(heartbeatJob, "* * * * *", {}, { singletonKey: heartbeatJob });
  await boss.send(heartbeatJob, {}, { singletonKey: `${heartbeatJob}:startup`, singletonSeconds: 5 });
  const stop = () => {
    stopping = true;
    return boss.stop({ graceful: true, wait: true, timeout: 5_000 });
  };
  return { boss, stop } satisfies WorkerQueue;
}
