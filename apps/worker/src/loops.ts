import type { createLogger } from "@portway/observability";

type Logger = ReturnType<typeof createLogger>;

/**
 * The worker's periodic loops. A loop never overlaps itself; after a failure it waits longer each time (doubling up
 * to `maxBackoffMs`) and says so once, not on every round, so a database that went away costs one line, not four a
 * second; it says again when it recovers. `stop` waits for the rounds in flight (a SIGTERM drains, it does not cut).
 * A failure's line comes with the error itself (its stack and causes), for the process logger to record.
 */
export interface LoopSet {
  every: (name: string, intervalMs: number, task: () => Promise<unknown>) => void;
  stop: () => Promise<void>;
  readonly stopping: boolean;
}

export type WorkerLog = (line: string, error?: unknown) => void;

/** The worker's lines through the process logger: plain lines at info, a failure at error with `err` (stack, causes). */
export function workerLog(logger: Pick<Logger, "info" | "error">): WorkerLog {
  return (line, error) => (error === undefined ? logger.info(line) : logger.error({ err: error }, line));
}

export function createLoopSet(log: WorkerLog, options: { maxBackoffMs?: number } = {}): LoopSet {
  const maxBackoffMs = options.maxBackoffMs ?? 30_000;
  const timers = new Set<NodeJS.Timeout>();
  const inFlight = new Set<Promise<void>>();
  let stopping = false;

  const every = (name: string, intervalMs: number, task: () => Promise<unknown>) => {
    let failures = 0;
    let lastReportAt = 0;
    const schedule = (delayMs: number) => {
      if (stopping) {
        return;
      }
      const timer = setTimeout(() => {
        timers.delete(timer);
        const round = runRound().finally(() => inFlight.delete(round));
        inFlight.add(round);
      }, delayMs);
      timers.add(timer);
    };
    const runRound = async () => {
      try {
        await task();
        if (failures > 0 && !stopping) {
          log(`${name} recovered after ${failures} failed round(s)`);
        }
        failures = 0;
        schedule(intervalMs);
      } catch (error) {
        failures += 1;
        const message = error instanceof Error ? error.message : String(error);
        const backoff = Math.min(maxBackoffMs, intervalMs * 2 ** Math.min(failures, 16));
        if (!stopping && (failures === 1 || Date.now() - lastReportAt >= 60_000)) {
          lastReportAt = Date.now();
          log(
            failures === 1
              ? `${name} failed: ${message}; backing off (next try in ${Math.round(backoff)} ms)`
              : `${name} still failing after ${failures} rounds: ${message}; retrying every ${Math.round(backoff / 1000)} s`,
            error,
          );
        }
        schedule(backoff);
      }
    };
    schedule(intervalMs);
  };

  return {
    every,
    get stopping() {
      return stopping;
    },
    stop: async () => {
      stopping = true;
      for (const timer of timers) {
        clearTimeout(timer);
      }
      timers.clear();
      await Promise.allSettled([...inFlight]);
    },
  };
}
