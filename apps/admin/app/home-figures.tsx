import type { AdminRouterOutputs } from "@portway/api/admin";
import { formatEastern, StatusBadge } from "@portway/ui";

type Home = AdminRouterOutputs["home"]["today"];
type Due = Home["focsDue"];

/** The statuses of an order still in progress (what "due today" counts). */
export const openStatuses = "SUBMITTED,CSR_REVIEW,PENDING_FOC,FOC,SUPP_PENDING,EXCEPTION";

function age(hours: number | null): string {
  if (hours === null) {
    return "—";
  }
  if (hours < 24) {
    return `${hours} h`;
  }
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

export function QueueFigures({ queues, mine }: { queues: Home["queues"]; mine: boolean }) {
  const suffix = mine ? "?mine=1" : "";
  return (
    <div className="data-table__scroll">
      <table className="plain">
        <caption className="sr-only">{mine ? "My queue items" : "Queues"}</caption>
        <thead>
          <tr>
            <th scope="col">Queue</th>
            <th scope="col">Oldest waits</th>
            <th scope="col" className="num">
              Late
            </th>
          </tr>
        </thead>
        <tbody>
          {queues.map((q) => (
            <tr key={q.queue}>
              <td>
                <a href={`/queues/${q.queue}${suffix}`}>
                  {mine ? `My ${q.title.toLowerCase()}` : q.title} ({q.count})
                </a>
              </td>
              <td>{age(q.oldestAgeHours)}</td>
              <td className="num">
                <a
                  href={`/queues/${q.queue}${suffix ? `${suffix}&` : "?"}dir=asc`}
                  aria-label={`${q.title}: ${q.past} past ${q.targetHours ? `${q.targetHours} h` : "their expected time"}, oldest first`}
                >
                  {q.past}
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function DueToday({ title, due, href, date }: { title: string; due: Due; href: string; date: string }) {
  const id = title.toLowerCase().replaceAll(" ", "-");
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <p>
        <a href={href}>
          {due.total} due on {date}: open the list
        </a>
        {due.held > 0 ? (
          <>
            {" · "}
            <a href={`${href}&held=1`}>{due.held} held by a SUPP</a>
          </>
        ) : null}
      </p>
      {due.rows.length > 0 ? (
        <div className="data-table__scroll">
          <table className="plain">
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr>
                <th scope="col">Order</th>
                <th scope="col">Account</th>
                <th scope="col">Status</th>
                <th scope="col">Due (ET)</th>
                <th scope="col" className="num">
                  TNs
                </th>
              </tr>
            </thead>
            <tbody>
              {due.rows.map((row) => (
                <tr key={row.id}>
                  <td>
                    <a href={`/orders/${row.id}`}>{row.customerReference ?? row.pon ?? row.id.slice(0, 8)}</a>
                    {row.heldBySupp ? " (held by a SUPP)" : ""}
                  </td>
                  <td>{row.accountName}</td>
                  <td>
                    <StatusBadge status={row.status} />
                  </td>
                  <td>{formatEastern(row.activationDueAt ?? row.focAt)}</td>
                  <td className="num">{row.tnCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="hint">Nothing due today.</p>
      )}
    </section>
  );
}
