import type { AddressInfo } from "node:net";
import { createDb } from "@portway/db";
import { createPartnerClient, type PartnerClient } from "@portway/partner";
import {
  type Clock,
  createSandboxClock,
  type MailEnv,
  type PartnerContext,
  readMailEnv,
  runActivationScan,
  runReconciliation,
  runStuckScan,
  systemClock,
} from "@portway/services";
import { registerHandlers } from "./handlers";
import { createWorkerServer } from "./http";
import { startNotificationWork } from "./notifications";
import { relayOutbox, startQueue } from "./queue";
import { alignSandboxClocks, createSandboxClockEndpoint } from "./sandbox";

export interface WorkerOptions {
  databaseUrl: string;
  port: number;
  simulatorUrl: string;
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
  log: (line: string) => void;
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
      baseUrl: options.simulatorUrl,
      apiKey: options.partnerApiKey ?? null,
      // Short attempts: a whole call, retries included, stays well inside the job's 90 s expiry.
      timeoutMs: 5_000,
      onRetry: (info) =>
        options.log(
          `partner ${info.method} ${info.path}: attempt ${info.attempt} failed (${info.error.message}); retrying`,
        ),
    });
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
    await runReconciliation(context, options.reconcileQuietMs);
    await runStuckScan(handle.db, clock);
    await relayNow();
  };
  const sandboxOptions = sandbox && {
    clock: sandbox,
    simulatorUrl: options.simulatorUrl,
    afterMove: scanNow,
    log: options.log,
  };
  const server = createWorkerServer({
    db: handle.db,
    clock,
    secret: options.callbackSecret,
    log: options.log,
    sandbox: sandboxOptions ? createSandboxClockEndpoint(sandboxOptions) : undefined,
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

  const timers: NodeJS.Timeout[] = [];
  let stopping = false;
  const guard = (name: string, task: () => Promise<unknown>) => async () => {
    try {
      await task();
    } catch (error) {
      if (!stopping) {
        options.log(`${name} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  };
  const loop = (name: string, intervalMs: number, task: () => Promise<unknown>) => {
    let running = false;
    const run = guard(name, task);
    timers.push(
      setInterval(() => {
        if (!running && !stopping) {
          running = true;
          run().finally(() => {
            running = false;
          });
        }
      }, intervalMs),
    );
  };
  loop("outbox relay", options.relayIntervalMs ?? 200, relayNow);
  loop("scans", options.scanIntervalMs, scanNow);
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
      stopping = true;
      stopRefreshing?.();
      for (const timer of timers) {
        clearInterval(timer);
      }
      await notifications.stop().catch(() => undefined);
      await new Promise((resolve) => server.close(resolve));
      await queue.stop().catch(() => undefined);
      await handle.close().catch(() => undefined);
    },
  };
}
