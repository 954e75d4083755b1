import http from "node:http";
import https from "node:https";

/** One HTTP exchange as the partner client needs it: the whole answer read, or a failure of a known kind. */
export interface HttpExchange {
  url: URL;
  method: "GET" | "POST";
  headers: Record<string, string>;
  body?: string;
  /** For the whole exchange, the answer's body included. */
  timeoutMs: number;
  signal?: AbortSignal;
}

export interface HttpAnswer {
  status: number;
  header(name: string): string | null;
  text: string;
}

/** Why an exchange got no answer. */
export class TransportError extends Error {
  override readonly name = "TransportError";
  constructor(
    readonly kind: "timeout" | "network" | "aborted",
    cause: unknown,
  ) {
    super(`partner request failed: ${kind}`, { cause });
  }
}

export type HttpTransport = (exchange: HttpExchange) => Promise<HttpAnswer>;

/** Over a `fetch` implementation (tests, or a runtime without node:http). */
export function fetchTransport(fetchImpl: typeof fetch): HttpTransport {
  return async (exchange) => {
    const timeout = AbortSignal.timeout(exchange.timeoutMs);
    const signal = exchange.signal ? AbortSignal.any([exchange.signal, timeout]) : timeout;
    try {
      const response = await fetchImpl(exchange.url, {
        method: exchange.method,
        headers: exchange.headers,
        body: exchange.body,
        signal,
      });
      const text = await response.text();
      return { status: response.status, header: (name) => response.headers.get(name), text };
    } catch (cause) {
      const kind = exchange.signal?.aborted ? "aborted" : timeout.aborted ? "timeout" : "network";
      throw new TransportError(kind, cause);
    }
  };
}

/**
 * Over node:http(s) with kept-alive connections: a fraction of `fetch`'s cost per request, which matters when the
 * worker sends hundreds of orders a second.
 */
export function nodeHttpTransport(options: { maxSockets?: number } = {}): HttpTransport {
  const agents = {
    "http:": new http.Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 64 }),
    "https:": new https.Agent({ keepAlive: true, maxSockets: options.maxSockets ?? 64 }),
  };
  return (exchange) =>
    new Promise<HttpAnswer>((resolve, reject) => {
      const { url, signal } = exchange;
      if (signal?.aborted) {
        reject(new TransportError("aborted", signal.reason));
        return;
      }
      const secure = url.protocol === "https:";
      const headers: Record<string, string | number> = { ...exchange.headers };
      const body = exchange.body === undefined ? undefined : Buffer.from(exchange.body);
      if (body) {
        headers["content-length"] = body.length;
      }
      let settled = false;
      let timer: NodeJS.Timeout | undefined;
      const finish = (outcome: () => void) => {
        if (!settled) {
          settled = true;
          clearTimeout(timer);
          signal?.removeEventListener("abort", onAbort);
          outcome();
        }
      };
      const request = (secure ? https : http).request(url, {
        method: exchange.method,
        headers,
        agent: secure ? agents["https:"] : agents["http:"],
      });
      const fail = (kind: TransportError["kind"], cause: unknown) => {
        finish(() => reject(new TransportError(kind, cause)));
        request.destroy();
      };
      timer = setTimeout(
        () => fail("timeout", new Error(`no answer within ${exchange.timeoutMs} ms`)),
        exchange.timeoutMs,
      );
      const onAbort = () => fail("aborted", signal?.reason);
      signal?.addEventListener("abort", onAbort, { once: true });
      request.on("error", (cause) => fail("network", cause));
      request.on("response", (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", (cause) => fail("network", cause));
        response.on("close", () => {
          if (!response.complete) {
            fail("network", new Error("the connection closed before the answer ended"));
          }
        });
        response.on("end", () =>
          finish(() =>
            resolve({
              status: response.statusCode ?? 0,
              header: (name) => {
                const value = response.headers[name.toLowerCase()];
                return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
              },
              text: Buffer.concat(chunks).toString("utf8"),
            }),
          ),
        );
      });
      request.end(body);
    });
}
