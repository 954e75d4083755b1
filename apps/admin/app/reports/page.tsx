import type { AdminRouterOutputs } from "@portway/api/admin";
import { BarChart, HorizontalBarChart, StackedColumnChart } from "@portway/ui";
import { TRPCError } from "@trpc/server";
import Link from "next/link";
import type { ReactNode } from "react";
import { AdminShell } from "@/components/admin-shell";
import { requireStaff } from "@/server/session";
import { getQueryClient, trpc } from "@/trpc/server";

export const dynamic = "force-dynamic";
export const metadata = { title: "Reports · Portway admin" };

type Reports = AdminRouterOutputs["reports"]["get"];

const days = (value: number | null) => (value === null ? "—" : `${value.toFixed(1)} days`);
const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

function Report(props: {
  id: string;
  title: string;
  chart: ReactNode;
  caption: string;
  csv: string;
  table: { head: string[]; rows: [string | number, ...ReactNode[]][] };
}) {
  return (
    <section className="card report" aria-labelledby={`${props.id}-heading`}>
      <div className="report-actions">
        <h2 id={`${props.id}-heading`}>{props.title}</h2>
        <a href={props.csv} download>
          Download CSV<span className="sr-only"> of {props.title}</span>
        </a>
      </div>
      <figure>
        {props.chart}
        <figcaption>{props.caption}</figcaption>
      </figure>
      <details>
        <summary>Table behind the chart</summary>
        <table className="plain">
          <caption className="sr-only">{props.title}</caption>
          <thead>
            <tr>
              {props.table.head.map((h, i) => (
                <th key={h} scope="col" className={i > 0 ? "num" : undefined}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.table.rows.length === 0 ? (
              <tr>
                <td colSpan={props.table.head.length}>No data in this period.</td>
              </tr>
            ) : null}
            {props.table.rows.map((row) => (
              <tr key={String(row[0])}>
                {row.map((cell, i) =>
                  i === 0 ? (
                    <th key={`${row[0]}-h`} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={`${row[0]}-${props.table.head[i]}`} className="num">
                      {typeof cell === "number" ? cell.toLocaleString("en-US") : cell}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}

function Reports({ data, query }: { data: Reports; query: string }) {
  const csv = (chart: string) => `/reports/export?chart=${chart}&${query}`;
  const status = data.statusByWeek;
  return (
    <div className="report-grid">
      <Report
        id="status"
        title="Orders by status over time"
        caption="Orders submitted each week (weeks start Monday, US Eastern), split by the status they are in now."
        csv={csv("status-by-week")}
        chart={
          <StackedColumnChart
            title="Orders by status over time"
            description={`Orders submitted per week from ${data.period.from} to ${data.period.to}, stacked by current status; ${status.weeks.reduce((s, w) => s + w.total, 0)} orders in all.`}
            categories={status.weeks.map((w) => w.week)}
            series={status.statuses.map((s, k) => ({ name: s, values: status.weeks.map((w) => w.counts[k] ?? 0) }))}
          />
        }
        table={{
          head: ["Week starting", ...status.statuses, "Total"],
          rows: status.weeks.map((w) => [w.week, ...w.counts, w.total]),
        }}
      />
      <Report
        id="reasons"
        title="Rejections by reason"
        caption="Rejections received in the period, by canonical reason."
        csv={csv("rejections-by-reason")}
        chart={
          <HorizontalBarChart
            title="Rejections by reason"
            description={`Rejections received from ${data.period.from} to ${data.period.to} by canonical reason; the most common is ${data.rejectionsByReason[0]?.title ?? "none"}.`}
            bars={data.rejectionsByReason.map((r) => ({ label: r.title, value: r.rejections }))}
          />
        }
        table={{
          head: ["Reason", "Rejections", "Orders"],
          rows: data.rejectionsByReason.map((r) => [r.title, r.rejections, r.orders]),
        }}
      />
      <Report
        id="carriers"
        title="Rejections by losing carrier"
        caption="Rejections received in the period, by the losing carrier of the order."
        csv={csv("rejections-by-carrier")}
        chart={
          <HorizontalBarChart
            title="Rejections by losing carrier"
            description={`Rejections from ${data.period.from} to ${data.period.to} by losing carrier; most from ${data.rejectionsByCarrier[0]?.carrier ?? "none"}.`}
            bars={data.rejectionsByCarrier.map((r) => ({ label: r.carrier, value: r.rejections }))}
          />
        }
        table={{
          head: ["Carrier", "SPID", "Rejections"],
          rows: data.rejectionsByCarrier.map((r) => [
            r.carrier,
            r.spid ? (
              <Link key="spid" href={`/carriers/${encodeURIComponent(r.spid)}`}>
                {r.spid}
                <span className="sr-only"> ({r.carrier} insight)</span>
              </Link>
            ) : (
              "—"
            ),
            r.rejections,
          ]),
        }}
      />
      {(
        [
          ["foc", "Time from submission to FOC", data.timeToFoc, "time-to-foc", "received their first FOC"],
          ["complete", "Time from submission to completion", data.timeToComplete, "time-to-complete", "completed"],
        ] as const
      ).map(([id, title, d, chart, verb]) => (
        <Report
          key={id}
          id={id}
          title={title}
          caption={`${d.orders.toLocaleString("en-US")} orders ${verb} in the period. Median ${days(d.medianDays)}, 90th percentile ${days(d.p90Days)} (calendar days).`}
          csv={csv(chart)}
          chart={
            <BarChart
              title={title}
              description={`Distribution in calendar days for ${d.orders} orders; median ${days(d.medianDays)}, 90th percentile ${days(d.p90Days)}.`}
              bars={d.bins.map((b) => ({ label: b.label, value: b.orders }))}
            />
          }
          table={{ head: ["Days", "Orders"], rows: d.bins.map((b) => [b.label, b.orders]) }}
        />
      ))}
      <Report
        id="ftr"
        title="First-time-right rate by carrier"
        caption="Of the orders submitted in the period that got past submission, the share never rejected."
        csv={csv("first-time-right")}
        chart={
          <HorizontalBarChart
            title="First-time-right rate by carrier"
            description={`Share of orders never rejected, per losing carrier, for orders submitted from ${data.period.from} to ${data.period.to}.`}
            bars={data.firstTimeRight.map((r) => ({ label: r.carrier, value: r.rate }))}
            format={percent}
            max={1}
          />
        }
        table={{
          head: ["Carrier", "Orders", "First time right", "Rate"],
          rows: data.firstTimeRight.map((r) => [r.carrier, r.orders, r.firstTimeRight, percent(r.rate)]),
        }}
      />
    </div>
  );
}

export default async function ReportsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const staff = await requireStaff();
  const params = await searchParams;
  const input = {
    ...(params.from ? { from: params.from } : {}),
    ...(params.to ? { to: params.to } : {}),
  };
  let data: Reports | null = null;
  let error: string | null = null;
  let elapsedMs = 0;
  if (staff.role === "lead") {
    const started = performance.now();
    try {
      data = await getQueryClient().fetchQuery(trpc.reports.get.queryOptions(input));
    } catch (caught) {
      if (!(caught instanceof TRPCError) || caught.code !== "BAD_REQUEST") {
        throw caught;
      }
      error = caught.message;
    }
    elapsedMs = performance.now() - started;
  }
  const query = new URLSearchParams(input).toString();
  return (
    <AdminShell leadOnly>
      <h1>Reports</h1>
      <form className="card inline-form" method="get">
        <label>
          From <input type="date" name="from" defaultValue={data?.period.from ?? params.from ?? ""} />
        </label>
        <label>
          To <input type="date" name="to" defaultValue={data?.period.to ?? params.to ?? ""} />
        </label>
        <button type="submit">Show period</button>
        {error ? (
          <span role="alert" className="form-error">
            {error}
          </span>
        ) : null}
      </form>
      {data ? (
        <>
          <p className="hint">
            {data.period.from} to {data.period.to} (US Eastern). Computed on the server in {Math.round(elapsedMs)} ms.
          </p>
          <Reports data={data} query={query} />
        </>
      ) : null}
    </AdminShell>
  );
}
