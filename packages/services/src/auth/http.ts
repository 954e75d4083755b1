/** A JSON refusal with a code and a message, as the portals answer before a request reaches its handler. */
export function refusal(status: number, code: string, message: string, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ error: { code, message } }), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

/** 429 with `Retry-After` in whole seconds. */
export function tooManyRequests(retryAfterSeconds: number, message: string): Response {
  return refusal(429, "TOO_MANY_REQUESTS", `${message} Try again in ${retryAfterSeconds} s.`, {
    "retry-after": String(retryAfterSeconds),
  });
}

function tooLarge(maxBytes: number): Response {
  return refusal(413, "PAYLOAD_TOO_LARGE", `A request body may be at most ${maxBytes} bytes.`);
}

/**
 * The request with its body read to at most `maxBytes` (413 beyond), so neither a large `Content-Length` nor a body
 * that lies about it or streams without one is read whole. A request without a body is returned as it is.
 */
export async function readCappedBody(
  request: Request,
  maxBytes: number,
): Promise<{ request: Request; body: Buffer | null } | Response> {
  const length = Number(request.headers.get("content-length") ?? "0");
  if (Number.isFinite(length) && length > maxBytes) {
    return tooLarge(maxBytes);
  }
  if (!request.body || request.method === "GET" || request.method === "HEAD") {
    return { request, body: null };
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
    if (size > maxBytes) {
      await reader.cancel();
      return tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const body = Buffer.concat(chunks);
  return {
    request: new Request(request.url, {
      method: request.method,
      headers: request.headers,
      body,
      signal: request.signal,
    }),
    body,
  };
}
