import { AdminShell } from "@/components/admin-shell";
import { PreferenceForm } from "./preference-form";

export const dynamic = "force-dynamic";

export default function AdminNotificationPreferencesPage() {
  return (
    <AdminShell>
      <h1>Email preferences</h1>
      <section className="card" aria-labelledby="email-heading">
        <h2 id="email-heading">Notification email</h2>
        <p className="nt-muted">
          Notifications always appear in the admin portal (the bell in the header). Porting team members get no email
          until they choose here.
        </p>
        <PreferenceForm />
      </section>
    </AdminShell>
  );
}
