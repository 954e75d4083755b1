import "server-only";
import { customerRouter } from "@portway/api/customer";
import { makeQueryClient } from "@portway/ui/query-client";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { headers } from "next/headers";
import { cache, type ReactNode } from "react";
import { createRequestContext } from "../server/runtime";

export const getQueryClient = cache(makeQueryClient);

/** One context (one session lookup) per request, however many procedures the page prefetches. */
export const requestContext = cache(async () => createRequestContext(await headers()));

export const trpc = createTRPCOptionsProxy({
  ctx: requestContext,
  router: customerRouter,
  queryClient: getQueryClient,
});

export function HydrateClient({ children }: { children: ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}
