import {
  countCarrierSubmissions,
  type DbOrTx,
  listCarrierDurations,
  type NewCarrierStatsRow,
  replaceCarrierStats,
  tryLockCarrierStats,
} from "@portway/db";
import { addDays, buildBusinessCalendar, countBusinessDays, weightedPercentile } from "@portway/domain";

export const STATS_PERIOD_DAYS = 90;

interface Accumulator {
  carrierId: string;
  portType: string;
  submitted: number;
  firstTimeRight: number;
  byReason: Record<string, number>;
  foc: Map<number, number>;
  onRequested: number;
  complete: Map<number, number>;
}

function bump(map: Map<number, number>, value: number, count: number) {
  map.set(value, (map.get(value) ?? 0) + count);
}

function toValues(map: Map<number, number>) {
  return [...map].map(([value, count]) => ({ value, count }));
}

/**
 * Computes the per-carrier statistics (per port type and 'ALL') of orders submitted in `[from, to)`: the counts in
 * SQL, the business days between the Eastern dates with the domain's calendar (porting holidays).
 */
export async function computeCarrierStats(
  db: DbOrTx,
  period: { from: Date; to: Date },
  window: string,
  now: Date,
): Promise<NewCarrierStatsRow[]> {
  const [submissions, durations] = await Promise.all([
    countCarrierSubmissions(db, period),
    listCarrierDurations(db, period),
  ]);
  const years = [period.from.getUTCFullYear(), period.to.getUTCFullYear(), period.to.getUTCFullYear() + 1];
  const calendar = buildBusinessCalendar(years);
  const groups = new Map<string, Accumulator>();
  const groupOf = (carrierId: string, portType: string) => {
    const key = `${carrierId}|${portType}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        carrierId,
        portType,
        submitted: 0,
        firstTimeRight: 0,
        byReason: {},
        foc: new Map(),
        onRequested: 0,
        complete: new Map(),
      };
      groups.set(key, group);
    }
    return group;
  };
  for (const s of submissions) {
    for (const group of [groupOf(s.carrierId, s.portType), groupOf(s.carrierId, "ALL")]) {
      group.submitted += s.submitted;
      group.firstTimeRight += s.firstTimeRight;
      for (const [reason, n] of Object.entries(s.rejectedOrdersByReason)) {
        group.byReason[reason] = (group.byReason[reason] ?? 0) + n;
      }
    }
  }
  for (const d of durations) {
    const focDays = d.focOn ? countBusinessDays(d.submittedOn, d.focOn, calendar) : null;
    const completeDays = d.completeOn ? countBusinessDays(d.submittedOn, d.completeOn, calendar) : null;
    for (const group of [groupOf(d.carrierId, d.portType), groupOf(d.carrierId, "ALL")]) {
      if (focDays !== null) {
        bump(group.foc, focDays, d.count);
        group.onRequested += d.onRequested ? d.count : 0;
      }
      if (completeDays !== null) {
        bump(group.complete, completeDays, d.count);
      }
    }
  }
  const periodFrom = period.from.toISOString().slice(0, 10);
  const periodTo = period.to.toISOString().slice(0, 10);
  return [...groups.values()].map((g) => {
    const foc = toValues(g.foc);
    const complete = toValues(g.complete);
    return {
      carrierId: g.carrierId,
      portType: g.portType,
      window,
      periodFrom,
      periodTo,
      ordersSubmitted: g.submitted,
      rejectedOrdersByReason: g.byReason,
      firstTimeRight: g.firstTimeRight,
      focSample: foc.reduce((n, v) => n + v.count, 0),
      focMedianDays: weightedPercentile(foc, 50),
      focP90Days: weightedPercentile(foc, 90),
      focOnRequestedDate: g.onRequested,
      completeSample: complete.reduce((n, v) => n + v.count, 0),
      completeMedianDays: weightedPercentile(complete, 50),
      completeP90Days: weightedPercentile(complete, 90),
      computedAt: now,
    };
  });
}

/** The worker's periodic job: the rolling 90 days, and the weekly trend of the last 13 weeks, in one transaction. */
export async function refreshCarrierStats(db: DbOrTx, now: Date, options: { weeks?: number } = {}) {
  const today = now.toISOString().slice(0, 10);
  const to = new Date(`${addDays(today, 1)}T00:00:00Z`);
  const from = new Date(to.getTime() - STATS_PERIOD_DAYS * 86_400_000);
  return db.transaction(async (tx) => {
    if (!(await tryLockCarrierStats(tx))) {
      return { rolling: 0, weekly: 0, skipped: true };
    }
    const rolling = await computeCarrierStats(tx, { from, to }, "ROLLING_90", now);
    await replaceCarrierStats(tx, "ROLLING_90", null, rolling);
    let weekly = 0;
    for (let w = 0; w < (options.weeks ?? 13); w++) {
      const weekTo = new Date(to.getTime() - w * 7 * 86_400_000);
      const weekFrom = new Date(weekTo.getTime() - 7 * 86_400_000);
      const rows = await computeCarrierStats(tx, { from: weekFrom, to: weekTo }, "WEEK", now);
      await replaceCarrierStats(tx, "WEEK", weekFrom.toISOString().slice(0, 10), rows);
      weekly += rows.length;
    }
    return { rolling: rolling.length, weekly, skipped: false };
  });
}
