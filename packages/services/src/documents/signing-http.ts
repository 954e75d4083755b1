import type { Db } from "@portway/db";
import { clientAddress } from "../auth/client-address";
import type { Clock } from "../clock";
import { ServiceError } from "../errors";
import { contentDisposition } from "./file-name";
import { openSigningLink, signLoaInput, signWithLink } from "./signing";

const noStore = { "cache-control": "no-store", "x-content-type-options": "nosniff", "referrer-policy": "no-referrer" };

function issuesResponse(status: number, issues: { field: string; code: string; message: string }[]) {
  return Response.json({ issues }, { status, headers: noStore });
}

function errorResponse(error: unknown): Response {
  if (error instanceof ServiceError) {
    const status = error.kind === "NOT_FOUND" ? 404 : error.kind === "INVALID" ? 400 : 410;
    const issues =
      error.issues.length > 0
        ? error.issues.map((i) => ({ field: i.field, code: i.code, message: i.message }))
        : [{ field: error.field ?? "token", code: error.code, message: error.message }];
    return issuesResponse(status, issues);
  }
  throw error;
}

/** The unsigned LOA a link opens, for the signer to read before signing (no account: the token is the key). */
export async function signingPdfResponse(db: Db, clock: Clock, token: string): Promise<Response> {
  try {
    const link = await openSigningLink(db, clock, token);
    return new Response(new Uint8Array(link.pdf), {
      headers: {
        ...noStore,
        "content-type": "application/pdf",
        "content-disposition": contentDisposition(link.fileName, "inline"),
        "content-security-policy": "sandbox",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}

/**
 * The signer's confirmation, posted by the signing page: JSON from this portal's own origin only, the client's
 * address as the portal sees it (trusted proxies only) and the user agent it sent. 400 names the field, 410 a link
 * already used, revoked or expired.
 */
export async function signingPostResponse(
  db: Db,
  clock: Clock,
  request: Request,
  options: { token: string; ownOrigin: string; trustedProxyHops: number },
): Promise<Response> {
  const origin = request.headers.get("origin");
  if (origin !== new URL(options.ownOrigin).origin) {
    return issuesResponse(403, [{ field: "origin", code: "CROSS_ORIGIN", message: "Sign from the signing page." }]);
  }
  if (!(request.headers.get("content-type") ?? "").startsWith("application/json")) {
    return issuesResponse(415, [{ field: "body", code: "NOT_JSON", message: "Send the signature as JSON." }]);
  }
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return issuesResponse(400, [{ field: "body", code: "NOT_JSON", message: "The request is not valid JSON." }]);
  }
  const parsed = signLoaInput.safeParse(body);
  if (!parsed.success) {
    return issuesResponse(
      400,
      parsed.error.issues.map((issue) => ({
        field: issue.path.join(".") || "body",
        code: issue.code.toUpperCase(),
        message: issue.message,
      })),
    );
  }
  try {
    const signed = await signWithLink(db, clock, {
      token: options.token,
      ip: clientAddress(request.headers, options.trustedProxyHops),
      userAgent: request.headers.get("user-agent") ?? "",
      signing: parsed.data,
    });
    return Response.json({ signedAt: signed.signedAt.toISOString() }, { headers: noStore });
  } catch (error) {
    return errorResponse(error);
  }
}
