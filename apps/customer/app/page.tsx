import { AppShell } from "@portway/ui";
import { Suspense } from "react";
import { requireCustomer } from "@/server/session";
import { getQueryClient, HydrateClient, trpc } from "@/trpc/server";
import { ordersQueryFromParams } from "./orders/orders-query";
import { OrdersTable } from "./orders/orders-table";

export const dynamic = "force-dynamic";

export default async function OrdersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const identity = await requireCustomer();
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(await searchParams)) {
    params.set(key, Array.isArray(value) ? (value[0] ?? "") : value);
  }
  const { input } = ordersQueryFromParams(params);
  const queryClient = getQueryClient();
  const [me] = await Promise.all([
    queryClient.fetchQuery(trpc.me.get.queryOptions()),
    queryClient.prefetchQuery(trpc.orders.list.queryOptions(input)),
  ]);
  return (
    <AppShell
      product="Portway"
      user={{ name: identity.name, detail: `${me.account.name} · ${identity.role}` }}
      nav={[{ href: "/", label: "Orders" }]}
    >
      <h1>Port-in orders</h1>
      <HydrateClient>
        <Suspense fallback={<p>Loading orders…</p>}>
          <OrdersTable />
        </Suspense>
      </HydrateClient>
    </AppShell>
  );
}
