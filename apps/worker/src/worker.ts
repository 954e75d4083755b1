import type { AddressInfo } from "node:net";
import { createDb } from "@portway/db";
import { deadLetters, partnerRequestDuration, partnerRequestErrors, queueDepth } from "@portway/observability";
import { createPartnerClient, type PartnerClient } from "@portway/partner";
import {
  type Clock,
  createSandboxClock,
  jobNames,
  type MailEnv,
  type PartnerContext,
  readMailEnv,
  retryParkedPartnerEvents,
  runActivationScan,
  runReconciliation,
  runStuckScan,
  systemClock,
} from "@portway/services";
import { CARRIER_STATS_INTERVAL_MS, createCarrierStatsTask } from "./carrier-stats-job";
import { registerHandlers } from "./handlers";
import { createWorkerServer } from "./http";
import { createLoopSet, type WorkerLog } from "./loops";
import { startNotificationWork } from "./notifications";
import { deadLetterQueue, relayOutbox, startQueue } from "./queue";
import { alignSandboxClocks, createSandboxClockEndpoint } from "./sandbox";

export interface WorkerOptions {
  databaseUrl: string;
  port: number;
  /** The porting partner's API (the carrier simulator in development). */
  partnerUrl: string;
  /** The simulator's control API, whose clock the sandbox keeps aligned; development only. */
  simulatorUrl?: string | null;
  callbackUrl: string;
  callbackSecret: string;
  partnerApiKey?: string | null;
  /** Business time; without it, the sandbox clock (when `sandboxClock`) or real time. */
  clock?: Clock;
  /** Use the sandbox's stored business clock, kept aligned with the simulator's, and serve `/sandbox/clock`. */
  sandboxClock?: boolean;
  scanIntervalMs: number;
  reconcileQuietMs: number;
  /** Jobs a handler takes at once (they run concurrently). */
  batchSize?: number;
  /** Relay the outbox this often. */
  relayIntervalMs?: number;
  /** One line; a failure's line comes with the error (its stack and causes). */
  log: WorkerLog;
  client?: PartnerClient;
  /** SMTP settings; without an SMTP URL, mail goes to a local capture the worker starts. */
  mail?: MailEnv;
}

export interface RunningWorker {
  port: number;
  context: PartnerContext;
  /** Runs every scan once now (tests drive time and call this instead of waiting). */
  scanNow: () => Promise<void>;
  relayNow: () => Promise<number>;
  stop: () => Promise<void>;
}

/** Starts the worker: queue and handlers, outbox relay, periodic scans, and the HTTP endpoint for callbacks. */
export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const handle = createDb(options.databaseUrl, { max: 16, applicationName: "portway-worker" });
  const client =
    options.client ??
    createPartnerClient({
      baseUrl: options.partnerUrl,
      apiKey: options.partnerApiKey ?? null,
      // Short attempts: a whole call, retries included, stays well inside the job's 90 s expiry.
      timeoutMs: 5_000,
      onAttempt: (info) => {
        const operation = `${info.method} ${info.operation}`;
        partnerRequestDuration.observe({ operation, outcome: info.errorKind ?? "ok" }, info.durationMs / 1000);
        if (info.errorKind) {
          partnerRequestErrors.inc({ operation, kind: info.errorKind });
        }
      },
      onRetry: (info) =>
        options.log(
          `partner ${info.method} ${info.path}: attempt ${info.attempt} failed (${info.error.message}); retrying`,
        ),
    });
  if (options.sandboxClock && !options.simulatorUrl) {
    throw new Error("the sandbox clock needs the simulator's URL");
  }
  const sandbox = options.sandboxClock ? createSandboxClock(handle.db) : null;
  const clock = options.clock ?? sandbox ?? systemClock;
  await sandbox?.refresh();
  const stopRefreshing = sandbox?.keepFresh(500);
  const context: PartnerContext = { db: handle.db, clock, client, callbackUrl: options.callbackUrl };
  const queue = await startQueue({ databaseUrl: options.databaseUrl, handle, clock, log: options.log });
  await registerHandlers(queue.boss, context, { batchSize: options.batchSize });
  const relayNow = () => relayOutbox(handle, queue.boss, () => clock.now());
  const scanNow = async () => {
    await sandbox?.refresh();
    await runActivationScan(handle.db, clock);
    const reconciled = await runReconciliation(context, options.reconcileQuietMs);
    // One order the partner cannot answer for does not stop the round; each is said, with its cause, and retried.
    for (const failure of reconciled.failures) {
      const message = failure.error instanceof Error ? failure.error.message : String(failure.error);
      options.log(
        `reconciliation of order ${failure.orderId} failed: ${message}; tried again next round`,
        failure.error,
      );
    }
    // Partner events parked behind a SUPP the porting team answered since.
    await retryParkedPartnerEvents(handle.db, clock);
    await runStuckScan(handle.db, clock);
    await relayNow();
  };
  const sandboxOptions = sandbox && {
    clock: sandbox,
    simulatorUrl: options.simulatorUrl ?? "",
    afterMove: scanNow,
    log: options.log,
  };
  const server = createWorkerServer({
    db: handle.db,
    clock,
    secret: options.callbackSecret,
    log: options.log,
    sandbox: sandboxOptions ? createSandboxClockEndpoint(sandboxOptions) : undefined,
    refreshMetrics: async () => {
      const names = Object.values(jobNames);
      const sizes = await Promise.all(names.map((name) => queue.boss.getQueueSize(name)));
      names.forEach((name, index) => {
        queueDepth.set({ queue: name }, sizes[index] ?? 0);
      });
      deadLetters.set(await queue.boss.getQueueSize(deadLetterQueue));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", resolve);
  });
  const port = (server.address() as AddressInfo).port;
  const notifications = await startNotificationWork({
    db: handle.db,
    clock,
    log: options.log,
    mail: options.mail ?? readMailEnv({}),
  });

  const loops = createLoopSet(options.log);
  const loop = loops.every;
  loop("outbox relay", options.relayIntervalMs ?? 200, relayNow);
  loop("scans", options.scanIntervalMs, scanNow);
  loop("carrier statistics", CARRIER_STATS_INTERVAL_MS, createCarrierStatsTask(handle.db, clock));
  if (sandboxOptions) {
    // The simulator may start after the worker, or keep a clock from an earlier run: align once it answers.
    let aligned = false;
    loop("sandbox clock alignment", 2_000, async () => {
      if (!aligned) {
        await alignSandboxClocks(sandboxOptions);
        aligned = true;
      }
    });
  }

  return {
    port,
    context,
    scanNow,
    relayNow,
    stop: async () => {
      stopRefreshing?.();
      // Rounds in flight finish first (a SIGTERM drains), then the queue lets its running jobs finish.
      await loops.stop();
      const unclean = (what: string) => (error: unknown) =>
        options.log(`stopping: ${what} did not stop cleanly`, error);
      await notifications.stop().catch(unclean("notification work"));
      await new Promise((resolve) => server.close(resolve));
      await queue.stop().catch(unclean("the job queue"));
      await handle.close().catch(unclean("the database pool"));
    },
  };
}
