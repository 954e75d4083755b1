import { and, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import {
  type CarrierStatsRow,
  carrierAccountFormats,
  carrierStats,
  type NewCarrierStatsRow,
} from "../schema/carrier-stats";
import { carriers } from "../schema/numbering";
import { portOrders } from "../schema/orders";

export type { CarrierStatsRow, NewCarrierStatsRow } from "../schema/carrier-stats";

/** A statistics period over submission time: `[from, to)`. */
export interface StatsPeriod {
  from: Date;
  to: Date;
}

/**
 * The facts behind every statistics window of `[from, to)`, in one pass over the history: orders whose first
 * submission falls in the period, grouped by losing carrier, port type and the UTC day of that submission (windows
 * are whole UTC days), three ways at once (grouping sets):
 * - `SUBMISSIONS`: how many, with the canonical reasons each was ever rejected for (empty: first time right);
 * - `FOC`: the Eastern dates of submission and first FOC, and whether the FOC fell on the requested date;
 * - `COMPLETE`: the Eastern dates of submission and completion.
 * A few tens of thousands of rows for a million orders; the business days are counted by the domain's calendar on
 * the caller's side.
 */
export async function listCarrierStatsFacts(db: DbOrTx, period: StatsPeriod) {
  const result = await db.execute<{
    kind: "SUBMISSIONS" | "FOC" | "COMPLETE";
    carrier_id: string;
    port_type: string;
    submitted_day: string;
    reasons: string[] | null;
    submitted_on: string | null;
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
    ),
    submitted as (
      select f.order_id, o.carrier_id, coalesce(o.port_type, 'AUTOMATED') as port_type,
             to_char(f.submitted_at at time zone 'UTC', 'YYYY-MM-DD') as submitted_day,
             to_char(f.submitted_at at time zone 'America/New_York', 'YYYY-MM-DD') as submitted_on,
             to_char(f.foc_at at time zone 'America/New_York', 'YYYY-MM-DD') as foc_on,
             case when f.foc_at is null or o.requested_foc_at is null then null
                  else (o.requested_foc_at at time zone 'America/New_York')::date
                       = (o.foc_at at time zone 'America/New_York')::date end as on_requested,
             to_char(f.complete_at at time zone 'America/New_York', 'YYYY-MM-DD') as complete_on
      from firsts f join port_orders o on o.id = f.order_id
      where f.submitted_at >= ${period.from} and f.submitted_at < ${period.to} and o.carrier_id is not null
        and not exists (select 1 from order_history e where e.order_id = f.order_id and e.to_status = 'SUBMITTED'
                        and e.at < ${period.from})
    ),
    reasons as (
      select r.order_id, array_agg(distinct r.reason order by r.reason) as reasons
      from rejections r join submitted s on s.order_id = r.order_id
      group by r.order_id
    )
    select case when grouping(r.reasons) = 0 then 'SUBMISSIONS'
                when grouping(s.foc_on) = 0 then 'FOC' else 'COMPLETE' end as kind,
           s.carrier_id, s.port_type, s.submitted_day, r.reasons, s.submitted_on, s.foc_on, s.on_requested,
           s.complete_on, count(*)::int as n
    from submitted s left join reasons r on r.order_id = s.order_id
    group by grouping sets (
      (s.carrier_id, s.port_type, s.submitted_day, r.reasons),
      (s.carrier_id, s.port_type, s.submitted_day, s.submitted_on, s.foc_on, s.on_requested),
      (s.carrier_id, s.port_type, s.submitted_day, s.submitted_on, s.complete_on)
    )`);
  return result.rows.map((r) => ({
    kind: r.kind,
    carrierId: r.carrier_id,
    portType: r.port_type,
    submittedDay: r.submitted_day,
    reasons: r.reasons ?? [],
    submittedOn: r.submitted_on,
    focOn: r.foc_on,
    onRequested: r.on_requested,
    completeOn: r.complete_on,
    count: r.n,
  }));
}
export type CarrierStatsFact = Awaited<ReturnType<typeof listCarrierStatsFacts>>[number];

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

/** The losing carrier (SPID) and port type of each of an account's orders, in the order of the given IDs. */
export async function findOrderCarriers(db: DbOrTx, accountId: string, orderIds: readonly string[]) {
  if (orderIds.length === 0) {
    return [];
  }
  const rows = await db
    .select({ id: portOrders.id, carrierSpid: carriers.spid, portType: portOrders.portType })
    .from(portOrders)
    .innerJoin(carriers, eq(carriers.id, portOrders.carrierId))
    .where(and(eq(portOrders.accountId, accountId), inArray(portOrders.id, [...orderIds])));
  return orderIds.flatMap((id) => rows.filter((r) => r.id === id));
}
