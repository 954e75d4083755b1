import type { z } from "zod";
import {
  type BackoffPolicy,
  computeBackoffDelay,
  defaultBackoffPolicy,
  isRetryableStatus,
  parseRetryAfterMs,
} from "./backoff";
import { partnerHeaders } from "./headers";
import {
  type ActivateRequest,
  type ActivateResponse,
  activateRequestSchema,
  activateResponseSchema,
  type CreateOrderRequest,
  type CreateOrderResponse,
  createOrderRequestSchema,
  createOrderResponseSchema,
  type PartnerOrder,
  partnerOrderSchema,
  type SuppRequest,
  type SuppResponse,
  suppRequestSchema,
  suppResponseSchema,
} from "./orders";
import { fetchTransport, type HttpAnswer, type HttpTransport, nodeHttpTransport, TransportError } from "./transport";
import { partnerErrorBodySchema } from "./wire";

/** invalid-request: our own request failed the schema, so nothing was sent. */
export type PartnerErrorKind = "network" | "timeout" | "http" | "invalid-request" | "invalid-response" | "aborted";

/** Every failure of a partner call. `retryable` says whether the same call may succeed later (with the same key). */
export class PartnerRequestError extends Error {
  override readonly name = "PartnerRequestError";
  readonly kind: PartnerErrorKind;
  /** HTTP status of the last attempt, or null when there was no answer. */
  readonly status: number | null;
  /** The partner's error code (`{ error: { code } }`), when it sent one. */
  readonly code: string | null;
  readonly retryable: boolean;
  readonly attempts: number;
  readonly body: unknown;

  constructor(init: {
    message: string;
    kind: PartnerErrorKind;
    status: number | null;
    code: string | null;
    retryable: boolean;
    attempts: number;
    body?: unknown;
    cause?: unknown;
  }) {
    super(init.message, { cause: init.cause });
    this.kind = init.kind;
    this.status = init.status;
    this.code = init.code;
    this.retryable = init.retryable;
    this.attempts = init.attempts;
    this.body = init.body;
  }
}

export interface RetryInfo {
  method: string;
  path: string;
  attempt: number;
  delayMs: number;
  error: PartnerRequestError;
}

export interface PartnerClientOptions {
  baseUrl: string;
  /** Sent as `authorization: Bearer <apiKey>` when set. */
  apiKey?: string | null;
  /** Per attempt, the answer's body included. Default 10 s. */
  timeoutMs?: number;
  backoff?: Partial<BackoffPolicy>;
  /** How requests travel; default node:http with kept-alive connections. */
  transport?: HttpTransport;
  /** Send through this `fetch` instead (ignored when `transport` is set). */
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  /** Returns a number in [0, 1); used for jitter. */
  random?: () => number;
  /** Called before each retry, e.g. to log it. */
  onRetry?: (info: RetryInfo) => void;
  /** Called after each attempt with its duration, e.g. for latency metrics. */
  onAttempt?: (info: AttemptInfo) => void;
}

export interface AttemptInfo {
  method: string;
  /** The path with IDs replaced by `:id`, fit for a metric label. */
  operation: string;
  durationMs: number;
  /** Null when the attempt succeeded. */
  errorKind: string | null;
}

export interface MutationOptions {
  /** One per logical request; keep it with the job so a restarted worker retries with the same key. */
  idempotencyKey: string;
  signal?: AbortSignal;
}

export interface PartnerClient {
  createOrder(request: CreateOrderRequest, options: MutationOptions): Promise<CreateOrderResponse>;
  submitSupp(orderId: string, request: SuppRequest, options: MutationOptions): Promise<SuppResponse>;
  activateOrder(orderId: string, request: ActivateRequest, options: MutationOptions): Promise<ActivateResponse>;
  getOrder(orderId: string, options?: { signal?: AbortSignal }): Promise<PartnerOrder>;
}

interface CallSpec<T> {
  method: "GET" | "POST";
  path: string;
  body?: unknown;
  idempotencyKey?: string;
  signal?: AbortSignal;
  schema: z.ZodType<T>;
  /** Validates the body before anything is sent. */
  requestSchema?: z.ZodType;
}

type AttemptOutcome<T> =
  | { ok: true; value: T }
  | { ok: false; error: PartnerRequestError; retryAfterMs: number | null };

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function readErrorCode(body: unknown): string | null {
  const parsed = partnerErrorBodySchema.safeParse(body);
  return parsed.success ? parsed.data.error.code : null;
}

