import type { Db } from "@portway/db";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";

/** The app's PostgreSQL pool. */
export type Pool = Db["$client"];

/** The table of the migrations that every limiter shares (each under its own key prefix). */
const tableName = "rate_limits";

/** A refusal: how many whole seconds the caller must wait (the `Retry-After` value). */
export interface Throttled {
  retryAfterSeconds: number;
}

function limiter(pool: Pool, keyPrefix: string, points: number, durationSeconds: number) {
  return new RateLimiterPostgres({
    storeClient: pool,
    storeType: "pool",
    tableName,
    tableCreated: true,
    keyPrefix,
    points,
    duration: durationSeconds,
  });
}

function seconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

/**
 * Failures of one key: `allowed` within `windowSeconds`, then the key is blocked, for `firstBlockSeconds` the first
 * time and twice as long each time after within a day, up to `maxBlockSeconds`.
 */
class FailureBackoff {
  private readonly failures: RateLimiterPostgres;
  private readonly blocks: RateLimiterPostgres;

  constructor(
    pool: Pool,
    prefix: string,
    private readonly rule: {
      allowed: number;
      windowSeconds: number;
      firstBlockSeconds: number;
      maxBlockSeconds: number;
    },
  ) {
    this.failures = limiter(pool, `${prefix}_fail`, rule.allowed, rule.windowSeconds);
    this.blocks = limiter(pool, `${prefix}_block`, 1_000_000, 24 * 60 * 60);
  }

  /** The wait while the key is blocked, else null. */
  async blocked(key: string): Promise<Throttled | null> {
    const state = await this.failures.get(key);
    if (state && state.consumedPoints > this.rule.allowed) {
      return { retryAfterSeconds: seconds(state.msBeforeNext) };
    }
    return null;
  }

  /** Counts a failure; the one that reaches the allowance blocks the key. */
  async failed(key: string): Promise<void> {
    const state = await this.failures.consume(key).catch((refused: unknown) => {
      if (refused instanceof RateLimiterRes) {
        return refused;
      }
      throw refused;
    });
    if (state.consumedPoints >= this.rule.allowed) {
      const blocks = await this.blocks.penalty(key, 1);
      const duration = Math.min(
        this.rule.firstBlockSeconds * 2 ** Math.max(0, blocks.consumedPoints - 1),
        this.rule.maxBlockSeconds,
      );
      await this.failures.block(key, duration);
    }
  }

  async reset(key: string): Promise<void> {
    await this.failures.delete(key);
  }
}

/**
 * Sign-in throttling held in PostgreSQL, so every portal process sees the same counts: per client address (password
 * spraying over many emails) and per email (guessing one account's password, whatever address it comes from).
 */
export class SignInThrottle {
  private readonly byAddress: FailureBackoff;
  private readonly byEmail: FailureBackoff;

  constructor(pool: Pool) {
    this.byAddress = new FailureBackoff(pool, "signin_ip", {
      allowed: 20,
      windowSeconds: 15 * 60,
      firstBlockSeconds: 15 * 60,
      maxBlockSeconds: 24 * 60 * 60,
    });
    this.byEmail = new FailureBackoff(pool, "signin_email", {
      allowed: 5,
      windowSeconds: 15 * 60,
      firstBlockSeconds: 60,
      maxBlockSeconds: 60 * 60,
    });
  }

  /** Whether a sign-in from `address` as `email` may be tried now; the longer wait when both are blocked. */
  async check(address: string, email: string | null): Promise<Throttled | null> {
    const [ip, account] = await Promise.all([
      this.byAddress.blocked(address),
      email ? this.byEmail.blocked(email) : Promise.resolve(null),
    ]);
    if (ip && account) {
      return ip.retryAfterSeconds >= account.retryAfterSeconds ? ip : account;
    }
    return ip ?? account;
  }

  async failed(address: string, email: string | null): Promise<void> {
    await Promise.all([this.byAddress.failed(address), email ? this.byEmail.failed(email) : Promise.resolve()]);
  }

  /** A correct password clears the email's count (not the address's: one success does not excuse a spray). */
  async succeeded(email: string): Promise<void> {
    await this.byEmail.reset(email);
  }
}

