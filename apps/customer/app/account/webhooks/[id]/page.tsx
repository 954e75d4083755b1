import { CustomerShell } from "@/components/customer-shell";
import { getQueryClient, trpc } from "@/trpc/server";
import { EndpointDetail } from "./endpoint-detail";

export const dynamic = "force-dynamic";

async function EndpointContent({ endpointId }: { endpointId: string }) {
  const me = await getQueryClient().fetchQuery(trpc.me.get.queryOptions());
  if (me.user.role !== "admin") {
    return (
      <>
        <h1>Webhook endpoint</h1>
        <p className="nt-notice nt-notice--info">
          Only account admins can see and change webhooks: ask an admin of {me.account.name}.
        </p>
      </>
    );
  }
  return <EndpointDetail endpointId={endpointId} />;
}

export default async function EndpointPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <CustomerShell>
      <EndpointContent endpointId={id} />
    </CustomerShell>
  );
}
