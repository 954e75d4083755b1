import { AdminShell } from "@/components/admin-shell";
import { CarrierRules } from "./carrier-rules";

export const dynamic = "force-dynamic";
export const metadata = { title: "Carriers · Portway admin" };

export default function CarriersPage() {
  return (
    <AdminShell leadOnly>
      <h1>Carriers and their rules</h1>
      <p className="lede">
        Losing carriers' porting rules: what a submission must carry and the minimum porting interval. New orders are
        checked against these at once; carriers themselves come from the numbering import.
      </p>
      <CarrierRules />
    </AdminShell>
  );
}
