import { handleTrpcRequest } from "@portway/api";
import { customerRouter } from "@portway/api/customer";
import { instrumentRoute, trpcRouteOf } from "@portway/observability";
import { getEnv } from "@/env";
import { createRequestContext } from "@/server/runtime";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

// Mutations only as JSON from this portal's own origin, bodies and batches bounded (see handleTrpcRequest).
const handler = instrumentRoute(trpcRouteOf, (request: Request) =>
  handleTrpcRequest(request, {
    router: customerRouter,
    ownOrigin: getEnv().baseUrl,
    createContext: () => createRequestContext(request.headers),
  }),
);

export { handler as GET, handler as POST };
