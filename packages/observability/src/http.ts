import { logger, requestIdFrom, withLogContext } from "./logger";
import { httpRequestDuration, renderMetrics } from "./metrics";

/**
 * Wraps a fetch-style route handler (Next.js route handlers): a request ID (the caller's `x-request-id` when sane)
 * on every log line of the request and on the answer, its latency in the route's histogram, one log line per
 * request (debug when fine, info when it failed or was slow).
 */
export function instrumentRoute(
  route: string | ((request: Request) => string),
  handler: (request: Request) => Promise<Response> | Response,
) {
  return async (request: Request): Promise<Response> => {
    const requestId = requestIdFrom(request.headers.get("x-request-id"));
    const label = typeof route === "string" ? route : route(request);
    const started = performance.now();
    return withLogContext({ requestId }, async () => {
      let status = 500;
      try {
        const response = await handler(request);
        status = response.status;
        try {
          response.headers.set("x-request-id", requestId);
        } catch {
          // immutable headers (a redirect made by Response.redirect): the log line still has the ID
        }
        return response;
      } finally {
        const seconds = (performance.now() - started) / 1000;
        httpRequestDuration.observe({ route: label, method: request.method, status: String(status) }, seconds);
        const level = status >= 500 || seconds > 1 ? "info" : "debug";
        logger()[level]({ method: request.method, route: label, status, ms: Math.round(seconds * 1000) }, "request");
      }
    });
  };
}

/** The tRPC procedure path(s) of a request, as a bounded metric label (`orders.list`, `a.b,c.d`). */
export function trpcRouteOf(request: Request): string {
  const pathname = new URL(request.url).pathname;
  const procedures = pathname.replace(/^.*\/api\/trpc\/?/, "");
  return `trpc ${procedures.slice(0, 120) || "(none)"}`;
}

/**
 * `GET /metrics` of a process: open in development; with a token configured, only with `Authorization: Bearer
 * <token>`; in production without a token, not served at all (404), so nothing leaks from a public portal.
 */
export async function metricsResponse(
  request: Request,
  options: { production: boolean; token: string | null },
): Promise<Response> {
  if (options.token) {
    if (request.headers.get("authorization") !== `Bearer ${options.token}`) {
      return new Response("unauthorized\n", { status: 401, headers: { "www-authenticate": "Bearer" } });
    }
  } else if (options.production) {
    return new Response("not found\n", { status: 404 });
  }
  const { contentType, body } = await renderMetrics();
  return new Response(body, { status: 200, headers: { "content-type": contentType, "cache-control": "no-store" } });
}
