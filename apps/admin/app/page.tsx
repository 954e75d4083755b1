import { AdminShell } from "@/components/admin-shell";
import { getQueryClient, HydrateClient, trpc } from "@/trpc/server";
import { AccountsTable } from "./accounts/accounts-table";
import { SystemStatus } from "./system/system-status";

export const dynamic = "force-dynamic";

export default async function AdminHomePage() {
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.accounts.list.queryOptions()),
    queryClient.prefetchQuery(trpc.system.status.queryOptions()),
  ]);
  return (
    <AdminShell>
      <HydrateClient>
        <section className="card" aria-labelledby="system-heading">
          <h2 id="system-heading">System</h2>
          <SystemStatus />
        </section>
        <h1>Customer accounts</h1>
        <AccountsTable />
      </HydrateClient>
    </AdminShell>
  );
}
