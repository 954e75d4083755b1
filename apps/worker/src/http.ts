import http from "node:http";
import type { Db } from "@portway/db";
import {
  callbackLag,
  httpRequestDuration,
  logger,
  renderMetrics,
  requestIdFrom,
  withLogContext,
} from "@portway/observability";
import { parsePartnerEvent, verifyCallbackRequest } from "@portway/partner";
import { type Clock, receivePartnerCallback } from "@portway/services";
import type { WorkerLog } from "./loops";

const MAX_BODY_BYTES = 1024 * 1024;

export interface CallbackEndpointOptions {
  db: Db;
  clock: Clock;
  secret: string;
  log: WorkerLog;
  /** Brings the gauges up to date (queue depth, dead letters) before `/metrics` renders them. */
  refreshMetrics?: () => Promise<void>;
  /** The sandbox clock's endpoint (`/sandbox/clock`), outside production only. */
  sandbox?: (request: http.IncomingMessage, response: http.ServerResponse) => Promise<void>;
}

export function send(response: http.ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}

export async function readBody(request: http.IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) {
      return null;
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * The worker's HTTP endpoint: health, partner callbacks and (outside production) the sandbox clock. A callback is trusted only with a valid, fresh
 * signature; it is stored and applied (in order, once) before the partner gets its 200.
 */
export function createWorkerServer(options?: CallbackEndpointOptions) {
  return http.createServer((request, response) => {
    const requestId = requestIdFrom(request.headers["x-request-id"] as string | undefined);
    response.setHeader("x-request-id", requestId);
    const started = performance.now();
    const route = routeOf(request);
    response.once("finish", () => {
      const seconds = (performance.now() - started) / 1000;
      httpRequestDuration.observe(
        { route, method: request.method ?? "GET", status: String(response.statusCode) },
        seconds,
      );
      if (route !== "/health" && route !== "/metrics") {
        // Every request at debug (LOG_LEVEL=debug); failed or slow ones at info, so a busy callback stream stays quiet.
        const level = response.statusCode >= 400 || seconds > 1 ? "info" : "debug";
        logger()[level](
          { requestId, method: request.method, route, status: response.statusCode, ms: Math.round(seconds * 1000) },
          "request",
        );
      }
    });
    withLogContext({ requestId }, () => handleRequest(request, response, options));
  });
}

function routeOf(request: http.IncomingMessage): string {
  const known = ["/health", "/metrics", "/partner/callbacks", "/sandbox/clock"];
  const url = request.url ?? "/";
  return known.includes(url) ? url : "other";
}

function handleRequest(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  options?: CallbackEndpointOptions,
) {
  if (request.method === "GET" && request.url === "/metrics") {
    (options?.refreshMetrics?.() ?? Promise.resolve())
      .catch((error: unknown) => {
        logger().warn({ err: error }, "metrics refresh failed");
      })
      .then(() => renderMetrics())
      .then(({ contentType, body }) => {
        response.writeHead(200, { "content-type": contentType });
        response.end(body);
      })
      .catch((error: unknown) => {
        logger().error({ err: error }, "metrics could not be rendered");
        send(response, 500, { error: "metrics unavailable" });
      });
    return;
  }
  if (request.method === "GET" && request.url === "/health") {
    send(response, 200, { name: "portway-worker", status: "ok" });
    return;
  }
  if (options && request.method === "POST" && request.url === "/partner/callbacks") {
    handleCallback(request, response, options).catch((error: unknown) => {
      options.log(`callback failed: ${error instanceof Error ? error.message : String(error)}`, error);
      send(response, 500, { error: "callback could not be applied; retry later" });
    });
    return;
  }
  if (options?.sandbox && request.url === "/sandbox/clock") {
    options.sandbox(request, response).catch((error: unknown) => {
      options.log(`sandbox clock failed: ${error instanceof Error ? error.message : String(error)}`, error);
      send(response, 500, { error: error instanceof Error ? error.message : String(error) });
    });
    return;
  }
  send(response, 404, { error: "not found" });
}

async function handleCallback(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  options: CallbackEndpointOptions,
) {
  const rawBody = await readBody(request);
  if (rawBody === null) {
    send(response, 413, { error: "callback body over 1 MB" });
    return;
  }
  // Signatures guard against replay in real time, whatever the business clock says.
  const verification = verifyCallbackRequest({
    secret: options.secret,
    rawBody,
    headers: request.headers,
    now: new Date(),
  });
  if (!verification.ok) {
    send(response, 401, { error: `signature ${verification.reason}` });
    return;
  }
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    send(response, 400, { error: "body is not JSON" });
    return;
  }
  const parsed = parsePartnerEvent(body);
  if (!parsed.ok) {
    send(response, 400, {
      error: "not a partner event",
      issues: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`),
    });
    return;
  }
  const outcome = await receivePartnerCallback(options.db, options.clock, parsed.event);
  // Lag in business time: the sandbox clock moves both ends together.
  const lagMs = options.clock.now().getTime() - new Date(parsed.event.occurredAt).getTime();
  if (Number.isFinite(lagMs) && lagMs >= 0) {
    callbackLag.observe(lagMs / 1000);
  }
  send(response, 200, { outcome });
}
