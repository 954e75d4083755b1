"use client";

import "./notifications.css";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";

/** The header's bell: unread count (refreshed every 30 s), a link to the notifications page. */
export function NotificationBell() {
  const trpc = useTRPC();
  const unread = useQuery({ ...trpc.notifications.unreadCount.queryOptions(), refetchInterval: 30_000 });
  const count = unread.data ?? 0;
  return (
    <a
      className="nt-bell"
      href="/notifications"
      aria-label={count > 0 ? `Unread updates: ${count}` : "Unread updates: none"}
    >
      <svg
        aria-hidden="true"
        width="16"
        height="16"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
      >
        <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
        <path d="M13.7 21a2 2 0 0 1-3.4 0" />
      </svg>
      {count > 0 ? (
        <span className="nt-bell__count" aria-hidden="true">
          {count > 99 ? "99+" : count}
        </span>
      ) : null}
    </a>
  );
}
