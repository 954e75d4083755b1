import { resolveApiKey } from "@portway/services";
import type { MiddlewareHandler } from "hono";
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
    const user = await resolveApiKey(runtime.db, bearerOf(c.req.header("authorization")), runtime.clock.now());
    if (!user) {
      return problemResponse(
        c,
        problem(401, "UNAUTHORIZED", "Send a live API key: Authorization: Bearer pwk_…", [
          { field: "authorization", code: "UNAUTHORIZED", message: "The API key is missing, unknown or revoked." },
        ]),
        { "www-authenticate": 'Bearer realm="portway"' },
      );
    }
    c.set("caller", callerFor(user));
    await next();
  };
}
