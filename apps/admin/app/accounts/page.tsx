import { AdminShell } from "@/components/admin-shell";
import { getQueryClient, HydrateClient, trpc } from "@/trpc/server";
import { AccountsTable } from "./accounts-table";
import { CreateAccountForm } from "./create-account-form";

export const dynamic = "force-dynamic";
export const metadata = { title: "Accounts · Portway admin" };

export default async function AccountsPage() {
  await getQueryClient().prefetchQuery(trpc.accounts.list.queryOptions());
  return (
    <AdminShell leadOnly>
      <HydrateClient>
        <h1>Customer accounts</h1>
        <p className="lede">
          Each account is a tenant: its users see only its orders. An on-net-only account may port numbers in rate
          centers we serve ourselves only.
        </p>
        <CreateAccountForm />
        <AccountsTable />
      </HydrateClient>
    </AdminShell>
  );
}
