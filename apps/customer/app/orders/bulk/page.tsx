import { CustomerShell } from "@/components/customer-shell";
import { BulkImport } from "./bulk-import";

export const dynamic = "force-dynamic";
export const metadata = { title: "Bulk port-in · Portway" };

/** Many end customers at once: one spreadsheet row per TN, grouped into orders by LSP account (SPEC 5). */
export default function BulkPortInPage() {
  return (
    <CustomerShell>
      <h1>Bulk port-in from a spreadsheet</h1>
      <p className="lead">
        One row per telephone number with its account at the current carrier. Rows of the same account become one order;
        Portway splits further by carrier and port type. Nothing is created until you confirm.
      </p>
      <BulkImport />
    </CustomerShell>
  );
}
