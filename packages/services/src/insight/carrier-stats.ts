import {
  type CarrierStatsFact,
  type DbOrTx,
  listCarrierStatsFacts,
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
 * The per-carrier statistics (per port type and 'ALL') of orders first submitted in `[from, to)` (whole UTC days),
 * from the facts of one history pass: the counts come from SQL, the business days between the Eastern dates are
 * counted with the domain's calendar (porting holidays).
 */
export function computeCarrierStats(
  facts: readonly CarrierStatsFact[],
  period: { from: Date; to: Date },
  window: string,
  now: Date,
): NewCarrierStatsRow[] {
  const fromDay = period.from.toISOString().slice(0, 10);
  const toDay = period.to.toISOString().slice(0, 10);
  const years = [period.from.getUTCFullYear(), period.to.getUTCFullYear(), period.to.getUTCFullYear() + 1];
  const calendar = buildBusinessCalendar(years);
  const daysBetween = new Map<string, number>();
  const businessDays = (from: string, to: string) => {
    const key = `${from}|${to}`;
    let days = daysBetween.get(key);
    if (days === undefined) {
      days = countBusinessDays(from, to, calendar);
      daysBetween.set(key, days);
    }
    return days;
  };
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
  for (const fact of facts) {
    if (fact.submittedDay < fromDay || fact.submittedDay >= toDay) {
      continue;
    }
    for (const group of [groupOf(fact.carrierId, fact.portType), groupOf(fact.carrierId, "ALL")]) {
      if (fact.kind === "SUBMISSIONS") {
        group.submitted += fact.count;
        if (fact.reasons.length === 0) {
          group.firstTimeRight += fact.count;
        }
        for (const reason of fact.reasons) {
          group.byReason[reason] = (group.byReason[reason] ?? 0) + fact.count;
        }
      } else if (fact.kind === "FOC" && fact.focOn && fact.submittedOn) {
        bump(group.foc, businessDays(fact.submittedOn, fact.focOn), fact.count);
        group.onRequested += fact.onRequested ? fact.count : 0;
      } else if (fact.kind === "COMPLETE" && fact.completeOn && fact.submittedOn) {
        bump(group.complete, businessDays(fact.submittedOn, fact.completeOn), fact.count);
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
    const weeks = options.weeks ?? 13;
    const earliest = new Date(Math.min(from.getTime(), to.getTime() - weeks * 7 * 86_400_000));
    // One pass over the history for every window: the facts of the whole span, filtered per window below.
    const facts = await listCarrierStatsFacts(tx, { from: earliest, to });
    const rolling = computeCarrierStats(facts, { from, to }, "ROLLING_90", now);
    await replaceCarrierStats(tx, "ROLLING_90", null, rolling);
    let weekly = 0;
    for (let w = 0; w < weeks; w++) {
      const weekTo = new Date(to.getTime() - w * 7 * 86_400_000);
      const weekFrom = new Date(weekTo.getTime() - 7 * 86_400_000);
      const rows = computeCarrierStats(facts, { from: weekFrom, to: weekTo }, "WEEK", now);
      await replaceCarrierStats(tx, "WEEK", weekFrom.toISOString().slice(0, 10), rows);
      weekly += rows.length;
    }
    return { rolling: rolling.length, weekly, skipped: false };
  });
}
