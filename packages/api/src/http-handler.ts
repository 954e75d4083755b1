import { tooManyRequests } from "@portway/services/auth";
import { bodyLimits } from "@portway/services/security-headers";
import type { AnyTRPCRouter } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { Context } from "./trpc";

/**
 * The largest tRPC request body a portal reads (a 3 MB document in base64, or a 2,000,000-character number check, fits);
 * a larger one answers 413 before it is parsed.
 */
export const maxTrpcBodyBytes = bodyLimits.default;
/** At most this many procedures in one batched request. */
export const maxTrpcBatch = 20;

function refusal(status: number, code: string, message: string): Response {
  return new Response(JSON.stringify({ error: { code, message } }), {
    status,
    headers: { "content-type": "application/json" },
  });
}

/**
 * Why a request may not run a mutation (a POST) here, or null. Cookie-authenticated mutations must be JSON and come
 * from the portal's own origin (`Origin`, else `Sec-Fetch-Site: same-origin`); API-key requests (a bearer token and no
 * cookie) are exempt, since a hostile page cannot attach them.
 */
export function refuseRequest(request: Request, ownOrigin: string): Response | null {
  if (request.method !== "POST") {
    return null;
  }
  const length = Number(request.headers.get("content-length") ?? "0");
  if (Number.isFinite(length) && length > maxTrpcBodyBytes) {
    return refusal(413, "PAYLOAD_TOO_LARGE", `A request body may be at most ${maxTrpcBodyBytes} bytes.`);
  }
  const contentType = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
  if (contentType !== "application/json") {
    return refusal(415, "UNSUPPORTED_MEDIA_TYPE", "Changes are accepted only as application/json.");
  }
  const apiKeyOnly = !request.headers.get("cookie") && /^Bearer\s/i.test(request.headers.get("authorization") ?? "");
  if (apiKeyOnly) {
    return null;
  }
  const origin = request.headers.get("origin");
  if (origin !== null) {
    return sameOrigin(origin, ownOrigin)
      ? null
      : refusal(403, "FOREIGN_ORIGIN", `Changes are accepted only from ${new URL(ownOrigin).origin}.`);
  }
  return request.headers.get("sec-fetch-site") === "same-origin"
    ? null
    : refusal(403, "FOREIGN_ORIGIN", "Changes need an Origin header of this portal.");
}

const loopbackNames = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** The portal's origin; a loopback portal (development) also answers to its other loopback names on the same port. */
function sameOrigin(origin: string, ownOrigin: string): boolean {
  let theirs: URL;
  try {
    theirs = new URL(origin);
  } catch {
    return false;
  }
  const own = new URL(ownOrigin);
  if (theirs.origin === own.origin) {
    return true;
  }
  return (
    loopbackNames.has(own.hostname) &&
    loopbackNames.has(theirs.hostname) &&
    theirs.protocol === own.protocol &&
    theirs.port === own.port
  );
}

/** How many procedures one (batched) request calls: each spends one call of the caller's budget. */
function callsIn(request: Request): number {
  const path = new URL(request.url).pathname.replace(/^.*\/api\/trpc\/?/, "");
  return Math.min(path.split(",").length, maxTrpcBatch);
}

/** Reads the body up to the limit, so a body without (or with a false) content-length cannot be read whole. */
async function readCapped(request: Request): Promise<Request | Response> {
  if (request.method !== "POST" || !request.body) {
    return request;
  }
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      break;
    }
    size += value.byteLength;
    if (size > maxTrpcBodyBytes) {
      await reader.cancel();
      return refusal(413, "PAYLOAD_TOO_LARGE", `A request body may be at most ${maxTrpcBodyBytes} bytes.`);
    }
    chunks.push(value);
  }
  return new Request(request.url, { method: request.method, headers: request.headers, body: Buffer.concat(chunks) });
}

/** A portal's tRPC endpoint with the origin, content-type, body-size and batch checks in front. */
export async function handleTrpcRequest(
  request: Request,
  options: { router: AnyTRPCRouter; ownOrigin: string; createContext: () => Promise<Context> | Context },
): Promise<Response> {
  const refused = refuseRequest(request, options.ownOrigin);
  if (refused) {
    return refused;
  }
  const capped = await readCapped(request);
  if (capped instanceof Response) {
    return capped;
  }
  const context = await options.createContext();
  const identity = context.identity;
  if (context.limits && identity) {
    const apiKeyId = identity.kind === "customer" ? identity.apiKey?.id : null;
    const throttled = await context.limits.spend({ userId: identity.userId, apiKeyId }, callsIn(request));
    if (throttled) {
      return tooManyRequests(
        throttled.retryAfterSeconds,
        apiKeyId ? "This API key made too many calls." : "Too many calls from this user.",
      );
    }
  }
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: capped,
    router: options.router,
    maxBatchSize: maxTrpcBatch,
    createContext: ({ resHeaders }) => ({ ...context, resHeaders }),
  });
}
