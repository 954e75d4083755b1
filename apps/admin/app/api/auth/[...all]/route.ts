import { instrumentRoute } from "@portway/observability";
import { getRuntime } from "@/server/runtime";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const handler = instrumentRoute("auth", (request: Request) => getRuntime().handleAuth(request));

export { handler as GET, handler as POST };
