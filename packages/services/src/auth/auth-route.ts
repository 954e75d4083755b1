import { clientAddress } from "./client-address";
import { readCappedBody, tooManyRequests } from "./http";
import type { PortwayAuth } from "./index";
import type { SignInThrottle } from "./limits";

/** Sign-in, sign-out and password changes carry a few hundred bytes: anything past this is refused unread. */
export const maxAuthBodyBytes = 16 * 1024;

export interface AuthRouteOptions {
  auth: PortwayAuth;
  throttle: SignInThrottle;
  /** How many reverse proxies in front append to `X-Forwarded-For` (0: the header is ignored). */
  trustedProxyHops: number;
}

function emailOf(body: Buffer | null): string | null {
  if (!body) {
    return null;
  }
  try {
    const parsed = JSON.parse(body.toString("utf8")) as { email?: unknown };
    return typeof parsed?.email === "string" ? parsed.email.trim().toLowerCase().slice(0, 320) : null;
  } catch {
    return null;
  }
}

/**
 * A portal's `/api/auth/*` route: bodies capped small, and email sign-in throttled per client address and per email
 * (held in PostgreSQL, so every process counts together) before better-auth checks the password. A refused or failed
 * attempt counts; a success clears the email's count.
 */
export async function handleAuthRequest(request: Request, options: AuthRouteOptions): Promise<Response> {
  const read = await readCappedBody(request, maxAuthBodyBytes);
  if (read instanceof Response) {
    return read;
  }
  const signIn = request.method === "POST" && new URL(request.url).pathname.endsWith("/sign-in/email");
  if (!signIn) {
    return options.auth.handler(read.request);
  }
  const address = clientAddress(request.headers, options.trustedProxyHops);
  const email = emailOf(read.body);
  const throttled = await options.throttle.check(address, email);
  if (throttled) {
    return tooManyRequests(throttled.retryAfterSeconds, "Too many sign-in attempts.");
  }
  const response = await options.auth.handler(read.request);
  if (response.status === 401 || response.status === 403) {
    await options.throttle.failed(address, email);
  } else if (response.ok && email) {
    await options.throttle.succeeded(email);
    return withoutToken(response);
  }
  return response;
}

/** The session lives in its HttpOnly cookie only: the token is taken out of the JSON a script could read. */
async function withoutToken(response: Response): Promise<Response> {
  if (!(response.headers.get("content-type") ?? "").includes("application/json")) {
    return response;
  }
  const body = (await response.json()) as Record<string, unknown>;
  delete body.token;
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  return new Response(JSON.stringify(body), { status: response.status, headers });
}