/** Calls per minute on the portals' API: a signed-in user's, and an API key's (each key its own budget). */
export interface ApiLimitRules {
  userCallsPerMinute: number;
  apiKeyCallsPerMinute: number;
  /** How long a large number check may hold its account's slot if its process dies before releasing it. */
  largeCheckLeaseSeconds: number;
}

export const defaultApiLimitRules: ApiLimitRules = {
  userCallsPerMinute: 300,
  apiKeyCallsPerMinute: 120,
  largeCheckLeaseSeconds: 120,
};

/** Who spends an API budget: an API key by its id, else the signed-in user. */
export interface ApiCaller {
  userId: string;
  apiKeyId?: string | null;
}

/** Where a caller's budget stands after a call: what the public API's RateLimit and RateLimit-Policy headers say. */
export interface BudgetState {
  /** Calls allowed in a window. */
  limit: number;
  /** Calls left in the current window (0 when refused). */
  remaining: number;
  /** Whole seconds until the window ends and the budget is whole again. */
  resetSeconds: number;
  windowSeconds: number;
}

export type SpentCall = { throttled: null; state: BudgetState } | { throttled: Throttled; state: BudgetState };

const callWindowSeconds = 60;

/**
 * Limits on the portals' API and the public API held in PostgreSQL (every process counts together): calls per user
 * and per API key, and one large number check at a time per account, so one tenant cannot starve the others.
 */
export class ApiLimits {
  private readonly byUser: RateLimiterPostgres;
  private readonly byKey: RateLimiterPostgres;
  private readonly largeChecks: RateLimiterPostgres;

  constructor(
    pool: Pool,
    private readonly rules: ApiLimitRules = defaultApiLimitRules,
  ) {
    this.byUser = limiter(pool, "api_user", rules.userCallsPerMinute, callWindowSeconds);
    this.byKey = limiter(pool, "api_key", rules.apiKeyCallsPerMinute, callWindowSeconds);
    this.largeChecks = limiter(pool, "api_large_check", 1, rules.largeCheckLeaseSeconds);
  }

  /**
   * Spends `calls` (the procedures of one batched request) of the caller's budget, in one statement: the state after
   * it (for RateLimit headers), and the wait when it was already spent.
   */
  async spendCall(caller: ApiCaller, calls = 1): Promise<SpentCall> {
    const [store, key, limit] = caller.apiKeyId
      ? [this.byKey, caller.apiKeyId, this.rules.apiKeyCallsPerMinute]
      : [this.byUser, caller.userId, this.rules.userCallsPerMinute];
    const state = (res: RateLimiterRes): BudgetState => ({
      limit,
      remaining: Math.max(0, res.remainingPoints),
      resetSeconds: seconds(res.msBeforeNext),
      windowSeconds: callWindowSeconds,
    });
    try {
      return { throttled: null, state: state(await store.consume(key, Math.max(1, calls))) };
    } catch (refused) {
      if (refused instanceof RateLimiterRes) {
        const after = state(refused);
        return { throttled: { retryAfterSeconds: after.resetSeconds }, state: { ...after, remaining: 0 } };
      }
      throw refused;
    }
  }

  /** Spends `calls` of the caller's budget; the wait when it is spent, else null. */
  async spend(caller: ApiCaller, calls: number): Promise<Throttled | null> {
    return (await this.spendCall(caller, calls)).throttled;
  }

  /**
   * Runs `work` as the account's one large number check; while another runs (in any process), refuses at once. The
   * slot is released when `work` ends, or at the lease's end if the process died.
   */
  async oneLargeCheckAtATime<T>(accountId: string, work: () => Promise<T>): Promise<T> {
    try {
      await this.largeChecks.consume(accountId, 1);
    } catch (refused) {
      if (refused instanceof RateLimiterRes) {
        throw new TooManyRequests(
          Math.min(seconds(refused.msBeforeNext), 10),
          "Another large number check of this account is running: one runs at a time.",
        );
      }
      throw refused;
    }
    try {
      return await work();
    } finally {
      await this.largeChecks.delete(accountId);
    }
  }
}

/** A refusal for load (HTTP 429): the message says why, `retryAfterSeconds` when to try again. */
export class TooManyRequests extends Error {
  constructor(
    readonly retryAfterSeconds: number,
    message: string,
  ) {
    super(message);
  }
}
