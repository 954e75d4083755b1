import {
  claimOutboxJobs,
  type DbHandle,
  guardPoolClients,
  markOutboxRelayed,
  withSharedTransaction,
} from "@portway/db";
import { type Clock, heartbeatJob, jobNames, runHeartbeat } from "@portway/services";
import PgBoss from "pg-boss";

export const deadLetterQueue = "partner.dead-letters";

/** Retry and expiry of partner jobs: set on each job, since jobs inserted in bulk do not take the queue's. */
const partnerJobPolicy = {
  retryLimit: 8,
  retryDelay: 2,
  retryBackoff: true,
  expireInSeconds: 90,
  deadLetter: deadLetterQueue,
};

export interface WorkerQueue {
  boss: PgBoss;
  stop: () => Promise<void>;
}

/**
 * pg-boss opens its own pool in `start`; the same guard as our pools' goes on it as it opens, so a PostgreSQL
 * restart fails the queue's queries (reported through its 'error' event) instead of ending the worker.
 */
function guardQueueConnections(boss: PgBoss) {
  const db = boss.getDb() as unknown as { open?: () => Promise<void>; pool?: Parameters<typeof guardPoolClients>[0] };
  const open = db.open?.bind(db);
  if (!open) {
    return;
  }
  db.open = async () => {
    await open();
    if (db.pool) {
      guardPoolClients(db.pool);
    }
  };
}

/** Starts pg-boss on the product database, creates the queues and the periodic heartbeat. */
export async function startQueue(options: {
  databaseUrl: string;
  handle: DbHandle;
  clock: Clock;
  log: (line: string) => void;
}) {
  const boss = new PgBoss({
    connectionString: options.databaseUrl,
    schema: "pgboss",
    application_name: "portway-worker",
  });
  guardQueueConnections(boss);
  let stopping = false;
  // pg-boss reports every failed poll: while the database is away that is several a second. One line when it
  // starts, a count each minute while it lasts.
  let lastReportAt = 0;
  let unreported = 0;
  boss.on("error", (error) => {
    // While stopping, the database may go away first; that is not worth a line.
    if (stopping) {
      return;
    }
    if (Date.now() - lastReportAt < 60_000) {
      unreported += 1;
      return;
    }
    options.log(`queue error: ${error.message}${unreported > 0 ? ` (and ${unreported} more in the last minute)` : ""}`);
    lastReportAt = Date.now();
    unreported = 0;
  });
  await boss.start();
  await boss.createQueue(deadLetterQueue);
  for (const name of Object.values(jobNames)) {
    // Partner calls retry with backoff (about 2 s doubling, 8 tries), then land in the dead-letter queue.
    await boss.createQueue(name, {
      name,
      retryLimit: 8,
      retryDelay: 2,
      retryBackoff: true,
      deadLetter: deadLetterQueue,
    });
  }
  await boss.createQueue(heartbeatJob);
  await boss.work(heartbeatJob, async () => {
    await runHeartbeat(options.handle.db, options.clock, { pid: process.pid });
  });
  // Every minute, and once now so the admin portal sees the worker at once.
  await boss.schedule(heartbeatJob, "* * * * *", {}, { singletonKey: heartbeatJob });
  await boss.send(heartbeatJob, {}, { singletonKey: `${heartbeatJob}:startup`, singletonSeconds: 5 });
  const stop = () => {
    stopping = true;
    // Jobs in flight get up to 30 s to finish (a SIGTERM drains); whatever is left is retried by the next worker.
    return boss.stop({ graceful: true, wait: true, timeout: 30_000 });
  };
  return { boss, stop } satisfies WorkerQueue;
}

/**
 * Moves jobs from the outbox (written in the same transaction as the order change) into the queue, in the same
 * transaction as marking them relayed: each job is queued exactly once.
 */
export async function relayOutbox(handle: DbHandle, boss: PgBoss, now: () => Date, batch = 500): Promise<number> {
  return withSharedTransaction(handle.pool, async (db, execute) => {
    const jobs = await claimOutboxJobs(db, batch);
    if (jobs.length === 0) {
      return 0;
    }
    await boss.insert(
      jobs.map((job) => ({ name: job.job, data: { ...job.payload, outboxId: job.id }, ...partnerJobPolicy })),
      { db: { executeSql: (text: string, values: unknown[]) => execute(text, values) } },
    );
    await markOutboxRelayed(
      db,
      jobs.map((job) => job.id),
      now(),
    );
    return jobs.length;
  });
}
