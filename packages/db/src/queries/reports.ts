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

/** One row of {@link reportOrdersOfPeriod}: either a (bucket, status) count or a first-time-right carrier. */
export interface OrdersOfPeriodRow {
  part: "STATUS" | "FTR";
  bucket: number | null;
  status: string | null;
  carrier: string | null;
  spid: string | null;
  orders: number;
  firstTimeRight: number | null;
}

/**
 * The two reports over the orders submitted in the period, from ONE pass over them:
 * - `STATUS` rows: orders per bucket of the period, split by the status they are in now (DRAFT excluded). The buckets
 *   are given by their start instants (e.g. each Monday 00:00 US Eastern, computed by the caller); bucket n (1-based)
 *   starts at `bucketStarts[n - 1]`, bucket 0 is the part of the period before the first start. Each bucket is read
 *   as one range of `port_orders_created_idx`, so no row needs a per-row bucket computation (converting a million
 *   timestamps to a time zone, or even a binary search over the starts, costs more than reading the rows).
 * - `FTR` rows: per losing carrier, of those orders that got past submission, how many never received a rejection
 *   (first time right); ordered by orders (descending), then carrier.
 * The pass groups the period's orders by (bucket, status, carrier, rejected), a few hundred groups; both reports are
 * sums over them.
 */
export async function reportOrdersOfPeriod(
  db: DbOrTx,
  period: ReportPeriod,
  bucketStarts: readonly Date[],
): Promise<OrdersOfPeriodRow[]> {
  // [lo, hi) of each bucket, clipped to the period; empty ones dropped.
  const edges = [period.from.getTime(), ...bucketStarts.map((d) => d.getTime()), period.to.getTime()];
  const buckets = bucketStarts
    .map((_, i) => i)
    .concat(bucketStarts.length)
    .map((n) => ({
      n,
      lo: Math.max(n === 0 ? Number.NEGATIVE_INFINITY : (edges[n] ?? 0), period.from.getTime()),
      hi: Math.min(n === bucketStarts.length ? Number.POSITIVE_INFINITY : (edges[n + 1] ?? 0), period.to.getTime()),
    }))
    .filter((b) => b.lo < b.hi);
  const list = (values: readonly (number | string)[]) => `{${values.join(",")}}`;
  const ns = list(buckets.map((b) => b.n));
  const los = list(buckets.map((b) => new Date(b.lo).toISOString()));
  const his = list(buckets.map((b) => new Date(b.hi).toISOString()));
  // The memory lets the rejected check be one hash of the rejected order IDs rather than a lookup per order.
  const result = await withReportMemory(db, (tx) =>
    tx.execute<{
      part: "STATUS" | "FTR";
      bucket: number | null;
      status: string | null;
      carrier: string | null;
      spid: string | null;
      orders: number;
      firstTimeRight: number | null;
    }>(sql`
    with agg as materialized (
      select b.n as bucket, o.status, o.carrier_id, exists (select 1 from rejections r where r.order_id = o.id) as rejected,
             count(*)::int as n
      from unnest(${ns}::int[], ${los}::timestamptz[], ${his}::timestamptz[]) as b(n, lo, hi)
      cross join lateral (
        select o.id, o.status, o.carrier_id
        from port_orders o
        where o.created_at >= b.lo and o.created_at < b.hi and o.status <> 'DRAFT'
      ) o
      group by 1, 2, 3, 4
    )
    select 'STATUS' as part, bucket, status, null::text as carrier, null::text as spid, sum(n)::int as orders,
           null::int as "firstTimeRight"
    from agg
    group by bucket, status
    union all
    select 'FTR', null, null, coalesce(c.name, 'Unknown carrier'), c.spid, sum(a.n)::int,
           (coalesce(sum(a.n) filter (where not a.rejected), 0))::int
    from agg a
    left join carriers c on c.id = a.carrier_id
    where a.status <> 'SUBMITTED'
    group by 4, 5
    order by part, bucket, status, orders desc, carrier`),
  );
  return result.rows.map((r) => ({ ...r, bucket: r.bucket === null ? null : Number(r.bucket) }));
}

/**
 * Rejections received in the period by canonical reason: per (reason, order) first, then per reason, two hash
 * aggregates rather than sorting every rejection for a `count(distinct order_id)`.
 */
export async function reportRejectionsByReason(db: DbOrTx, period: ReportPeriod) {
  const result = await withReportMemory(db, (tx) =>
    tx.execute<{ reason: string; rejections: number; orders: number }>(sql`
    select reason, sum(n)::int as rejections, count(*)::int as orders
    from (
      select reason, order_id, count(*) as n
      from rejections
      where received_at >= ${period.from} and received_at < ${period.to}
      group by reason, order_id
    ) per_order
    group by reason
    order by rejections desc, reason`),
  );
  return result.rows;
}

