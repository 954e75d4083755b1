"use client";

import { formatEastern } from "./format";

export interface NotificationListItem {
  id: string;
  title: string;
  body: string;
  createdAt: Date | string;
  readAt: Date | string | null;
  orderId: string | null;
  customerReference: string | null;
  pon: string | null;
}

export interface NotificationListProps {
  /** The current page of notifications, as the portal's query has it. */
  list: {
    data: { items: NotificationListItem[]; total: number; unread: number } | undefined;
    isPending: boolean;
    error: { message: string } | null;
  };
  /** The portal's mark-read mutation: some notifications by id, or all of them without ids. */
  markRead: { mutate: (input: { ids?: string[] }) => void; isPending: boolean; error: { message: string } | null };
  unreadOnly: boolean;
  onUnreadOnlyChange: (unreadOnly: boolean) => void;
  page: number;
  pageSize: number;
  onPageChange: (page: number) => void;
  /** What an empty inbox (all notifications shown) says. */
  emptyText: string;
}

/** The signed-in user's notifications: newest first, unread marked, each linking to its order. */
export function NotificationList({
  list,
  markRead,
  unreadOnly,
  onUnreadOnlyChange,
  page,
  pageSize,
  onPageChange,
  emptyText,
}: NotificationListProps) {
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
                onChange={() => onUnreadOnlyChange(false)}
              />
              <label htmlFor="show-all">All</label>
            </span>
            <span className="nt-choice">
              <input
                type="radio"
                id="show-unread"
                name="show"
                checked={unreadOnly}
                onChange={() => onUnreadOnlyChange(true)}
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
        <p className="nt-muted">{unreadOnly ? "No unread notifications." : emptyText}</p>
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
          <button type="button" disabled={page === 0} onClick={() => onPageChange(page - 1)}>
            Previous
          </button>
          <span>
            Page {page + 1} of {pages}
          </span>
          <button type="button" disabled={page + 1 >= pages} onClick={() => onPageChange(page + 1)}>
            Next
          </button>
        </nav>
      ) : null}
    </section>
  );
}
