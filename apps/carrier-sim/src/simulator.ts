import type http from "node:http";
import type { AddressInfo } from "node:net";
import { type ClockMode, type ClockSnapshot, SimClock } from "./clock";
import { deliverDueCallbacks } from "./engine/delivery";
import { findNextTimerDue, runDueTimers } from "./engine/scheduler";
import { collectStats, type RequestCounters } from "./engine/stats";
import type { EngineContext } from "./engine/types";
import { createSeededRandom, type FaultSettings, faultSettingsSchema, noFaults } from "./faults";
import { createSimulatorServer } from "./server";
import { createSimDatabase } from "./store/database";
import { migrateSimDatabase, truncateSimDatabase } from "./store/migrate";

export interface SimulatorOptions {
  databaseUrl: string;
  /** PostgreSQL schema of the simulator's tables. Default carrier_sim. */
  schema?: string;
  /** Shared secret that signs every callback (HMAC-SHA256). */
  callbackSecret: string;
  /** When set, /v1 requests need `authorization: Bearer <apiKey>`. */
  apiKey?: string | null;
  /** Background loop period; 0 turns it off (then only clock moves run due work). Default 250 ms. */
  tickMs?: number;
  callbackTimeoutMs?: number;
  /** Real-time backoff of failed callbacks: base doubles per attempt up to max. Default 500 ms .. 60 s. */
  callbackRetryBaseMs?: number;
  callbackRetryMaxMs?: number;
  fetch?: typeof fetch;
  realNow?: () => number;
  log?: (line: string) => void;
}

/** What the HTTP routes need. */
export interface SimulatorCore {
  engine: EngineContext;
  clock: SimClock;
  apiKey: string | null;
  random: () => number;
  requestCounters: RequestCounters;
  faults(): FaultSettings;
  setFaults(settings: FaultSettings): Promise<void>;
  moveClock(target: Date, mode?: ClockMode): Promise<void>;
  reset(clock?: { at: Date; mode: ClockMode }): Promise<void>;
  collectStats(): ReturnType<typeof collectStats>;
}

export interface Simulator extends SimulatorCore {
  server: http.Server;
  /** Runs due timers and callbacks now (what the background loop does). */
  runDueWork(): Promise<void>;
  listen(port: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

export async function startSimulator(options: SimulatorOptions): Promise<Simulator> {
  const realNow = options.realNow ?? Date.now;
  const log = options.log ?? ((line: string) => process.stderr.write(`carrier-sim: ${line}\n`));
  const db = createSimDatabase(options.databaseUrl, options.schema ?? "carrier_sim");
  await migrateSimDatabase(db);
  const settings = await db.query<{ clock: ClockSnapshot | null; faults: unknown }>(
    db.pool,
    "SELECT clock, faults FROM sim.settings WHERE id = 1",
  );
  const saved = settings.rows[0];
  const clock = new SimClock(realNow, saved?.clock ?? undefined);
  let faults: FaultSettings = faultSettingsSchema.safeParse(saved?.faults ?? {}).data ?? noFaults;
  let random = createSeededRandom(faults.seed);
  const engine: EngineContext = { db, clock, faults: () => faults };
  const requestCounters: RequestCounters = { total: 0, faultedBefore: 0, faultedAfter: 0 };

  // Timers and deliveries run one batch at a time: the loop, clock moves and resets queue behind each other.
  let queue: Promise<unknown> = Promise.resolve();
  const serialize = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work);
    queue = next.catch(() => undefined);
    return next;
  };

  const deliver = () =>
    deliverDueCallbacks({
      db,
      clock,
      secret: options.callbackSecret,
      fetch: options.fetch ?? globalThis.fetch,
      realNow,
      timeoutMs: options.callbackTimeoutMs ?? 5_000,
      retryBaseMs: options.callbackRetryBaseMs ?? 500,
      retryMaxMs: options.callbackRetryMaxMs ?? 60_000,
      log,
    });

  const persistSettings = () =>
    db.query(db.pool, "UPDATE sim.settings SET clock = $1, faults = $2 WHERE id = 1", [
      JSON.stringify(clock.toSnapshot()),
      JSON.stringify(faults),
    ]);

  const runDueWorkNow = async () => {
    await runDueTimers(engine, clock.now());
    await deliver();
  };

  const core: SimulatorCore = {
    engine,
    clock,
    apiKey: options.apiKey ?? null,
    get random() {
      return random;
    },
    requestCounters,
    faults: () => faults,
    async setFaults(next) {
      faults = next;
      random = createSeededRandom(next.seed);
      await persistSettings();
    },
    // Moving forward steps through every due timer in time order, so each event carries the simulated time it
    // happened at and callbacks leave in that order; everything due is delivered before this returns.
    moveClock: (target, mode) =>
      serialize(async () => {
        if (target > clock.now()) {
          for (
            let next = await findNextTimerDue(engine);
            next && next <= target;
            next = await findNextTimerDue(engine)
          ) {
            if (next > clock.now()) {
              clock.set(next);
            }
            await runDueWorkNow();
          }
        }
        clock.set(target, mode);
        await persistSettings();
        await runDueWorkNow();
      }),
    reset: (resetClock) =>
      serialize(async () => {
        await truncateSimDatabase(db);
        faults = noFaults;
        random = createSeededRandom(noFaults.seed);
        Object.assign(requestCounters, { total: 0, faultedBefore: 0, faultedAfter: 0 });
        clock.set(resetClock?.at ?? new Date(realNow()), resetClock?.mode ?? "running");
        await persistSettings();
      }),
    collectStats: () => collectStats(engine, requestCounters),
  };

  const server = createSimulatorServer(core, log);
  let ticking = false;
  const tickMs = options.tickMs ?? 250;
  const timer =
    tickMs > 0
      ? setInterval(() => {
          if (ticking) {
            return;
          }
          ticking = true;
          serialize(runDueWorkNow)
            .catch((error: unknown) =>
              log(`background work failed: ${error instanceof Error ? error.message : String(error)}`),
            )
            .finally(() => {
              ticking = false;
            });
        }, tickMs)
      : null;

  return {
    ...core,
    get random() {
      return random;
    },
    server,
    runDueWork: () => serialize(runDueWorkNow),
    listen: (port, host = "127.0.0.1") =>
      new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          const address = server.address() as AddressInfo;
          resolve(`http://${host}:${address.port}`);
        });
      }),
    async close() {
      if (timer) {
        clearInterval(timer);
      }
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await queue;
      await db.close();
    },
  };
}