/**
 * Rejections received in the period by losing carrier (the rejection's carrier, else the order's). The order is
 * looked up by primary key only for a rejection without a carrier (every rejection has its order: foreign key).
 */
export async function reportRejectionsByCarrier(db: DbOrTx, period: ReportPeriod) {
  const result = await db.execute<{ carrier: string; spid: string | null; rejections: number }>(sql`
    select coalesce(c.name, 'Unknown carrier') as carrier, c.spid, count(*)::int as rejections
    from rejections r
    left join carriers c
      on c.id = coalesce(r.carrier_id, (select o.carrier_id from port_orders o where o.id = r.order_id))
    where r.received_at >= ${period.from} and r.received_at < ${period.to}
    group by 1, 2
    order by rejections desc, carrier`);
  return result.rows;
}

/** Upper bounds (in days, exclusive) of the duration histogram's bins; the last bin is open. */
export const durationBinsDays = [1, 2, 3, 5, 7, 10, 14, 21, 30] as const;

const binThresholds = sql.raw(`'{${durationBinsDays.join(",")}}'::float8[]`);

/** One bar of a duration histogram (`bin` set) or the kind's totals with median and p90 (`bin` null). */
export interface DurationRow {
  kind: "FOC" | "COMPLETE";
  bin: number | null;
  orders: number;
  median: number | null;
  p90: number | null;
}

/**
 * Time from submission to the first FOC and to completion, for orders that reached FOC (or completed) in the
 * period: a histogram in days plus median and 90th percentile.
 *
 * The period's FOC/completion rows come from a range scan of `order_history (to_status, at) include (order_id)`,
 * grouped per order (both firsts in one row), so each order is joined once; the histogram bins (`width_bucket` over
 * the bin limits: bin i counts days below `durationBinsDays[i]`, the last bin the rest) and the percentiles are
 * computed in SQL over that one set, returning a few dozen rows.
 */
export async function reportDurations(db: DbOrTx, period: ReportPeriod): Promise<DurationRow[]> {
  const result = await withReportMemory(db, (tx) =>
    tx.execute<{
      foc_bin: number | null;
      complete_bin: number | null;
      orders: number;
      foc_orders: number | null;
      complete_orders: number | null;
      foc_median: number | null;
      foc_p90: number | null;
      complete_median: number | null;
      complete_p90: number | null;
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
      -- greatest() ignores nulls, hence the explicit case: an order without one of the two stays null for it.
      -- date_part gives float8 seconds, much cheaper than extract's numeric on hundreds of thousands of rows.
      select case when f.foc_at is not null
                  then greatest(0, date_part('epoch', f.foc_at - o.created_at) / 86400) end as foc,
             case when f.complete_at is not null
                  then greatest(0, date_part('epoch', f.complete_at - o.created_at) / 86400) end as complete
      from firsts f
      join port_orders o on o.id = f.order_id
    )
    select width_bucket(foc, ${binThresholds}) as foc_bin, width_bucket(complete, ${binThresholds}) as complete_bin,
           count(*)::int as orders, null::int as foc_orders, null::int as complete_orders,
           null::float8 as foc_median, null::float8 as foc_p90, null::float8 as complete_median,
           null::float8 as complete_p90
    from d group by 1, 2
    union all
    select null, null, count(*)::int, count(foc)::int, count(complete)::int,
           percentile_cont(0.5) within group (order by foc), percentile_cont(0.9) within group (order by foc),
           percentile_cont(0.5) within group (order by complete), percentile_cont(0.9) within group (order by complete)
    from d`),
  );
  const num = (value: number | null | undefined) => (value === null || value === undefined ? null : Number(value));
  const stats = result.rows.find((r) => r.foc_orders !== null);
  const rows: DurationRow[] = [];
  for (const kind of ["FOC", "COMPLETE"] as const) {
    const bins = new Map<number, number>();
    for (const r of result.rows) {
      const bin = num(kind === "FOC" ? r.foc_bin : r.complete_bin);
      if (r.foc_orders === null && bin !== null) {
        bins.set(bin, (bins.get(bin) ?? 0) + Number(r.orders));
      }
    }
    for (const [bin, orders] of [...bins].sort((x, y) => x[0] - y[0])) {
      rows.push({ kind, bin, orders, median: null, p90: null });
    }
    const orders = num(kind === "FOC" ? stats?.foc_orders : stats?.complete_orders) ?? 0;
    if (orders > 0) {
      rows.push({
        kind,
        bin: null,
        orders,
        median: num(kind === "FOC" ? stats?.foc_median : stats?.complete_median),
        p90: num(kind === "FOC" ? stats?.foc_p90 : stats?.complete_p90),
      });
    }
  }
  return rows;
}
