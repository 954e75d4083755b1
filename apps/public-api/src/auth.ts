import { resolveApiKeyOnce } from "@portway/services";
import { defaultApiLimitRules } from "@portway/services/auth";
import type { Context, MiddlewareHandler } from "hono";
import { type ApiEnv, callerFor } from "./context";
import { problem, problemResponse } from "./problem";

/**
 * The credential of a request as resolveApiKey takes it: a Bearer key, or HTTP Basic whose password is the key
 * (the user name is ignored, as Bandwidth's SDKs send one).
 */
export function bearerOf(authorization: string | undefined): string | null {
  if (!authorization) {
    return null;
  }
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(authorization);
  if (basic?.[1]) {
    const decoded = Buffer.from(basic[1], "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    return colon >= 0 ? `Bearer ${decoded.slice(colon + 1)}` : null;
  }
  return authorization;
}

/** Every /v1 route needs an API key of a live account member; anything else is a 401 problem. */
export function requireApiKey(): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const runtime = c.get("runtime");
    await runtime.refreshClock?.();
    const user = await resolveApiKeyOnce(runtime.db, bearerOf(c.req.header("authorization")), runtime.clock.now());
    if (!user) {
      return problemResponse(
        c,
        problem(401, "UNAUTHORIZED", "Send a live API key: Authorization: Bearer pwk_…", [
          { field: "authorization", code: "UNAUTHORIZED", message: "The API key is missing, unknown or revoked." },
        ]),
        { "www-authenticate": 'Bearer realm="portway"' },
      );
    }
    const throttled = await spendCall(c, user.userId, user.apiKey?.id ?? null);
    if (throttled) {
      return throttled;
    }
    c.set("caller", callerFor(user));
    await next();
  };
}

/**
 * Spends one call of the key's budget (RateLimit-Policy says how large it is); a spent budget is a 429 with
 * Retry-After and RateLimit. Answers the refusal, or null to go on.
 */
export async function spendCall(c: Context<ApiEnv>, userId: string, apiKeyId: string | null): Promise<Response | null> {
  const { limits, keyCallsPerMinute } = c.get("runtime");
  if (!limits) {
    return null;
  }
  const quota = keyCallsPerMinute ?? defaultApiLimitRules.apiKeyCallsPerMinute;
  c.header("ratelimit-policy", `"per-key";q=${quota};w=60`);
  const throttled = await limits.spend({ userId, apiKeyId }, 1);
  if (!throttled) {
    return null;
  }
  const wait = String(throttled.retryAfterSeconds);
  return problemResponse(
    c,
    problem(429, "TOO_MANY_REQUESTS", `This API key made more than ${quota} calls in a minute; retry in ${wait} s.`, [
      { field: null, code: "TOO_MANY_REQUESTS", message: "Slow down: the key's budget for this minute is spent." },
    ]),
    { "retry-after": wait, ratelimit: `"per-key";r=0;t=${wait}`, "ratelimit-policy": `"per-key";q=${quota};w=60` },
  );
}
