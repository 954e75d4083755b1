import { bodyLimits, contentSecurityPolicy, newNonce } from "@portway/services/security-headers";
import { type NextRequest, NextResponse } from "next/server";

const production = (process.env.PORTWAY_ENV || process.env.NODE_ENV) === "production";
/** Routes that serve stored files (documents, a signing link's letter): they set their own sandbox policy. */
const filePaths = /^\/(documents\/[^/]+|sign\/[^/]+\/loa)$/;

/**
 * Every request: a body larger than its route's limit is refused from its Content-Length (the auth routes' limit is
 * small), and each response gets a Content-Security-Policy with a fresh nonce, which Next.js puts on its own scripts
 * (it reads the policy from the request headers).
 */
export function proxy(request: NextRequest) {
  const length = Number(request.headers.get("content-length") ?? "0");
  const limit = request.nextUrl.pathname.startsWith("/api/auth/") ? bodyLimits.auth : bodyLimits.default;
  if (Number.isFinite(length) && length > limit) {
    return NextResponse.json(
      { error: { code: "PAYLOAD_TOO_LARGE", message: `A request body here may be at most ${limit} bytes.` } },
      { status: 413 },
    );
  }
  const nonce = newNonce();
  const policy = contentSecurityPolicy(nonce, { production });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  if (!filePaths.test(request.nextUrl.pathname)) {
    response.headers.set("content-security-policy", policy);
  }
  return response;
}

export const config = {
  // Build output and images are files: their CSP would never apply. Everything else, pages and routes, passes here.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
