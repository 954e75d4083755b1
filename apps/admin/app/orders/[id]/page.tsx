import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { AdminShell } from "@/components/admin-shell";
import { getQueryClient, HydrateClient, trpc } from "@/trpc/server";
import { Workbench } from "./workbench";

export const dynamic = "force-dynamic";
export const metadata = { title: "Order workbench · Portway admin" };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function OrderWorkbenchPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!uuid.test(id)) {
    notFound();
  }
  const queryClient = getQueryClient();
  try {
    await queryClient.fetchQuery(trpc.orders.workbench.queryOptions({ orderId: id }));
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") {
      notFound();
    }
    throw error;
  }
  await queryClient.prefetchQuery(trpc.me.get.queryOptions());
  return (
    <AdminShell>
      <HydrateClient>
        <Workbench orderId={id} />
      </HydrateClient>
    </AdminShell>
  );
}
