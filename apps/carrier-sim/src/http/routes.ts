import { timingSafeEqual } from "node:crypto";
import type http from "node:http";
import { partnerHeaders } from "@portway/partner";
import { z } from "zod";
import { activateOrder, createOrder, getOrder, submitSupp } from "../engine/operations";
import type { ApiResult } from "../engine/types";
import { faultSettingsSchema } from "../faults";
import type { SimulatorCore } from "../simulator";
import { readJsonBody, sendError, sendJson } from "./io";

const clockRequestSchema = z
  .object({
    advanceMs: z.number().int().min(0).optional(),
    set: z.iso.datetime({ offset: true }).optional(),
    mode: z.enum(["running", "frozen"]).optional(),
  })
  .refine((body) => !(body.advanceMs !== undefined && body.set !== undefined), "advanceMs or set, not both");

const resetRequestSchema = z
  .object({
    clock: z.object({ set: z.iso.datetime({ offset: true }), mode: z.enum(["running", "frozen"]) }).optional(),
  })
  .optional();

function sendResult(response: http.ServerResponse, result: ApiResult) {
  if (!result.ok) {
    sendError(response, result.error.status, result.error.code, result.error.message, result.error.details);
    return;
  }
  sendJson(
    response,
    result.status,
    result.body,
    result.replayed ? { [partnerHeaders.idempotentReplayed]: "true" } : {},
  );
}

function isAuthorized(request: http.IncomingMessage, apiKey: string | null): boolean {
  if (apiKey === null) {
    return true;
  }
  const given = Buffer.from(request.headers.authorization ?? "");
  const expected = Buffer.from(`Bearer ${apiKey}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The partner API (/v1), with authentication, latency and injected errors before or after the work. */
async function handlePartnerApi(
  core: SimulatorCore,
  request: http.IncomingMessage,
  response: http.ServerResponse,
  path: string,
) {
  if (!isAuthorized(request, core.apiKey)) {
    sendError(response, 401, "UNAUTHORIZED", "Send authorization: Bearer <SIMULATOR_API_KEY>.");
    return;
  }
  const body = await readJsonBody(request);
  if (!body.ok) {
    sendError(response, body.status, "VALIDATION_FAILED", body.message);
    return;
  }
  const faults = core.faults();
  const random = core.random;
  core.requestCounters.total += 1;
  const latency = faults.latencyMs + Math.floor(random() * faults.latencyJitterMs);
  if (latency > 0) {
    await sleep(latency);
  }
  const fail = faults.errorRate > 0 && random() < faults.errorRate;
  const timing = faults.errorTiming === "both" ? (random() < 0.5 ? "before" : "after") : faults.errorTiming;
  if (fail && timing === "before") {
    core.requestCounters.faultedBefore += 1;
    sendError(response, 503, "UNAVAILABLE", "Simulated outage: the request was not processed.");
    return;
  }
  const key = request.headers[partnerHeaders.idempotencyKey];
  const idempotencyKey = typeof key === "string" ? key.trim() : "";
  const method = request.method ?? "GET";
  const orderMatch = /^\/v1\/orders\/([^/]+)(\/supps|\/activate)?$/.exec(path);
  const orderId = orderMatch?.[1] ? decodeURIComponent(orderMatch[1]) : null;
  const needsKey = method === "POST";
  if (needsKey && (idempotencyKey === "" || idempotencyKey.length > 200)) {
    sendError(
      response,
      400,
      "IDEMPOTENCY_KEY_REQUIRED",
      `Send an ${partnerHeaders.idempotencyKey} header (1-200 characters).`,
    );
    return;
  }
  let result: ApiResult | null = null;
  if (method === "POST" && path === "/v1/orders") {
    result = await createOrder(core.engine, idempotencyKey, body.value);
  } else if (method === "GET" && orderId !== null && orderMatch?.[2] === undefined) {
    result = await getOrder(core.engine, orderId);
  } else if (method === "POST" && orderId !== null && orderMatch?.[2] === "/supps") {
    result = await submitSupp(core.engine, orderId, idempotencyKey, body.value);
  } else if (method === "POST" && orderId !== null && orderMatch?.[2] === "/activate") {
    result = await activateOrder(core.engine, orderId, idempotencyKey, body.value);
  }
  if (result === null) {
    sendError(response, 404, "NOT_FOUND", `No route ${method} ${path}.`);
    return;
  }
  if (fail && timing === "after") {
    core.requestCounters.faultedAfter += 1;
    sendError(response, 500, "INTERNAL", "Simulated failure after the request was processed.");
    return;
  }
  sendResult(response, result);
}

/** The sandbox controls (/sim): clock, faults, stats, reset. Never subject to faults. */
async function handleSimApi(
  core: SimulatorCore,
  request: http.IncomingMessage,
  response: http.ServerResponse,
  path: string,
) {
  const method = request.method ?? "GET";
  const body = await readJsonBody(request);
  if (!body.ok) {
    sendError(response, body.status, "VALIDATION_FAILED", body.message);
    return;
  }
  const clockView = () => ({ now: core.clock.now().toISOString(), mode: core.clock.mode });
  if (path === "/sim/clock" && method === "GET") {
    sendJson(response, 200, clockView());
  } else if (path === "/sim/clock" && method === "POST") {
    const parsed = clockRequestSchema.safeParse(body.value ?? {});
    if (!parsed.success) {
      sendError(response, 422, "VALIDATION_FAILED", parsed.error.message);
      return;
    }
    const { advanceMs, set, mode } = parsed.data;
    const target = set ? new Date(set) : new Date(core.clock.now().getTime() + (advanceMs ?? 0));
    await core.moveClock(target, mode);
    sendJson(response, 200, clockView());
  } else if (path === "/sim/faults" && method === "GET") {
    sendJson(response, 200, core.faults());
  } else if (path === "/sim/faults" && method === "POST") {
    const parsed = faultSettingsSchema.safeParse(body.value ?? {});
    if (!parsed.success) {
      sendError(response, 422, "VALIDATION_FAILED", parsed.error.message);
      return;
    }
    await core.setFaults(parsed.data);
    sendJson(response, 200, core.faults());
  } else if (path === "/sim/stats" && method === "GET") {
    sendJson(response, 200, await core.collectStats());
  } else if (path === "/sim/reset" && method === "POST") {
    const parsed = resetRequestSchema.safeParse(body.value);
    if (!parsed.success) {
      sendError(response, 422, "VALIDATION_FAILED", parsed.error.message);
      return;
    }
    const clock = parsed.data?.clock;
    await core.reset(clock ? { at: new Date(clock.set), mode: clock.mode } : undefined);
    sendJson(response, 200, { reset: true, clock: clockView() });
  } else {
    sendError(response, 404, "NOT_FOUND", `No route ${method} ${path}.`);
  }
}

export async function routeRequest(core: SimulatorCore, request: http.IncomingMessage, response: http.ServerResponse) {
  const path = new URL(request.url ?? "/", "http://simulator").pathname;
  if (path === "/health" && request.method === "GET") {
    sendJson(response, 200, { name: "carrier-sim", status: "ok", clock: core.clock.now().toISOString() });
  } else if (path.startsWith("/v1/")) {
    await handlePartnerApi(core, request, response, path);
  } else if (path.startsWith("/sim/")) {
    await handleSimApi(core, request, response, path);
  } else {
    sendError(response, 404, "NOT_FOUND", `No route ${request.method ?? "GET"} ${path}.`);
  }
}
