import { Suspense } from "react";
import { CustomerShell } from "@/components/customer-shell";
import { getQueryClient, HydrateClient, trpc } from "@/trpc/server";
import { ordersQueryFromParams } from "./orders-query";
import { OrdersTable } from "./orders-table";

export const dynamic = "force-dynamic";

export default async function OrdersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(await searchParams)) {
    // A repeated filter (`status=FOC&status=CANCELLED`) reads as its comma-separated form.
    params.set(key, Array.isArray(value) ? value.join(",") : value);
  }
  const { input } = ordersQueryFromParams(params);
  // A bad filter (say, a TN with letters) is shown by the table next to its field, not as a failed page.
  await getQueryClient()
    .prefetchQuery(trpc.orders.list.queryOptions(input))
    .catch(() => undefined);
  return (
    <CustomerShell>
      <div className="page-head">
        <h1>Port-in orders</h1>
        <div className="page-head__actions">
          <a className="button" href="/orders/new">
            New port-in
          </a>
        </div>
      </div>
      <HydrateClient>
        <Suspense fallback={<p>Loading orders…</p>}>
          <OrdersTable />
        </Suspense>
      </HydrateClient>
    </CustomerShell>
  );
}
