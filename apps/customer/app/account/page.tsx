import { CustomerShell } from "@/components/customer-shell";
import { getQueryClient, HydrateClient, trpc } from "@/trpc/server";
import { UsersManager } from "./users-manager";

export const dynamic = "force-dynamic";

async function AccountContent() {
  const queryClient = getQueryClient();
  const [me] = await Promise.all([
    queryClient.fetchQuery(trpc.me.get.queryOptions()),
    queryClient.prefetchQuery(trpc.account.users.queryOptions()),
  ]);
  const isAdmin = me.user.role === "admin";
  return (
    <>
      <h1>Account: {me.account.name}</h1>
      <section className="card" aria-labelledby="account-users">
        <h2 id="account-users">Users and roles</h2>
        <p className="muted">
          Admins manage the account's users, API keys and webhooks; members check numbers and work orders.
          {isAdmin ? "" : " Only account admins can add users or change roles."}
        </p>
        <HydrateClient>
          <UsersManager isAdmin={isAdmin} myEmail={me.user.email} />
        </HydrateClient>
      </section>
      <section className="card" aria-labelledby="account-integrations">
        <h2 id="account-integrations">Integrations</h2>
        <ul className="item-list">
          <li>
            <a href="/account/api-keys">API keys</a>: for your systems to check numbers and submit orders.
            {isAdmin ? "" : " Only account admins can manage them."}
          </li>
          <li>
            <a href="/account/webhooks">Webhooks</a>: signed status updates to your systems, with a delivery log.
            {isAdmin ? "" : " Only account admins can manage them."}
          </li>
        </ul>
      </section>
    </>
  );
}

export default function AccountPage() {
  return (
    <CustomerShell>
      <AccountContent />
    </CustomerShell>
  );
}
