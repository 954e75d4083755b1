import { CustomerShell } from "@/components/customer-shell";
import { getQueryClient, trpc } from "@/trpc/server";
import { ApiKeysManager } from "./api-keys-manager";

export const dynamic = "force-dynamic";

async function ApiKeysContent() {
  const me = await getQueryClient().fetchQuery(trpc.me.get.queryOptions());
  return (
    <>
      <h1>API keys</h1>
      <p className="muted">
        A key lets your systems call the customer API (<code>/api/trpc</code>) with{" "}
        <code>Authorization: Bearer &lt;key&gt;</code>, like a member of {me.account.name}: check numbers, submit and
        follow orders. A key with the admin role also manages the account's webhooks (as long as the admin who created
        it stays an admin). No key can manage keys or users. Revoking a key refuses it at once.
      </p>
      {me.user.role === "admin" ? (
        <ApiKeysManager />
      ) : (
        <p className="nt-notice nt-notice--info">Only account admins can create, see or revoke API keys.</p>
      )}
    </>
  );
}

export default function ApiKeysPage() {
  return (
    <CustomerShell>
      <ApiKeysContent />
    </CustomerShell>
  );
}
