import { type DbOrTx, raiseSandboxOffset, readSandboxOffset } from "@portway/db";
import type { Clock } from "../clock";
import { ServiceError } from "../errors";

/**
 * The sandbox's business clock: real time plus a stored offset that only grows. Every Portway process reads
 * the same offset, so portals, worker and (moved together with it) the carrier simulator agree on "now".
 */
export interface SandboxClock extends Clock {
  /** Reads the stored offset again (cheap: one row). */
  refresh(): Promise<void>;
  offsetMs(): number;
  /** Moves business time to `target` (never backwards) and returns the new business now. */
  moveTo(target: Date): Promise<Date>;
  /** Re-reads the offset every `intervalMs` until the returned function is called. */
  keepFresh(intervalMs?: number): () => void;
}

export function createSandboxClock(db: DbOrTx, realNow: () => number = Date.now): SandboxClock {
  let offset = 0;
  const refresh = async () => {
    offset = await readSandboxOffset(db);
  };
  return {
    now: () => new Date(realNow() + offset),
    refresh,
    offsetMs: () => offset,
    moveTo: async (target) => {
      offset = await raiseSandboxOffset(db, Math.max(0, target.getTime() - realNow()));
      return new Date(realNow() + offset);
    },
    keepFresh: (intervalMs = 1_000) => {
      const timer = setInterval(() => {
        refresh().catch(() => undefined);
      }, intervalMs);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}

export type SandboxClockMove = { advanceMs: number } | { set: string };

/** Where a move asks business time to go; a clear error for anything else. Moves never go backwards. */
export function sandboxClockTarget(now: Date, move: unknown): Date {
  if (move && typeof move === "object") {
    const { advanceMs, set } = move as Record<string, unknown>;
    if (typeof advanceMs === "number" && Number.isFinite(advanceMs) && advanceMs >= 0) {
      return new Date(now.getTime() + advanceMs);
    }
    if (typeof set === "string" && !Number.isNaN(Date.parse(set))) {
      const target = new Date(set);
      if (target.getTime() < now.getTime() - 1_000) {
        throw new ServiceError(
          "CONFLICT",
          "CLOCK_BACKWARDS",
          `The sandbox clock only moves forward: ${target.toISOString()} is before ${now.toISOString()}.`,
        );
      }
      return target;
    }
  }
  throw new ServiceError(
    "INVALID",
    "CLOCK_MOVE_INVALID",
    'Move the sandbox clock with { "advanceMs": <milliseconds, 0 or more> } or { "set": "<ISO instant>" }.',
  );
}
