import { AdminShell } from "@/components/admin-shell";
import { NotificationsView } from "./notifications-view";

export const dynamic = "force-dynamic";

export default function AdminNotificationsPage() {
  return (
    <AdminShell>
      <div className="nt-toolbar">
        <h1>Notifications</h1>
        <div className="nt-toolbar__end">
          <a href="/notifications/preferences">Email preferences</a>
        </div>
      </div>
      <p className="nt-muted">
        Rejections and exceptions, notes from customers and colleagues, new tickets and customer replies, for the orders
        assigned to you (or to the whole team while an order has no analyst). Your own actions are not listed.
      </p>
      <NotificationsView />
    </AdminShell>
  );
}
