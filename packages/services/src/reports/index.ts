import {
  type Db,
  durationBinsDays,
  reportDurations,
  reportOrdersOfPeriod,
  reportRejectionsByCarrier,
  reportRejectionsByReason,
} from "@portway/db";
import { easternToEpoch, isCivilDate, REJECTION_PLAYBOOKS, type RejectionReason } from "@portway/domain";
import { z } from "zod";
import type { Clock } from "../clock";
import { type CsvValue, csvRecords } from "../csv/cell-writer";
import { invalid } from "../errors";

const civilDate = z.string().refine(isCivilDate, { message: "Use a date as YYYY-MM-DD." });

export const reportsInput = z.object({
  /** First day of the period (US Eastern), inclusive; default 26 weeks before `to`. */
  from: civilDate.optional(),
  /** Last day of the period (US Eastern), inclusive; default today. */
  to: civilDate.optional(),
});
export type ReportsInput = z.infer<typeof reportsInput>;

export const reportCharts = [
  "status-by-week",
  "rejections-by-reason",
  "rejections-by-carrier",
  "time-to-foc",
  "time-to-complete",
  "first-time-right",
] as const;
export type ReportChart = (typeof reportCharts)[number];

const orderStatuses = [
  "SUBMITTED",
  "CSR_REVIEW",
  "PENDING_FOC",
  "EXCEPTION",
  "FOC",
  "SUPP_PENDING",
  "COMPLETE",
  "CANCELLED",
] as const;

const dayMs = 86_400_000;

function easternToday(now: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "America/New_York" }).format(now);
}

function addCivilDays(date: string, days: number): string {
  return new Date(new Date(`${date}T00:00:00Z`).getTime() + days * dayMs).toISOString().slice(0, 10);
}

/** Every Monday (the start of a reporting week) from the Monday on or before `from` up to `to`. */
function mondaysFrom(from: string, to: string): string[] {
  const start = new Date(`${from}T00:00:00Z`);
  const back = (start.getUTCDay() + 6) % 7;
  const mondays: string[] = [];
  for (let day = addCivilDays(from, -back); day <= to; day = addCivilDays(day, 7)) {
    mondays.push(day);
  }
  return mondays;
}

function resolvePeriod(clock: Clock, input: ReportsInput) {
  const to = input.to ?? easternToday(clock.now());
  const from = input.from ?? addCivilDays(to, -26 * 7 + 1);
  if (from > to) {
    throw invalid([
      { code: "PERIOD_REVERSED", field: "from", message: `The period starts (${from}) after it ends (${to}).` },
    ]);
  }
  if (new Date(`${to}T00:00:00Z`).getTime() - new Date(`${from}T00:00:00Z`).getTime() > 3 * 366 * dayMs) {
    throw invalid([{ code: "PERIOD_TOO_LONG", field: "from", message: "A report period covers at most three years." }]);
  }
  return {
    from,
    to,
    range: { from: new Date(easternToEpoch(from, 0)), to: new Date(easternToEpoch(addCivilDays(to, 1), 0)) },
  };
}

function binLabel(index: number): string {
  const upper = durationBinsDays[index];
  const lower = index === 0 ? 0 : durationBinsDays[index - 1];
  return upper === undefined ? `${lower ?? 0}+ days` : `${lower}–${upper} days`;
}

function reasonTitle(reason: string): string {
  return REJECTION_PLAYBOOKS[reason as RejectionReason]?.title ?? reason;
}

/**
 * Everything the reports page shows, from four aggregate statements run side by side on separate pool connections:
 * one pass over the period's orders (status by week and first time right), the period's FOC/completion history
 * joined to its orders by primary key (durations), and two over the period's rejections.
 */
