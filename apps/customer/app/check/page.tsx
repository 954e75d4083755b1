import { CustomerShell } from "@/components/customer-shell";
import { CheckNumbers } from "./check-numbers";

export const dynamic = "force-dynamic";

export default function CheckPage() {
  return (
    <CustomerShell>
      <h1>Check numbers</h1>
      <p className="lead">
        Paste numbers or upload a CSV to see, per number, whether it can move to us, from which carrier, and how the
        portable ones group into orders. Nothing is created until you start an order.
      </p>
      <CheckNumbers />
    </CustomerShell>
  );
}
