export type ClockMode = "running" | "frozen";

export interface ClockSnapshot {
  mode: ClockMode;
  /** Simulated time at `anchorRealMs`. */
  anchorSimMs: number;
  anchorRealMs: number;
}

/**
 * The simulator's business clock. Running, it moves with real time from an anchor; frozen, it stands still
 * until set or advanced. Signatures and delivery retries use real time, never this clock.
 */
export class SimClock {
  private snapshot: ClockSnapshot;

  constructor(
    private readonly realNow: () => number = Date.now,
    initial?: ClockSnapshot,
  ) {
    this.snapshot = initial ?? { mode: "running", anchorSimMs: realNow(), anchorRealMs: realNow() };
  }

  now(): Date {
    const { mode, anchorSimMs, anchorRealMs } = this.snapshot;
    return new Date(mode === "frozen" ? anchorSimMs : anchorSimMs + (this.realNow() - anchorRealMs));
  }

  get mode(): ClockMode {
    return this.snapshot.mode;
  }

  set(at: Date, mode: ClockMode = this.snapshot.mode): void {
    this.snapshot = { mode, anchorSimMs: at.getTime(), anchorRealMs: this.realNow() };
  }

  toSnapshot(): ClockSnapshot {
    return { ...this.snapshot };
  }
}
