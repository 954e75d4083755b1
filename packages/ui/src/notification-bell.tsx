/** The header's bell: the unread count, a link to the notifications page. */
export function NotificationBellLink({ count, href = "/notifications" }: { count: number; href?: string }) {
  // The name carries the shown figure itself (capped at 99+), so what is seen is part of what is read out.
  const shown = count > 99 ? "99+" : String(count);
  return (
    <a className="nt-bell" href={href} aria-label={count > 0 ? `Unread updates: ${shown}` : "Unread updates: none"}>
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
          {shown}
        </span>
      ) : null}
    </a>
  );
}
