import { CustomerShell } from "@/components/customer-shell";
import { getQueryClient, trpc } from "@/trpc/server";
import { WebhooksManager } from "./webhooks-manager";

export const dynamic = "force-dynamic";

async function WebhooksContent() {
  const me = await getQueryClient().fetchQuery(trpc.me.get.queryOptions());
  return (
    <>
      <h1>Webhooks</h1>
      <p className="muted">
        Portway posts every order event of {me.account.name} to your endpoints, with the full order (status, PON, FOC,
        each number's status, rejections, your reference) so you never need to fetch it again. Each request carries{" "}
        <code>Portway-Event-Id</code>, <code>Portway-Timestamp</code> and <code>Portway-Signature</code>:{" "}
        <code>sha256=</code> and the hex HMAC-SHA256 of <code>timestamp.body</code> with the endpoint's secret. Failed
        deliveries are retried with growing delays for about three days; endpoints never expire, and one that keeps
        failing is disabled only after its admins were told.
      </p>
      {me.user.role === "admin" ? (
        <WebhooksManager />
      ) : (
        <p className="nt-notice nt-notice--info">
          Only account admins can see and change webhooks: ask an admin of {me.account.name}.
        </p>
      )}
    </>
  );
}

export default function WebhooksPage() {
  return (
    <CustomerShell>
      <WebhooksContent />
    </CustomerShell>
  );
}
