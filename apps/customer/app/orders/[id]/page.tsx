import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { CustomerShell } from "@/components/customer-shell";
import { getQueryClient, HydrateClient, trpc } from "@/trpc/server";
import { OrderView } from "./order-view";

export const dynamic = "force-dynamic";

export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) {
    notFound();
  }
  const queryClient = getQueryClient();
  try {
    await queryClient.fetchQuery(trpc.orders.get.queryOptions({ orderId: id }));
  } catch (error) {
    // Another account's order answers exactly like one that does not exist.
    if (error instanceof TRPCError && error.code === "NOT_FOUND") {
      notFound();
    }
    throw error;
  }
  return (
    <CustomerShell>
      <HydrateClient>
        <OrderView orderId={id} />
      </HydrateClient>
    </CustomerShell>
  );
}
