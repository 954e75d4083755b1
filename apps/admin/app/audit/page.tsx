import { Suspense } from "react";
import { AdminShell } from "@/components/admin-shell";
import { getQueryClient, HydrateClient, trpc } from "@/trpc/server";
import { AuditView } from "./audit-view";

export const dynamic = "force-dynamic";
export const metadata = { title: "Audit log · Portway admin" };

export default async function AuditPage() {
  await getQueryClient().prefetchQuery(trpc.audit.choices.queryOptions());
  return (
    <AdminShell>
      <h1>Audit log</h1>
      <p className="lede">
        Every staff action: who, when, on which order or object, and what changed. Entries can never be changed or
        removed.
      </p>
      <HydrateClient>
        <Suspense fallback={<p>Loading the audit log…</p>}>
          <AuditView />
        </Suspense>
      </HydrateClient>
    </AdminShell>
  );
}
