import { createHash } from "node:crypto";
import { z } from "zod";

const fraction = z.number().min(0).max(1);

/** Fault settings. POST /sim/faults replaces them all; fields left out take these defaults (no faults). */
export const faultSettingsSchema = z.object({
  /** Fraction of partner API requests (/v1/...) answered with 500 or 503. */
  errorRate: fraction.default(0),
  /** before: fail without doing the work; after: do the work, then fail the answer; both: half and half. */
  errorTiming: z.enum(["before", "after", "both"]).default("both"),
  /** Added to every partner API request: latencyMs plus a random 0..latencyJitterMs. */
  latencyMs: z.number().int().min(0).max(60_000).default(0),
  latencyJitterMs: z.number().int().min(0).max(60_000).default(0),
  /** Fraction of callbacks never delivered (still listed by GET /v1/orders/:id). */
  dropRate: fraction.default(0),
  /** Fraction of callbacks delivered twice (same eventId). */
  duplicateRate: fraction.default(0),
  /** Fraction of callbacks held back until the order's next callback went out (or 6 simulated hours). */
  reorderRate: fraction.default(0),
  /** Seed of every random choice above; the same seed gives the same callback choices per order and sequence. */
  seed: z.number().int().default(1),
});
export type FaultSettings = z.output<typeof faultSettingsSchema>;

export const noFaults: FaultSettings = faultSettingsSchema.parse({});

/** mulberry32: small, fast, seedable; plenty for fault injection. */
export function createSeededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * A stable number in [0, 1) for one decision about one callback, so that which callbacks are dropped, doubled
 * or held back depends on the seed and the event's place in its order, not on timing.
 */
export function decideFraction(seed: number, orderId: string, sequence: number, decision: string): number {
  const digest = createHash("sha256").update(`${seed}:${orderId}:${sequence}:${decision}`).digest();
  return digest.readUInt32BE(0) / 4_294_967_296;
}
