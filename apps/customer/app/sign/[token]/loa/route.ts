import { signingPdfResponse } from "@portway/services";
import { createRequestContext } from "@/server/runtime";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The letter a signing link opens (no account: the link's token is the key). */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const ctx = await createRequestContext(request.headers);
  const { token } = await params;
  return signingPdfResponse(ctx.db, ctx.clock, token);
}