function parseJson(text: string): unknown {
  if (text === "") {
    return null;
  }
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The partner's HTTP API with timeouts, retries (backoff with full jitter) and idempotency keys. */
export function createPartnerClient(options: PartnerClientOptions): PartnerClient {
  const transport = options.transport ?? (options.fetch ? fetchTransport(options.fetch) : nodeHttpTransport());
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const policy: BackoffPolicy = { ...defaultBackoffPolicy, ...options.backoff };
  const baseUrl = options.baseUrl.endsWith("/") ? options.baseUrl : `${options.baseUrl}/`;

  async function attempt<T>(spec: CallSpec<T>, attemptNumber: number): Promise<AttemptOutcome<T>> {
    const headers: Record<string, string> = { accept: "application/json" };
    if (spec.body !== undefined) {
      headers["content-type"] = "application/json";
    }
    if (spec.idempotencyKey !== undefined) {
      headers[partnerHeaders.idempotencyKey] = spec.idempotencyKey;
    }
    if (options.apiKey) {
      headers.authorization = `Bearer ${options.apiKey}`;
    }
    const fail = (init: Omit<ConstructorParameters<typeof PartnerRequestError>[0], "attempts" | "message">) => {
      const what = init.status === null ? init.kind : `HTTP ${init.status}${init.code ? ` ${init.code}` : ""}`;
      const message = `${spec.method} ${spec.path} failed after ${attemptNumber} attempt(s): ${what}`;
      return new PartnerRequestError({ ...init, message, attempts: attemptNumber });
    };
    let response: HttpAnswer;
    try {
      response = await transport({
        url: new URL(spec.path.replace(/^\//, ""), baseUrl),
        method: spec.method,
        headers,
        body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
        timeoutMs,
        signal: spec.signal,
      });
    } catch (cause) {
      const kind = cause instanceof TransportError ? cause.kind : "network";
      const error = fail({ kind, status: null, code: null, retryable: kind !== "aborted", cause });
      return { ok: false, retryAfterMs: null, error };
    }
    const { text } = response;
    const ok = response.status >= 200 && response.status < 300;
    const body = parseJson(text);
    if (!ok) {
      const error = fail({
        kind: "http",
        status: response.status,
        code: readErrorCode(body),
        retryable: isRetryableStatus(response.status),
        body,
      });
      return { ok: false, error, retryAfterMs: parseRetryAfterMs(response.header("retry-after")) };
    }
    const parsed = spec.schema.safeParse(body);
    if (!parsed.success) {
      const error = fail({
        kind: "invalid-response",
        status: response.status,
        code: null,
        retryable: false,
        body,
        cause: parsed.error,
      });
      return { ok: false, error, retryAfterMs: null };
    }
    return { ok: true, value: parsed.data };
  }

  async function call<T>(unchecked: CallSpec<T>): Promise<T> {
    let spec = unchecked;
    if (unchecked.requestSchema) {
      const checked = unchecked.requestSchema.safeParse(unchecked.body);
      if (!checked.success) {
        throw new PartnerRequestError({
          message: `${spec.method} ${spec.path} not sent: the request is invalid: ${checked.error.message}`,
          kind: "invalid-request",
          status: null,
          code: null,
          retryable: false,
          attempts: 0,
          cause: checked.error,
        });
      }
      // Send what the schema produced (defaults filled in), so retries and replays carry identical bodies.
      spec = { ...unchecked, body: checked.data };
    }
    for (let attemptNumber = 1; ; attemptNumber += 1) {
      const started = performance.now();
      const outcome = await attempt(spec, attemptNumber);
      options.onAttempt?.({
        method: spec.method,
        operation: spec.path.replace(/\/orders\/[^/]+/, "/orders/:id"),
        durationMs: performance.now() - started,
        errorKind: outcome.ok ? null : outcome.error.kind,
      });
      if (outcome.ok) {
        return outcome.value;
      }
      if (!outcome.error.retryable || attemptNumber >= policy.maxAttempts) {
        throw outcome.error;
      }
      const jittered = computeBackoffDelay(attemptNumber, policy, random);
      // A server that says when to come back knows better than our jitter, within our ceiling.
      const delayMs =
        outcome.retryAfterMs === null
          ? jittered
          : Math.min(policy.maxDelayMs, Math.max(jittered, outcome.retryAfterMs));
      options.onRetry?.({
        method: spec.method,
        path: spec.path,
        attempt: attemptNumber,
        delayMs,
        error: outcome.error,
      });
      await sleep(delayMs);
    }
  }

  function requireKey(key: string): string {
    if (key.trim() === "") {
      throw new TypeError("idempotencyKey must not be empty: every mutating partner call needs one.");
    }
    return key;
  }

  const orderPath = (orderId: string) => `/v1/orders/${encodeURIComponent(orderId)}`;

  return {
    createOrder: (request, { idempotencyKey, signal }) =>
      call({
        method: "POST",
        path: "/v1/orders",
        body: request,
        requestSchema: createOrderRequestSchema,
        idempotencyKey: requireKey(idempotencyKey),
        signal,
        schema: createOrderResponseSchema,
      }),
    submitSupp: (orderId, request, { idempotencyKey, signal }) =>
      call({
        method: "POST",
        path: `${orderPath(orderId)}/supps`,
        body: request,
        requestSchema: suppRequestSchema,
        idempotencyKey: requireKey(idempotencyKey),
        signal,
        schema: suppResponseSchema,
      }),
    activateOrder: (orderId, request, { idempotencyKey, signal }) =>
      call({
        method: "POST",
        path: `${orderPath(orderId)}/activate`,
        body: request,
        requestSchema: activateRequestSchema,
        idempotencyKey: requireKey(idempotencyKey),
        signal,
        schema: activateResponseSchema,
      }),
    getOrder: (orderId, getOptions) =>
      call({ method: "GET", path: orderPath(orderId), signal: getOptions?.signal, schema: partnerOrderSchema }),
  };
}
