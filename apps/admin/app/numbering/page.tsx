import { AdminShell } from "@/components/admin-shell";
import { NumberingImport } from "./numbering-import";

export const dynamic = "force-dynamic";
export const metadata = { title: "Numbering import · Portway admin" };

export default function NumberingPage() {
  return (
    <AdminShell leadOnly>
      <h1>Numbering and coverage import</h1>
      <p className="lede">
        A CSV of NPA-NXX blocks with rate center, carrier and coverage. Validate first: every row is checked and
        reported, and nothing is written. Apply writes the whole file in one transaction, or nothing if any row is bad.
      </p>
      <p className="hint">
        Columns: npa, nxx, rate_center, state, lata, time_zone, carrier_name, carrier_spid, carrier_type, on_net,
        partner_supported; optional requires_account_number, requires_pin, min_business_days.
      </p>
      <NumberingImport />
    </AdminShell>
  );
}
