import "server-only";
import { SignOutButton } from "@portway/ui";
import type { ReactNode } from "react";
import { requireStaff } from "@/server/session";
import { getQueryClient, trpc } from "@/trpc/server";
import { NotificationBell } from "./notification-bell";

interface NavLink {
  href: string;
  label: string;
}

/**
 * Every signed-in admin page: the header (search box, bell, user), the navigation in three groups on one line, then
 * the page (or a refusal for analysts on a lead's page).
 */
export async function AdminShell({ children, leadOnly = false }: { children: ReactNode; leadOnly?: boolean }) {
  const staff = await requireStaff();
  const counts = await getQueryClient().fetchQuery(trpc.queues.counts.queryOptions());
  const queues: NavLink[] = [
    { href: "/queues/project-ports", label: `Project ports (${counts.projectPorts})` },
    { href: "/queues/short-notice", label: `Short notice (${counts.shortNotice})` },
    { href: "/queues/exceptions", label: `Exceptions (${counts.exceptions})` },
    { href: "/queues/tickets", label: `Tickets (${counts.tickets})` },
    { href: "/queues/stuck", label: `Stuck (${counts.stuck})` },
    { href: "/queues/failed-deliveries", label: `Failed deliveries (${counts.deadLetters})` },
  ];
  const waiting =
    counts.projectPorts + counts.shortNotice + counts.exceptions + counts.tickets + counts.stuck + counts.deadLetters;
  const lead = staff.role === "lead";
  const manage: NavLink[] = lead
    ? [
        { href: "/accounts", label: "Accounts" },
        { href: "/carriers", label: "Carriers" },
        { href: "/numbering", label: "Numbering" },
        { href: "/holidays", label: "Holidays" },
        { href: "/staff", label: "Staff" },
      ]
    : [];
  const insight: NavLink[] = [
    ...(lead ? [{ href: "/reports", label: "Reports" }] : []),
    { href: "/audit", label: "Audit" },
  ];
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header admin-header">
        <span className="app-header__product">Portway admin</span>
        <search className="admin-search">
          <form action="/search" method="get">
            <label htmlFor="admin-search-q" className="sr-only">
              Find an order or account
            </label>
            <input
              id="admin-search-q"
              name="q"
              type="search"
              required
              maxLength={100}
              placeholder="TN, PON, partner order, BTN, reference or account"
            />
            <button type="submit">Find</button>
          </form>
        </search>
        <div className="app-header__user">
          <NotificationBell />
          <a href="/mail">Mail</a>
          <span>
            {staff.name} <small>{staff.role}</small>
          </span>
          <SignOutButton />
        </div>
      </header>
      <nav aria-label="Main" className="admin-nav">
        <ul>
          <li className="admin-nav__group">
            <span className="admin-nav__label">Work</span>
            <a href="/">Home</a>
            <details className="admin-nav__menu">
              <summary>Queues ({waiting})</summary>
              <ul>
                {queues.map((q) => (
                  <li key={q.href}>
                    <a href={q.href}>{q.label}</a>
                  </li>
                ))}
              </ul>
            </details>
            <a href="/orders">Search orders</a>
          </li>
          {manage.length > 0 ? (
            <li className="admin-nav__group">
              <span className="admin-nav__label">Manage</span>
              {manage.map((item) => (
                <a key={item.href} href={item.href}>
                  {item.label}
                </a>
              ))}
            </li>
          ) : null}
          <li className="admin-nav__group">
            <span className="admin-nav__label">Insight</span>
            {insight.map((item) => (
              <a key={item.href} href={item.href}>
                {item.label}
              </a>
            ))}
          </li>
        </ul>
      </nav>
      <main id="main" className="app-main">
        {leadOnly && !lead ? (
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
      </main>
    </>
  );
}
