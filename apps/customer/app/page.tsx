import { formatEastern, StatusBadge } from "@portway/ui";
import { CustomerShell } from "@/components/customer-shell";
import { getQueryClient, trpc } from "@/trpc/server";

export const dynamic = "force-dynamic";

function reference(order: { id: string; customerReference: string | null; pon: string | null }) {
  return order.customerReference ?? order.pon ?? order.id.slice(0, 8);
}

async function HomeContent() {
  const home = await getQueryClient().fetchQuery(trpc.home.summary.queryOptions());
  const needs = home.exceptions.length + home.shortNotice.length + home.missingDocuments.length;
  return (
    <>
      <div className="page-head">
        <h1>What needs you</h1>
        <div className="page-head__actions">
          <a className="button" href="/orders/new">
            New port-in
          </a>
          <a className="button button--quiet" href="/check">
            Check numbers
          </a>
        </div>
      </div>
      <p className="lead">
        {needs === 0
          ? "Nothing is waiting for you right now."
          : `${needs} item${needs === 1 ? "" : "s"} need${needs === 1 ? "s" : ""} your attention.`}{" "}
        Business time now: {formatEastern(home.now)}.
      </p>
      <div className="home-grid">
        <section className="card" aria-labelledby="home-exceptions">
          <h2 id="home-exceptions">Rejected orders to fix ({home.exceptions.length})</h2>
          {home.exceptions.length === 0 ? (
            <p className="muted">No order is waiting for a fix.</p>
          ) : (
            <ul className="item-list">
              {home.exceptions.map((order) => (
                <li key={order.id}>
                  <a href={`/orders/${order.id}`}>{reference(order)}</a> <StatusBadge status={order.status} />{" "}
                  <span className="muted">
                    {order.tnCount} TN{order.tnCount === 1 ? "" : "s"} · updated {formatEastern(order.updatedAt)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card" aria-labelledby="home-short-notice">
          <h2 id="home-short-notice">Short-notice requests with the porting team ({home.shortNotice.length})</h2>
          {home.shortNotice.length === 0 ? (
            <p className="muted">No short-notice reschedule or cancel is waiting.</p>
          ) : (
            <ul className="item-list">
              {home.shortNotice.map((request) => (
                <li key={request.id}>
                  <a href={`/orders/${request.order.id}`}>{reference(request.order)}</a>{" "}
                  {request.kind === "SHORT_NOTICE_CANCEL" ? "cancel" : "reschedule"} requested{" "}
                  {formatEastern(request.createdAt)}, waiting for the porting team.
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card" aria-labelledby="home-documents">
          <h2 id="home-documents">Missing documents ({home.missingDocuments.length})</h2>
          {home.missingDocuments.length === 0 ? (
            <p className="muted">Every draft and order has its LOA.</p>
          ) : (
            <ul className="item-list">
              {home.missingDocuments.map((item) => (
                <li key={`${item.kind}-${item.id}`}>
                  <a href={item.kind === "DRAFT" ? `/orders/new?draft=${item.id}` : `/orders/${item.id}`}>
                    {item.label}
                  </a>
                  : {item.why}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card" aria-labelledby="home-drafts">
          <h2 id="home-drafts">Drafts ({home.drafts.length})</h2>
          {home.drafts.length === 0 ? (
            <p className="muted">No drafts. Drafts are kept until you delete them.</p>
          ) : (
            <ul className="item-list">
              {home.drafts.map((draft) => (
                <li key={draft.id}>
                  <a href={`/orders/new?draft=${draft.id}`}>
                    {draft.customerOrderRef ?? draft.subscriberName ?? "Untitled draft"}
                  </a>{" "}
                  <span className="muted">
                    {draft.tnCount} TN{draft.tnCount === 1 ? "" : "s"} · saved {formatEastern(draft.updatedAt)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <section className="card" aria-labelledby="home-upcoming">
        <h2 id="home-upcoming">FOCs in the next {home.upcomingDays} days</h2>
        {home.upcoming.length === 0 ? (
          <p className="muted">No FOC is scheduled in the next {home.upcomingDays} days.</p>
        ) : (
          <table className="plain-table">
            <caption className="sr-only">Upcoming FOCs</caption>
            <thead>
              <tr>
                <th scope="col">Order</th>
                <th scope="col">Status</th>
                <th scope="col">Port type</th>
                <th scope="col">TNs</th>
                <th scope="col">FOC</th>
              </tr>
            </thead>
            <tbody>
              {home.upcoming.map((order) => (
                <tr key={order.id}>
                  <td>
                    <a href={`/orders/${order.id}`}>{reference(order)}</a>
                  </td>
                  <td>
                    <StatusBadge status={order.status} />
                  </td>
                  <td>{order.portType ?? "—"}</td>
                  <td>{order.tnCount}</td>
                  <td>{formatEastern(order.focAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

export default async function HomePage() {
  return (
    <CustomerShell>
      <HomeContent />
    </CustomerShell>
  );
}
