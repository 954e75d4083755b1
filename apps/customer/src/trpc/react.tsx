"use client";

import type { CustomerRouter } from "@portway/api/customer";
import { makeQueryClient } from "@portway/ui/query-client";
import { QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { type ReactNode, useEffect, useState } from "react";
import superjson from "superjson";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<CustomerRouter>();

export function TRPCReactProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  const [trpcClient] = useState(() =>
    createTRPCClient<CustomerRouter>({ links: [httpBatchLink({ url: "/api/trpc", transformer: superjson })] }),
  );
  useEffect(() => {
    // Marks the page as interactive (hydrated), for people's tools and the browser tests alike.
    document.body.dataset.ready = "true";
  }, []);
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
