import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { CustomerShell } from "@/components/customer-shell";
import { getQueryClient, HydrateClient, trpc } from "@/trpc/server";
import { NewPortInWizard } from "./wizard";

export const dynamic = "force-dynamic";

export default async function NewPortInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const draftId = typeof params.draft === "string" ? params.draft : null;
  if (draftId) {
    if (!/^[0-9a-f-]{36}$/i.test(draftId)) {
      notFound();
    }
    try {
      await getQueryClient().fetchQuery(trpc.drafts.get.queryOptions({ draftId }));
    } catch (error) {
      if (error instanceof TRPCError && error.code === "NOT_FOUND") {
        notFound();
      }
      throw error;
    }
  }
  return (
    <CustomerShell>
      <h1>New port-in</h1>
      <HydrateClient>
        <NewPortInWizard key={draftId ?? "new"} draftId={draftId} />
      </HydrateClient>
    </CustomerShell>
  );
}
