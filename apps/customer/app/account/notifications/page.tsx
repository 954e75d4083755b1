import { CustomerShell } from "@/components/customer-shell";
import { PreferenceForm } from "./preference-form";

export const dynamic = "force-dynamic";

export default function NotificationPreferencesPage() {
  return (
    <CustomerShell>
      <h1>Email preferences</h1>
      <section className="card" aria-labelledby="email-heading">
        <h2 id="email-heading">Notification email</h2>
        <p className="muted">
          Notifications always appear in the portal (the bell in the header). Choose whether they also reach you by
          email. Notices about a failing webhook endpoint go to account admins by email whatever they choose here.
        </p>
        <PreferenceForm />
      </section>
    </CustomerShell>
  );
}
