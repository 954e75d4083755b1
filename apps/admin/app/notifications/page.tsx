import { NotificationsPageHead } from "@portway/ui";
import { AdminShell } from "@/components/admin-shell";
import { NotificationsView } from "./notifications-view";

export const dynamic = "force-dynamic";

export default function AdminNotificationsPage() {
  return (
    <AdminShell>
      <NotificationsPageHead
        preferencesHref="/notifications/preferences"
        classNames={{ head: "nt-toolbar", actions: "nt-toolbar__end", intro: "nt-muted" }}
      >
        Rejections and exceptions, notes from customers and colleagues, new tickets and customer replies, for the orders
        assigned to you (or to the whole team while an order has no analyst). Your own actions are not listed.
      </NotificationsPageHead>
      <NotificationsView />
    </AdminShell>
  );
}
