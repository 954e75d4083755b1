import type { Instrumentation } from "next";

/** Names this process's JSON logger once at start (Next.js calls `register` before serving). */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { createLogger, setLogger } = await import("@portway/observability");
    setLogger(createLogger("customer-portal"));
    // Route handlers get no socket: each request carries its peer address in a header no client can set.
    const { stampPeerAddresses } = await import("@portway/services/auth");
    stampPeerAddresses();
  }
}

/** A render or route error that escaped its handler: one JSON line with the route, never the response. */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { logger } = await import("@portway/observability");
    logger().error(
      { err: error, path: request.path, method: request.method, route: context.routePath },
      "request failed",
    );
  }
};
