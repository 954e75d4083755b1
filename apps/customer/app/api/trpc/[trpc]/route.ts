import { customerRouter } from "@portway/api/customer";
import { instrumentRoute, trpcRouteOf } from "@portway/observability";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createRequestContext } from "@/server/runtime";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const handler = instrumentRoute(trpcRouteOf, (request: Request) => {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: customerRouter,
    createContext: () => createRequestContext(request.headers),
  });
});

export { handler as GET, handler as POST };
