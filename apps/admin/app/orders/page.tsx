import { Suspense } from "react";
import { AdminShell } from "@/components/admin-shell";
import { getQueryClient, HydrateClient, trpc } from "@/trpc/server";
import { staffOrdersQueryFromParams } from "./orders-query";
import { StaffOrdersTable } from "./orders-table";

export const dynamic = "force-dynamic";
export const metadata = { title: "Orders · Portway admin" };

export default async function StaffOrdersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(await searchParams)) {
    params.set(key, Array.isArray(value) ? value.join(",") : value);
  }
  const { input } = staffOrdersQueryFromParams(params);
  const queryClient = getQueryClient();
  // A bad filter (a TN with letters) is shown by the table next to its field, not as a failed page.
  await Promise.all([
    queryClient.prefetchQuery(trpc.search.orders.queryOptions(input)).catch(() => undefined),
    queryClient.prefetchQuery(trpc.search.filterChoices.queryOptions()),
    queryClient.prefetchQuery(trpc.accounts.list.queryOptions()),
  ]);
  return (
    <AdminShell>
      <h1>Orders</h1>
      <p className="lede">Every port-in order of every account. Filters, sorting and page live in the address.</p>
      <HydrateClient>
        <Suspense fallback={<p>Loading orders…</p>}>
          <StaffOrdersTable />
        </Suspense>
      </HydrateClient>
    </AdminShell>
  );
}
