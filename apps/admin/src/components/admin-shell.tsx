import "server-only";
import { AppShell } from "@portway/ui";
import type { ReactNode } from "react";
import { requireStaff } from "@/server/session";
import { getQueryClient, trpc } from "@/trpc/server";
import { NotificationBell } from "./notification-bell";

/** Every signed-in admin page: the navigation with the queue counts, then the page (or a refusal for analysts). */
export async function AdminShell({ children, leadOnly = false }: { children: ReactNode; leadOnly?: boolean }) {
  const staff = await requireStaff();
  const counts = await getQueryClient().fetchQuery(trpc.queues.counts.queryOptions());
  const queue = (href: string, label: string, n: number) => ({ href, label: `${label} (${n})` });
  const nav = [
    { href: "/", label: "Home" },
    queue("/queues/project-ports", "Project ports", counts.projectPorts),
    queue("/queues/short-notice", "Short notice", counts.shortNotice),
    queue("/queues/exceptions", "Exceptions", counts.exceptions),
    queue("/queues/tickets", "Tickets", counts.tickets),
    queue("/queues/stuck", "Stuck", counts.stuck),
    queue("/queues/failed-deliveries", "Failed deliveries", counts.deadLetters),
    ...(staff.role === "lead"
      ? [
          { href: "/accounts", label: "Accounts" },
          { href: "/carriers", label: "Carriers" },
          { href: "/numbering", label: "Numbering import" },
          { href: "/holidays", label: "Holidays" },
          { href: "/reports", label: "Reports" },
        ]
      : []),
    { href: "/notifications", label: "Notifications" },
    { href: "/mail", label: "Mail" },
  ];
  return (
    <AppShell
      product="Portway admin"
      user={{ name: staff.name, detail: staff.role }}
      nav={nav}
      headerSlot={<NotificationBell />}
    >
      {leadOnly && staff.role !== "lead" ? (
        <section className="card" aria-labelledby="lead-only-heading">
          <h1 id="lead-only-heading">Lead only</h1>
          <p>
            Only a porting team lead may open this page. Ask your lead if something here needs changing; the server
            refuses these actions for analysts too.
          </p>
        </section>
      ) : (
        children
      )}
    </AppShell>
  );
}
