import { documentResponse } from "@portway/services";
import { createRequestContext } from "@/server/runtime";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** A document of the signed-in user's account, as a download (or `?inline=1` to preview a PDF or image). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const ctx = await createRequestContext(request.headers);
  if (ctx.identity?.kind !== "customer") {
    return new Response("Sign in to the customer portal first.\n", { status: 401 });
  }
  const { id } = await params;
  const inline = new URL(request.url).searchParams.get("inline") === "1";
  return documentResponse(ctx.db, { accountId: ctx.identity.accountId }, id, { inline });
}
