import { CustomerShell } from "@/components/customer-shell";
import { NotificationsView } from "./notifications-view";

export const dynamic = "force-dynamic";

export default function NotificationsPage() {
  return (
    <CustomerShell>
      <div className="page-head">
        <h1>Notifications</h1>
        <div className="page-head__actions">
          <a href="/account/notifications">Email preferences</a>
        </div>
      </div>
      <p className="muted">
        Every status change, rejection, FOC date, note from the porting team or partner, ticket answer and outcome of a
        short-notice request on your account's orders. Your own actions are not listed.
      </p>
      <NotificationsView />
    </CustomerShell>
  );
}
