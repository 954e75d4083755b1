import type { AdminRouterOutputs } from "@portway/api/admin";
import { BarChart } from "@portway/ui";
import { TRPCError } from "@trpc/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AdminShell } from "@/components/admin-shell";
import { requireStaff } from "@/server/session";
import { getQueryClient, trpc } from "@/trpc/server";

export const dynamic = "force-dynamic";
export const metadata = { title: "Carrier insight · Portway admin" };

type Insight = AdminRouterOutputs["insight"]["carrier"];
type Figures = NonNullable<Insight["all"]>;

const percent = (value: number | null) => (value === null ? "—" : `${Math.round(value * 100)}%`);
const days = (value: number | null) => (value === null ? "—" : `${value} business days`);
const reasonLabel = (reason: string) => reason.replaceAll("_", " ").toLowerCase();

function Headline({ figures, minSample }: { figures: Figures; minSample: number }) {
  return (
    <dl className="summary-grid">
      <dt>Orders submitted</dt>
      <dd data-testid="insight-orders">
        {figures.ordersSubmitted.toLocaleString("en-US")}
        {figures.ordersSubmitted < minSample
          ? ` (under the minimum sample of ${minSample}: customers see no warnings or expectations)`
          : ""}
      </dd>
      <dt>First time right</dt>
      <dd>{percent(figures.firstTimeRightRate)}</dd>
      <dt>Submission to FOC</dt>
      <dd data-testid="insight-foc">
        median {days(figures.focMedianDays)}, 90th percentile {days(figures.focP90Days)} ({figures.focSample} FOCs)
      </dd>
      <dt>FOC on the requested date</dt>
      <dd>{percent(figures.focOnRequestedRate)}</dd>
      <dt>Submission to completion</dt>
      <dd>
        median {days(figures.completeMedianDays)}, 90th percentile {days(figures.completeP90Days)} (
        {figures.completeSample} completed)
      </dd>
    </dl>
  );
}

export default async function CarrierInsightPage({ params }: { params: Promise<{ spid: string }> }) {
  await requireStaff();
  const { spid } = await params;
  let data: Insight;
  try {
    data = await getQueryClient().fetchQuery(trpc.insight.carrier.queryOptions({ spid: decodeURIComponent(spid) }));
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) {
      notFound();
    }
    throw error;
  }
  const { carrier, all } = data;
  return (
    <AdminShell>
      <p>
        <Link href="/reports#carriers-heading">Back to the reports</Link>
      </p>
      <h1>
        {carrier.name}{" "}
        <span className="muted">
          (SPID {carrier.spid}, {carrier.type})
        </span>
      </h1>
      <p className="lede">
        How this losing carrier treated our orders over the last {data.periodDays} days
        {data.periodFrom ? ` (${data.periodFrom} to ${data.periodTo})` : ""}: what customers see as rejection-risk
        warnings and FOC expectations. Computed by the worker from the order history
        {data.computedAt ? ` at ${new Date(data.computedAt).toISOString().slice(0, 16).replace("T", " ")} UTC` : ""}.
      </p>
      {all ? (
        <>
          <section className="card" aria-labelledby="insight-summary">
            <h2 id="insight-summary">Last {data.periodDays} days</h2>
            <Headline figures={all} minSample={data.minSample} />
          </section>
          <section className="card" aria-labelledby="insight-reasons">
            <h2 id="insight-reasons">Rejections by reason</h2>
            <table className="plain">
              <caption className="sr-only">Orders rejected at least once, by canonical reason</caption>
              <thead>
                <tr>
                  <th scope="col">Reason</th>
                  <th scope="col">Order field</th>
                  <th scope="col" className="num">
                    Orders
                  </th>
                  <th scope="col" className="num">
                    Share of orders
                  </th>
                </tr>
              </thead>
              <tbody>
                {all.rejectionRates.length === 0 ? (
                  <tr>
                    <td colSpan={4}>No rejections in the period.</td>
                  </tr>
                ) : null}
                {all.rejectionRates.map((r) => (
                  <tr key={r.reason} data-testid="insight-reason">
                    <th scope="row">{reasonLabel(r.reason)}</th>
                    <td>{r.field ?? "—"}</td>
                    <td className="num">{r.orders}</td>
                    <td className="num">{percent(r.rate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          {data.byPortType.length > 0 ? (
            <section className="card" aria-labelledby="insight-types">
              <h2 id="insight-types">By port type</h2>
              <table className="plain">
                <caption className="sr-only">Figures per port type</caption>
                <thead>
                  <tr>
                    <th scope="col">Port type</th>
                    <th scope="col" className="num">
                      Orders
                    </th>
                    <th scope="col" className="num">
                      First time right
                    </th>
                    <th scope="col" className="num">
                      Median days to FOC
                    </th>
                    <th scope="col" className="num">
                      90th percentile
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.byPortType.map((t) => (
                    <tr key={t.portType}>
                      <th scope="row">{t.portType}</th>
                      <td className="num">{t.ordersSubmitted}</td>
                      <td className="num">{percent(t.firstTimeRightRate)}</td>
                      <td className="num">{t.focMedianDays ?? "—"}</td>
                      <td className="num">{t.focP90Days ?? "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ) : null}
          <section className="card" aria-labelledby="insight-trend">
            <h2 id="insight-trend">Trend by week</h2>
            <figure>
              <BarChart
                title="Orders submitted per week"
                description={`Orders submitted to ${carrier.name} per week, the last ${data.weeks.length} weeks.`}
                bars={data.weeks.map((w) => ({ label: w.weekFrom.slice(5), value: w.ordersSubmitted }))}
              />
              <figcaption>Orders submitted per week (week starting, month-day).</figcaption>
            </figure>
            <table className="plain">
              <caption className="sr-only">Weekly figures</caption>
              <thead>
                <tr>
                  <th scope="col">Week from</th>
                  <th scope="col" className="num">
                    Orders
                  </th>
                  <th scope="col" className="num">
                    Rejected (any reason)
                  </th>
                  <th scope="col" className="num">
                    Median days to FOC
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.weeks.map((w) => (
                  <tr key={w.weekFrom} data-testid="insight-week">
                    <th scope="row">{w.weekFrom}</th>
                    <td className="num">{w.ordersSubmitted}</td>
                    <td className="num">{w.firstTimeRightRate === null ? "—" : percent(1 - w.firstTimeRightRate)}</td>
                    <td className="num">{w.focMedianDays ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      ) : (
        <p className="card" data-testid="insight-empty">
          No orders to this carrier in the last {data.periodDays} days.
        </p>
      )}
    </AdminShell>
  );
}
