import { signingPostResponse } from "@portway/services";
import { getEnv } from "@/env";
import { createRequestContext } from "@/server/runtime";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The signer confirms: the link is used once and the signed LOA stored on the order. */
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const ctx = await createRequestContext(request.headers);
  const { token } = await params;
  const env = getEnv();
  return signingPostResponse(ctx.db, ctx.clock, request, {
    token,
    ownOrigin: env.baseUrl,
    trustedProxyHops: env.trustedProxyHops,
  });
}
