"use client";

import { formatEastern } from "@portway/ui";
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
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  const unread = list.data?.unread ?? 0;
  const pages = Math.max(1, Math.ceil(total / pageSize));

  return (
    <section className="card" aria-labelledby="notifications-heading">
      <h2 id="notifications-heading" className="sr-only">
        Your notifications
      </h2>
      <div className="nt-toolbar">
        <fieldset className="nt-choices">
          <legend>Show</legend>
          <div className="nt-actions">
            <span className="nt-choice">
              <input
                type="radio"
                id="show-all"
                name="show"
                checked={!unreadOnly}
                onChange={() => {
                  setUnreadOnly(false);
                  setPage(0);
                }}
              />
              <label htmlFor="show-all">All</label>
            </span>
            <span className="nt-choice">
              <input
                type="radio"
                id="show-unread"
                name="show"
                checked={unreadOnly}
                onChange={() => {
                  setUnreadOnly(true);
                  setPage(0);
                }}
              />
              <label htmlFor="show-unread">Unread only</label>
            </span>
          </div>
        </fieldset>
        <div className="nt-toolbar__end">
          <span aria-live="polite">{unread === 0 ? "Nothing unread." : `${unread} unread.`}</span>
          <button type="button" disabled={unread === 0 || markRead.isPending} onClick={() => markRead.mutate({})}>
            Mark all as read
          </button>
        </div>
      </div>
      {list.error ? (
        <p role="alert" className="nt-error">
          {list.error.message}
        </p>
      ) : null}
      {markRead.error ? (
        <p role="alert" className="nt-error">
          {markRead.error.message}
        </p>
      ) : null}
      {list.isPending ? <p>Loading…</p> : null}
      {!list.isPending && items.length === 0 ? (
        <p className="nt-muted">
          {unreadOnly
            ? "No unread notifications."
            : "No notifications yet. Status changes, rejections, FOC dates, notes and ticket replies show up here."}
        </p>
      ) : null}
      <ul className="nt-list">
        {items.map((n) => (
          <li key={n.id} className={n.readAt ? "nt-item" : "nt-item nt-item--unread"}>
            <h3 className="nt-item__title">
              {n.readAt ? null : <span className="sr-only">Unread: </span>}
              {n.orderId ? <a href={`/orders/${n.orderId}`}>{n.title}</a> : n.title}
            </h3>
            <p className="nt-item__body">{n.body}</p>
            <p className="nt-item__meta">
              {formatEastern(n.createdAt)}
              {n.orderId ? ` · order ${n.customerReference ?? n.pon ?? n.orderId.slice(0, 8)}` : ""}
              {n.readAt ? ` · read ${formatEastern(n.readAt)}` : ""}
            </p>
            <div className="nt-item__actions">
              {n.readAt ? null : (
                <button
                  type="button"
                  className="button--quiet"
                  disabled={markRead.isPending}
                  onClick={() => markRead.mutate({ ids: [n.id] })}
                  aria-label={`Mark read: ${n.title}`}
                >
                  Mark read
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
      {pages > 1 ? (
        <nav className="nt-toolbar" aria-label="Notification pages">
          <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
            Previous
          </button>
          <span>
            Page {page + 1} of {pages}
          </span>
          <button type="button" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
            Next
          </button>
        </nav>
      ) : null}
    </section>
  );
}
