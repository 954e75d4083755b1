import { CustomerShell } from "@/components/customer-shell";
import { getQueryClient, trpc } from "@/trpc/server";
import { EndpointDetail } from "./endpoint-detail";

export const dynamic = "force-dynamic";

async function EndpointContent({ endpointId }: { endpointId: string }) {
  const me = await getQueryClient().fetchQuery(trpc.me.get.queryOptions());
  return <EndpointDetail endpointId={endpointId} isAdmin={me.user.role === "admin"} />;
}

export default async function EndpointPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <CustomerShell>
      <EndpointContent endpointId={id} />
    </CustomerShell>
  );
}
