import { AdminShell } from "@/components/admin-shell";
import { AccountDetail } from "./account-detail";

export const dynamic = "force-dynamic";
export const metadata = { title: "Account · Portway admin" };

export default async function AccountPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <AdminShell leadOnly>
      <AccountDetail accountId={id} />
    </AdminShell>
  );
}
