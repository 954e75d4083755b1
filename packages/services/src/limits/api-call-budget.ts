import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { type ApiCaller, type ApiLimitRules, defaultApiLimitRules, type Pool, type Throttled } from "../auth/limits";

/** Where a caller's budget stands after a call: what RateLimit and RateLimit-Policy say. */
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

const windowSeconds = 60;

/**
 * The portals' API budget (calls per minute per API key, else per signed-in user) spent with what is left of it, for
 * APIs that say so on every answer (RateLimit headers). It counts in the very rows ApiLimits counts in (the same
 * table, key prefixes, points and window), so the two count together across processes; one statement per call.
 */
export class ApiCallBudget {
  private readonly byUser: RateLimiterPostgres;
  private readonly byKey: RateLimiterPostgres;

  constructor(
    pool: Pool,
    private readonly rules: ApiLimitRules = defaultApiLimitRules,
  ) {
    const limiter = (keyPrefix: string, points: number) =>
      new RateLimiterPostgres({
        storeClient: pool,
        storeType: "pool",
        tableName: "rate_limits",
        tableCreated: true,
        keyPrefix,
        points,
        duration: windowSeconds,
      });
    this.byUser = limiter("api_user", rules.userCallsPerMinute);
    this.byKey = limiter("api_key", rules.apiKeyCallsPerMinute);
  }

  /** Spends `calls` of the caller's budget: the state after it, and the wait when it was already spent. */
  async spendCall(caller: ApiCaller, calls = 1): Promise<SpentCall> {
    const [store, key, limit] = caller.apiKeyId
      ? [this.byKey, caller.apiKeyId, this.rules.apiKeyCallsPerMinute]
      : [this.byUser, caller.userId, this.rules.userCallsPerMinute];
    const state = (res: RateLimiterRes): BudgetState => ({
      limit,
      remaining: Math.max(0, res.remainingPoints),
      resetSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
      windowSeconds,
    });
    try {
      const spent = await store.consume(key, Math.max(1, calls));
      return { throttled: null, state: state(spent) };
    } catch (refused) {
      if (refused instanceof RateLimiterRes) {
        const after = state(refused);
        return { throttled: { retryAfterSeconds: after.resetSeconds }, state: { ...after, remaining: 0 } };
      }
      throw refused;
    }
  }

  /** ApiLimits' shape: the wait when the budget is spent, else null. */
  async spend(caller: ApiCaller, calls: number): Promise<Throttled | null> {
    return (await this.spendCall(caller, calls)).throttled;
  }
}
