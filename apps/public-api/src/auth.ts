import { resolveApiKeyOnce } from "@portway/services";
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
 * Spends one call of the key's budget and says where it stands on the answer, refused or not (the IETF RateLimit
 * header fields: `RateLimit-Policy: "per-key";q=<calls>;w=<seconds>` and `RateLimit: "per-key";r=<left>;t=<seconds
 * until the window ends>`); a spent budget is a 429 with Retry-After. Answers the refusal, or null to go on.
 */
export async function spendCall(c: Context<ApiEnv>, userId: string, apiKeyId: string | null): Promise<Response | null> {
  const { limits } = c.get("runtime");
  if (!limits) {
    return null;
  }
  const { throttled, state } = await limits.spendCall({ userId, apiKeyId }, 1);
  const headers = {
    "ratelimit-policy": `"per-key";q=${state.limit};w=${state.windowSeconds}`,
    ratelimit: `"per-key";r=${state.remaining};t=${state.resetSeconds}`,
  };
  if (!throttled) {
    c.header("ratelimit-policy", headers["ratelimit-policy"]);
    c.header("ratelimit", headers.ratelimit);
    return null;
  }
  const wait = String(throttled.retryAfterSeconds);
  return problemResponse(
    c,
    problem(
      429,
      "TOO_MANY_REQUESTS",
      `This API key made more than ${state.limit} calls in a minute; retry in ${wait} s.`,
      [{ field: null, code: "TOO_MANY_REQUESTS", message: "Slow down: the key's budget for this minute is spent." }],
    ),
    { "retry-after": wait, ...headers },
  );
}
