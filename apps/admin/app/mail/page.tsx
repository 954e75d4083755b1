import { AdminShell } from "@/components/admin-shell";
import { CapturedMail } from "./captured-mail";

export const dynamic = "force-dynamic";

export default function MailPage() {
  return (
    <AdminShell>
      <h1>Mail</h1>
      <p className="nt-muted">
        Without <code>SMTP_URL</code> (development and the sandbox), every email Portway sends goes to a local SMTP
        capture started by the worker instead of real mailboxes. This is what each recipient would have received.
      </p>
      <CapturedMail />
    </AdminShell>
  );
}
