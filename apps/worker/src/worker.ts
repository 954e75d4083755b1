import type { AddressInfo } from "node:net";
import { createDb } from "@portway/db";
import { createPartnerClient, type PartnerClient } from "@portway/partner";
import { type Clock, type PartnerContext, runActivationScan, runReconciliation, runStuckScan } from "@portway/services";
import { registerHandlers } from "./handlers";
import { createWorkerServer } from "./http";
import { relayOutbox, startQueue } from "./queue";

export interface WorkerOptions {
  databaseUrl: string;
  port: number;
  simulatorUrl: string;
  callbackUrl: string;
  callbackSecret: string;
  partnerApiKey?: string | null;
  clock: Clock;
  scanIntervalMs: number;
  reconcileQuietMs: number;
  /** Jobs a handler takes at once (they run concurrently). */
  batchSize?: number;
  /** Relay the outbox this often. */
  relayIntervalMs?: number;
  log: (line: string) => void;
  client?: PartnerClient;
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
  const handle = createDb(options.databaseUrl, { max: 12, applicationName: "portway-worker" });
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
  const context: PartnerContext = { db: handle.db, clock: options.clock, client, callbackUrl: options.callbackUrl };
  const queue = await startQueue({ databaseUrl: options.databaseUrl, handle, clock: options.clock, log: options.log });
  await registerHandlers(queue.boss, context, { batchSize: options.batchSize });
  const server = createWorkerServer({
    db: handle.db,
    clock: options.clock,
    secret: options.callbackSecret,
    log: options.log,
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", resolve);
  });
  const port = (server.address() as AddressInfo).port;

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
  const relayNow = () => relayOutbox(handle, queue.boss, () => options.clock.now());
  const scanNow = async () => {
    await runActivationScan(handle.db, options.clock);
    await runReconciliation(context, options.reconcileQuietMs);
    await runStuckScan(handle.db, options.clock);
    await relayNow();
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

  return {
    port,
    context,
    scanNow,
    relayNow,
    stop: async () => {
      stopping = true;
      for (const timer of timers) {
        clearInterval(timer);
      }
      await new Promise((resolve) => server.close(resolve));
      await queue.stop().catch(() => undefined);
      await handle.close().catch(() => undefined);
    },
  };
}
