import { NotificationsPageHead } from "@portway/ui";
import { CustomerShell } from "@/components/customer-shell";
import { NotificationsView } from "./notifications-view";

export const dynamic = "force-dynamic";

export default function NotificationsPage() {
  return (
    <CustomerShell>
      <NotificationsPageHead
        preferencesHref="/account/notifications"
        classNames={{ head: "page-head", actions: "page-head__actions", intro: "muted" }}
      >
        Every status change, rejection, FOC date, note from the porting team or partner, ticket answer and outcome of a
        short-notice request on your account's orders. Your own actions are not listed.
      </NotificationsPageHead>
      <NotificationsView />
    </CustomerShell>
  );
}
