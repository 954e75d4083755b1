import { formatEastern, StatusBadge } from "@portway/ui";
import { TRPCError } from "@trpc/server";
import { redirect } from "next/navigation";
import { AdminShell } from "@/components/admin-shell";
import { requireStaff } from "@/server/session";
import { getQueryClient, trpc } from "@/trpc/server";

export const dynamic = "force-dynamic";
export const metadata = { title: "Search · Portway admin" };

/**
 * The header box's answer: straight to the order (or account) when exactly one matches, else the matches. A TN in
 * any format of SPEC 3 is read by the domain's parser.
 */
export default async function SearchPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  await requireStaff();
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? raw[0] : raw)?.trim() ?? "";
  let found: Awaited<ReturnType<typeof findFor>> | null = null;
  let problem: string | null = null;
  if (q) {
    try {
      found = await findFor(q);
    } catch (error) {
      if (!(error instanceof TRPCError) || error.code !== "BAD_REQUEST") {
        throw error;
      }
      problem = error.message;
    }
  }
  if (found?.goTo) {
    redirect(found.goTo);
  }
  return (
    <AdminShell>
      <h1>Search</h1>
      <search className="card search-page">
        <form action="/search" method="get" className="inline-form">
          <label>
            TN, PON, partner order ID, BTN, customer reference or account
            <input name="q" type="search" defaultValue={q} maxLength={100} required />
          </label>
          <button type="submit">Find</button>
        </form>
        {problem ? (
          <p role="alert" className="form-error">
            {problem}
          </p>
        ) : null}
      </search>
      {found ? (
        <>
          <p aria-live="polite">
            {found.orders.length === 0 && found.accounts.length === 0
              ? `Nothing matches “${found.q}”.`
              : `${found.orders.length} order${found.orders.length === 1 ? "" : "s"} and ${found.accounts.length} account${found.accounts.length === 1 ? "" : "s"} match “${found.q}”${found.tn ? ` (read as the TN ${found.tn})` : ""}.`}
            {found.truncated ? " Only the first matches are shown: narrow the search on the orders page." : ""}
          </p>
          {found.accounts.length > 0 ? (
            <section className="card" aria-labelledby="accounts-found">
              <h2 id="accounts-found">Accounts</h2>
              <ul>
                {found.accounts.map((a) => (
                  <li key={a.id}>
                    <a href={`/accounts/${a.id}`}>{a.name}</a> <small>({a.slug})</small> ·{" "}
                    <a href={`/orders?account=${a.id}`}>its orders</a>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {found.orders.length > 0 ? (
            <section className="card" aria-labelledby="orders-found">
              <h2 id="orders-found">Orders</h2>
              <div className="data-table__scroll">
                <table>
                  <caption className="sr-only">Orders matching the search</caption>
                  <thead>
                    <tr>
                      <th scope="col">Order</th>
                      <th scope="col">Account</th>
                      <th scope="col">Status</th>
                      <th scope="col">PON</th>
                      <th scope="col">BTN</th>
                      <th scope="col">TNs</th>
                      <th scope="col">FOC</th>
                      <th scope="col">Created</th>
                    </tr>
                  </thead>
                  <tbody>
                    {found.orders.map((o) => (
                      <tr key={o.id}>
                        <td>
                          <a href={`/orders/${o.id}`}>{o.customerReference ?? o.id.slice(0, 8)}</a>
                        </td>
                        <td>{o.accountName}</td>
                        <td>
                          <StatusBadge status={o.status} />
                        </td>
                        <td>{o.pon ?? "—"}</td>
                        <td>{o.btn ?? "—"}</td>
                        <td>{o.tnCount}</td>
                        <td>{formatEastern(o.focAt)}</td>
                        <td>{formatEastern(o.createdAt)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          ) : null}
        </>
      ) : null}
    </AdminShell>
  );
}

function findFor(q: string) {
  return getQueryClient().fetchQuery(trpc.search.find.queryOptions({ q }));
}
