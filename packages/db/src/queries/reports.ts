import { sql } from "drizzle-orm";
import type { DbOrTx } from "../client";

/**
 * Runs one report statement with enough memory for its hash aggregates (hundreds of thousands of groups on a large
 * database), so they do not spill to disk; the setting ends with the statement's transaction.
 */
function withReportMemory<T>(db: DbOrTx, run: (tx: DbOrTx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local work_mem = '64MB'`);
    return run(tx);
  });
}

/** A report period: `[from, to)`. */
export interface ReportPeriod {
  from: Date;
  to: Date;
}

/**
 * Orders submitted per bucket of the period, split by the status they are in now. The buckets are given by their
 * start instants (e.g. each Monday 00:00 US Eastern, computed by the caller): bucketing by a sorted list is a binary
 * search per row, much cheaper than converting a million timestamps to a time zone.
 */
export async function reportOrdersByStatusPerBucket(db: DbOrTx, period: ReportPeriod, bucketStarts: readonly Date[]) {
  const thresholds = `{${bucketStarts.map((d) => d.toISOString()).join(",")}}`;
  const result = await db.execute<{ bucket: number; status: string; orders: number }>(sql`
    select width_bucket(created_at, ${thresholds}::timestamptz[]) as bucket, status, count(*)::int as orders
    from port_orders
    where created_at >= ${period.from} and created_at < ${period.to} and status <> 'DRAFT'
    group by 1, 2
    order by 1, 2`);
  return result.rows.map((r) => ({ ...r, bucket: Number(r.bucket) }));
}

/** Rejections received in the period by canonical reason. */
export async function reportRejectionsByReason(db: DbOrTx, period: ReportPeriod) {
  const result = await db.execute<{ reason: string; rejections: number; orders: number }>(sql`
    select reason, count(*)::int as rejections, count(distinct order_id)::int as orders
    from rejections
    where received_at >= ${period.from} and received_at < ${period.to}
    group by reason
    order by rejections desc, reason`);
  return result.rows;
}

/** Rejections received in the period by losing carrier (the rejection's carrier, else the order's). */
export async function reportRejectionsByCarrier(db: DbOrTx, period: ReportPeriod) {
  const result = await db.execute<{ carrier: string; spid: string | null; rejections: number }>(sql`
    select coalesce(c.name, 'Unknown carrier') as carrier, c.spid, count(*)::int as rejections
    from rejections r
    join port_orders o on o.id = r.order_id
    left join carriers c on c.id = coalesce(r.carrier_id, o.carrier_id)
    where r.received_at >= ${period.from} and r.received_at < ${period.to}
    group by 1, 2
    order by rejections desc, carrier`);
  return result.rows;
}

/** Upper bounds (in days, exclusive) of the duration histogram's bins; the last bin is open. */
export const durationBinsDays = [1, 2, 3, 5, 7, 10, 14, 21, 30] as const;

const binCase = sql.raw(
  `case ${durationBinsDays.map((limit, i) => `when days < ${limit} then ${i}`).join(" ")} else ${durationBinsDays.length} end`,
);

/**
 * Time from submission to the first FOC and to completion, for orders that reached FOC (or completed) in the
 * period: a histogram in days plus median and 90th percentile.
 */
export async function reportDurations(db: DbOrTx, period: ReportPeriod) {
  const result = await withReportMemory(db, (tx) =>
    tx.execute<{
      kind: "FOC" | "COMPLETE";
      bin: number | null;
      orders: number;
      median: number | null;
      p90: number | null;
    }>(sql`
    with firsts as (
      select h.order_id,
             min(h.at) filter (where h.to_status = 'FOC') as foc_at,
             min(h.at) filter (where h.to_status = 'COMPLETE') as complete_at
      from order_history h
      where h.to_status in ('FOC', 'COMPLETE') and h.at >= ${period.from} and h.at < ${period.to}
      group by h.order_id
    ),
    d as materialized (
      select k.kind, greatest(0, extract(epoch from (k.at - o.created_at)) / 86400.0) as days
      from firsts f
      join port_orders o on o.id = f.order_id
      cross join lateral (values ('FOC', f.foc_at), ('COMPLETE', f.complete_at)) as k(kind, at)
      where k.at is not null
    )
    select kind, ${binCase} as bin, count(*)::int as orders, null::float8 as median, null::float8 as p90
    from d group by 1, 2
    union all
    select kind, null, count(*)::int, percentile_cont(0.5) within group (order by days),
           percentile_cont(0.9) within group (order by days)
    from d group by 1`),
  );
  return result.rows.map((r) => ({
    ...r,
    bin: r.bin === null ? null : Number(r.bin),
    median: r.median === null ? null : Number(r.median),
    p90: r.p90 === null ? null : Number(r.p90),
  }));
}

/**
 * Per losing carrier, of the orders submitted in the period that got past submission: how many never received a
 * rejection (first time right).
 */
export async function reportFirstTimeRight(db: DbOrTx, period: ReportPeriod) {
  const result = await withReportMemory(db, (tx) =>
    tx.execute<{ carrier: string; spid: string | null; orders: number; firstTimeRight: number }>(sql`
    select coalesce(c.name, 'Unknown carrier') as carrier, c.spid, count(*)::int as orders,
           (count(*) filter (where r.order_id is null))::int as "firstTimeRight"
    from port_orders o
    left join (select distinct order_id from rejections) r on r.order_id = o.id
    left join carriers c on c.id = o.carrier_id
    where o.created_at >= ${period.from} and o.created_at < ${period.to}
      and o.status not in ('DRAFT', 'SUBMITTED')
    group by 1, 2
    order by orders desc, carrier`),
  );
  return result.rows;
}
