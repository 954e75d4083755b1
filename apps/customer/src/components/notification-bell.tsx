"use client";

import "@portway/ui/notifications.css";
import { NotificationBellLink } from "@portway/ui";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";

/** The header's bell: unread count (refreshed every 30 s), a link to the notifications page. */
export function NotificationBell() {
  const trpc = useTRPC();
  const unread = useQuery({ ...trpc.notifications.unreadCount.queryOptions(), refetchInterval: 30_000 });
  return <NotificationBellLink count={unread.data ?? 0} />;
}
