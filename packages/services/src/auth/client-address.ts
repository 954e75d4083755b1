import http from "node:http";

/**
 * The header that carries the connection's peer address to route handlers. Next.js hands a route handler a Fetch
 * `Request` without the socket, and only fills `X-Forwarded-For` with the peer address when the client sent none, so
 * the peer address is stamped here, over any value a client sent under this name.
 */
export const peerAddressHeader = "x-portway-peer-address";

const stamped = Symbol.for("portway.peerAddressStamped");

/**
 * Makes every HTTP server of this process stamp each request with its connection's peer address (called once from a
 * portal's instrumentation, before it serves). A client cannot set the header: it is overwritten on every request.
 */
export function stampPeerAddresses(): void {
  const proto = http.Server.prototype as http.Server & { [stamped]?: boolean };
  if (proto[stamped]) {
    return;
  }
  proto[stamped] = true;
  const emit = proto.emit;
  proto.emit = function stampingEmit(this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === "request") {
      const request = args[0] as http.IncomingMessage;
      request.headers[peerAddressHeader] = request.socket.remoteAddress ?? "unknown";
    }
    return (emit as (this: http.Server, event: string | symbol, ...rest: unknown[]) => boolean).call(
      this,
      event,
      ...args,
    );
  } as typeof proto.emit;
}

/**
 * The client's address. With no trusted proxy (`hops` 0) it is the connection's peer and `X-Forwarded-For` is ignored,
 * since anyone can send it. Behind `hops` proxies that each append the address they saw, it is the entry `hops` from
 * the right end: entries further left were written by the client and prove nothing.
 */
export function clientAddress(headers: Headers, trustedProxyHops: number): string {
  const peer = headers.get(peerAddressHeader)?.trim() || "unknown";
  if (trustedProxyHops <= 0) {
    return peer;
  }
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  return chain[chain.length - trustedProxyHops] ?? chain[0] ?? peer;
}
