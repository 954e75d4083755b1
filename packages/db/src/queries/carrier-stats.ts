import { and, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import {
  type CarrierStatsRow,
  carrierAccountFormats,
  carrierStats,
  type NewCarrierStatsRow,
} from "../schema/carrier-stats";

export type { CarrierStatsRow, NewCarrierStatsRow } from "../schema/carrier-stats";

/** A statistics period over submission time: `[from, to)`. */
export interface StatsPeriod {
  from: Date;
  to: Date;
}

/** Orders submitted in the period per (carrier, port type): submitted, first time right, rejected per reason. */
export async function countCarrierSubmissions(db: DbOrTx, period: StatsPeriod) {
  const result = await db.execute<{
    carrier_id: string;
    port_type: string;
    submitted: number;
    first_time_right: number;
    by_reason: Record<string, number> | null;
  }>(sql`
    with submitted as (
      select o.id, o.carrier_id, coalesce(o.port_type, 'AUTOMATED') as port_type
      from port_orders o
      where o.carrier_id is not null
        and exists (select 1 from order_history h where h.order_id = o.id and h.to_status = 'SUBMITTED'
                    and h.at >= ${period.from} and h.at < ${period.to})
        and not exists (select 1 from order_history h where h.order_id = o.id and h.to_status = 'SUBMITTED'
                        and h.at < ${period.from})
    ),
    reasons as (
      select r.order_id, r.reason from rejections r join submitted s on s.id = r.order_id group by r.order_id, r.reason
    ),
    per_reason as (
      select s.carrier_id, s.port_type, r.reason, count(*)::int as n
      from reasons r join submitted s on s.id = r.order_id group by s.carrier_id, s.port_type, r.reason
    )
    select s.carrier_id, s.port_type, count(*)::int as submitted,
           count(*) filter (where not exists (select 1 from rejections r where r.order_id = s.id))::int as first_time_right,
           (select jsonb_object_agg(p.reason, p.n) from per_reason p
             where p.carrier_id = s.carrier_id and p.port_type = s.port_type) as by_reason
    from submitted s
    group by s.carrier_id, s.port_type`);
  return result.rows.map((r) => ({
    carrierId: r.carrier_id,
    portType: r.port_type,
    submitted: r.submitted,
    firstTimeRight: r.first_time_right,
    rejectedOrdersByReason: r.by_reason ?? {},
  }));
}

/**
 * Eastern dates of submission and of the first FOC (and whether it fell on the requested date) and of completion,
 * counted per distinct (carrier, port type, dates): a few thousand groups, so the business days are counted by the
 * domain's calendar on the caller's side.
 */
export async function listCarrierDurations(db: DbOrTx, period: StatsPeriod) {
  const result = await db.execute<{
    carrier_id: string;
    port_type: string;
    submitted_on: string;
    foc_on: string | null;
    on_requested: boolean | null;
    complete_on: string | null;
    n: number;
  }>(sql`
    with firsts as (
      select h.order_id,
             min(h.at) filter (where h.to_status = 'SUBMITTED') as submitted_at,
             min(h.at) filter (where h.to_status = 'FOC') as foc_at,
             min(h.at) filter (where h.to_status = 'COMPLETE') as complete_at
      from order_history h
      where h.to_status in ('SUBMITTED', 'FOC', 'COMPLETE') and h.at >= ${period.from}
      group by h.order_id
    )
    select o.carrier_id, coalesce(o.port_type, 'AUTOMATED') as port_type,
           to_char(f.submitted_at at time zone 'America/New_York', 'YYYY-MM-DD') as submitted_on,
           to_char(f.foc_at at time zone 'America/New_York', 'YYYY-MM-DD') as foc_on,
           case when f.foc_at is null or o.requested_foc_at is null then null
                else (o.requested_foc_at at time zone 'America/New_York')::date
                     = (o.foc_at at time zone 'America/New_York')::date end as on_requested,
           to_char(f.complete_at at time zone 'America/New_York', 'YYYY-MM-DD') as complete_on,
           count(*)::int as n
    from firsts f join port_orders o on o.id = f.order_id
    where f.submitted_at >= ${period.from} and f.submitted_at < ${period.to} and o.carrier_id is not null
    group by 1, 2, 3, 4, 5, 6`);
  return result.rows.map((r) => ({
    carrierId: r.carrier_id,
    portType: r.port_type,
    submittedOn: r.submitted_on,
    focOn: r.foc_on,
    onRequested: r.on_requested,
    completeOn: r.complete_on,
    count: r.n,
  }));
}

/** Replaces a window's rows (of one period start when given; all of the window otherwise). */
export async function replaceCarrierStats(
  db: DbOrTx,
  window: string,
  periodFrom: string | null,
  rows: NewCarrierStatsRow[],
) {
  await db
    .delete(carrierStats)
    .where(
      periodFrom === null
        ? eq(carrierStats.window, window)
        : and(eq(carrierStats.window, window), eq(carrierStats.periodFrom, periodFrom)),
    );
  if (rows.length > 0) {
    await db.insert(carrierStats).values(rows);
  }
}

/** The latest rolling statistics of the given carriers (every port type and 'ALL'). */
export async function findLatestCarrierStats(db: DbOrTx, carrierIds: readonly string[]): Promise<CarrierStatsRow[]> {
  if (carrierIds.length === 0) {
    return [];
  }
  return db
    .select()
    .from(carrierStats)
    .where(and(eq(carrierStats.window, "ROLLING_90"), inArray(carrierStats.carrierId, [...carrierIds])));
}

/** The weekly trend of one carrier, oldest first. */
export async function listCarrierWeeklyStats(db: DbOrTx, carrierId: string): Promise<CarrierStatsRow[]> {
  return db
    .select()
    .from(carrierStats)
    .where(and(eq(carrierStats.window, "WEEK"), eq(carrierStats.carrierId, carrierId)))
    .orderBy(carrierStats.periodFrom, carrierStats.portType);
}

/** Known account number lengths of the given carriers. */
export async function findCarrierAccountFormats(db: DbOrTx, carrierIds: readonly string[]) {
  if (carrierIds.length === 0) {
    return [];
  }
  return db
    .select()
    .from(carrierAccountFormats)
    .where(inArray(carrierAccountFormats.carrierId, [...carrierIds]));
}

/** Takes the statistics job's transaction lock; false when another worker is computing them now. */
export async function tryLockCarrierStats(db: DbOrTx): Promise<boolean> {
  const result = await db.execute<{ locked: boolean }>(
    sql`select pg_try_advisory_xact_lock(hashtext('carrier_stats')) as locked`,
  );
  return result.rows[0]?.locked === true;
}
