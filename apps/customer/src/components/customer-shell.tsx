import "server-only";
import { AppShell } from "@portway/ui";
import type { ReactNode } from "react";
import { requireCustomer } from "@/server/session";
import { getQueryClient, trpc } from "@/trpc/server";
import { NotificationBell } from "./notification-bell";

export const customerNav = [
  { href: "/", label: "Home" },
  { href: "/orders", label: "Orders" },
  { href: "/orders/new", label: "New port-in" },
  { href: "/orders/bulk", label: "Bulk port-in" },
  { href: "/check", label: "Check numbers" },
  { href: "/notifications", label: "Notifications" },
  { href: "/account", label: "Account" },
];

/** Every signed-in customer page: the header with the account, the main navigation and the page. */
export async function CustomerShell({ children }: { children: ReactNode }) {
  const identity = await requireCustomer();
  const me = await getQueryClient().fetchQuery(trpc.me.get.queryOptions());
  return (
    <AppShell
      product="Portway"
      user={{ name: identity.name, detail: `${me.account.name} · ${identity.role}` }}
      nav={customerNav}
      headerSlot={<NotificationBell />}
    >
      {children}
    </AppShell>
  );
}