export async function buildReports(db: Db, clock: Clock, input: ReportsInput) {
  const period = resolvePeriod(clock, input);
  const weekStarts = mondaysFrom(period.from, period.to);
  const [orderRows, byReason, byCarrier, durations] = await Promise.all([
    reportOrdersOfPeriod(
      db,
      period.range,
      weekStarts.map((date) => new Date(easternToEpoch(date, 0))),
    ),
    reportRejectionsByReason(db, period.range),
    reportRejectionsByCarrier(db, period.range),
    reportDurations(db, period.range),
  ]);
  // Bucket n (1-based) is the week starting weekStarts[n - 1]; 0 is the part of the period before its first Monday.
  const statusRows = orderRows.flatMap((r) =>
    r.part === "STATUS" && r.bucket !== null && r.status !== null
      ? [
          {
            status: r.status,
            orders: r.orders,
            week:
              r.bucket === 0
                ? addCivilDays(weekStarts[0] ?? period.from, -7)
                : (weekStarts[r.bucket - 1] ?? period.from),
          },
        ]
      : [],
  );
  const ftr = orderRows.flatMap((r) =>
    r.part === "FTR"
      ? [
          {
            carrier: r.carrier ?? "Unknown carrier",
            spid: r.spid,
            orders: r.orders,
            firstTimeRight: r.firstTimeRight ?? 0,
          },
        ]
      : [],
  );
  const weeks = [...new Set(statusRows.map((r) => r.week))].sort();
  const present = new Set(statusRows.map((r) => r.status));
  const statuses = orderStatuses.filter((s) => present.has(s));
  const counts = new Map(statusRows.map((r) => [`${r.week}|${r.status}`, r.orders]));
  const duration = (kind: "FOC" | "COMPLETE") => {
    const stats = durations.find((d) => d.kind === kind && d.bin === null);
    const bins = Array.from({ length: durationBinsDays.length + 1 }, (_, i) => ({
      label: binLabel(i),
      orders: durations.find((d) => d.kind === kind && d.bin === i)?.orders ?? 0,
    }));
    return { bins, orders: stats?.orders ?? 0, medianDays: stats?.median ?? null, p90Days: stats?.p90 ?? null };
  };
  return {
    period: { from: period.from, to: period.to },
    statusByWeek: {
      statuses,
      weeks: weeks.map((week) => ({
        week,
        counts: statuses.map((s) => counts.get(`${week}|${s}`) ?? 0),
        total: statuses.reduce((sum, s) => sum + (counts.get(`${week}|${s}`) ?? 0), 0),
      })),
    },
    rejectionsByReason: byReason.map((r) => ({ ...r, title: reasonTitle(r.reason) })),
    rejectionsByCarrier: byCarrier,
    timeToFoc: duration("FOC"),
    timeToComplete: duration("COMPLETE"),
    firstTimeRight: ftr.map((r) => ({ ...r, rate: r.orders === 0 ? 0 : r.firstTimeRight / r.orders })),
  };
}
export type ReportsView = Awaited<ReturnType<typeof buildReports>>;

function toCsv(header: string[], rows: CsvValue[][]): string {
  return csvRecords([header, ...rows]);
}

const round = (value: number | null, digits: number) => (value === null ? null : Number(value.toFixed(digits)));

/** The table behind one chart, as CSV. */
export function reportCsv(view: ReportsView, chart: ReportChart): string {
  switch (chart) {
    case "status-by-week":
      return toCsv(
        ["week_starting", ...view.statusByWeek.statuses.map((s) => s.toLowerCase()), "total"],
        view.statusByWeek.weeks.map((w) => [w.week, ...w.counts, w.total]),
      );
    case "rejections-by-reason":
      return toCsv(
        ["reason", "title", "rejections", "orders"],
        view.rejectionsByReason.map((r) => [r.reason, r.title, r.rejections, r.orders]),
      );
    case "rejections-by-carrier":
      return toCsv(
        ["carrier", "spid", "rejections"],
        view.rejectionsByCarrier.map((r) => [r.carrier, r.spid, r.rejections]),
      );
    case "time-to-foc":
    case "time-to-complete": {
      const d = chart === "time-to-foc" ? view.timeToFoc : view.timeToComplete;
      return toCsv(
        ["days", "orders"],
        [
          ...d.bins.map((b) => [b.label, b.orders]),
          ["median_days", round(d.medianDays, 2)],
          ["p90_days", round(d.p90Days, 2)],
        ],
      );
    }
    case "first-time-right":
      return toCsv(
        ["carrier", "spid", "orders", "first_time_right", "rate_percent"],
        view.firstTimeRight.map((r) => [r.carrier, r.spid, r.orders, r.firstTimeRight, round(r.rate * 100, 1)]),
      );
  }
}
