import { AdminShell } from "@/components/admin-shell";
import { requireStaff } from "@/server/session";
import { getQueryClient, HydrateClient, trpc } from "@/trpc/server";
import { StaffAdmin } from "./staff-admin";

export const dynamic = "force-dynamic";
export const metadata = { title: "Staff · Portway admin" };

export default async function StaffPage() {
  const staff = await requireStaff();
  if (staff.role === "lead") {
    await getQueryClient().prefetchQuery(trpc.staff.list.queryOptions());
  }
  return (
    <AdminShell leadOnly>
      <HydrateClient>
        <h1>Porting team</h1>
        <p className="lede">
          Analysts work the queues; leads also manage accounts, carriers, numbering, holidays, reports and the team. A
          new member signs in with the first password you hand over and must choose their own.
        </p>
        <StaffAdmin myId={staff.userId} />
      </HydrateClient>
    </AdminShell>
  );
}
