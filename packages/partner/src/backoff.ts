export interface BackoffPolicy {
  /** Attempts in total, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const defaultBackoffPolicy: BackoffPolicy = { maxAttempts: 5, baseDelayMs: 200, maxDelayMs: 10_000 };

/**
 * Exponential backoff with full jitter: a uniformly random delay between 0 and min(max, base * 2^(n-1)) before
 * retry n. Full jitter spreads the retries of many clients that failed together (AWS architecture blog).
 */
export function computeBackoffDelay(retry: number, policy: BackoffPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.floor(Math.min(Math.max(random(), 0), 1) * ceiling);
}

/** Reads Retry-After in seconds (the HTTP-date form is rare for APIs and treated as absent). */
export function parseRetryAfterMs(value: string | null): number | null {
  if (value === null || !/^\d+$/.test(value.trim())) {
    return null;
  }
  return Number(value.trim()) * 1000;
}

/** HTTP statuses worth another attempt: timeouts, throttling and server errors; never other 4xx. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}
