"use client";

import { NotificationList } from "@portway/ui";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/trpc/react";

const pageSize = 25;

/** The signed-in user's notifications: newest first, unread marked, each linking to its order. */
export function NotificationsView() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [page, setPage] = useState(0);
  const list = useQuery({
    ...trpc.notifications.list.queryOptions({ unreadOnly, page, pageSize }),
    placeholderData: keepPreviousData,
  });
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.notifications.list.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.notifications.unreadCount.queryKey() }),
    ]);
  const markRead = useMutation({ ...trpc.notifications.markRead.mutationOptions(), onSuccess: refresh });
  return (
    <NotificationList
      list={list}
      markRead={markRead}
      unreadOnly={unreadOnly}
      onUnreadOnlyChange={(next) => {
        setUnreadOnly(next);
        setPage(0);
      }}
      page={page}
      pageSize={pageSize}
      onPageChange={setPage}
      emptyText="No notifications yet. Rejections, exceptions, customer notes, internal notes and ticket messages on your orders show up here."
    />
  );
}
