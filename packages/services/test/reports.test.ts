import { createDb, type DbHandle, durationBinsDays } from "@portway/db";
import { bulkSeedOrders, createTestDatabase, type TestDatabase } from "@portway/db/testing";
import { easternToEpoch } from "@portway/domain";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { fixedClock } from "../src/clock";
import { buildReports, seedDemoData, seedNumberingData } from "../src/index";

/**
 * The reports page's aggregates, checked against straightforward reference statements (one per chart) on a few
 * thousand orders spread over a year, with FOC/completion history (some of it repeated), rejections and orders
 * without a carrier.
 */
let database: TestDatabase;
let handle: DbHandle;
const clock = fixedClock(new Date("2024-12-20T15:00:00Z"));

beforeAll(async () => {
  database = await createTestDatabase("reports", inject("databaseUrl"));
  handle = createDb(database.url, { max: 4 });
  await seedDemoData(handle.db, { production: false });
  await seedNumberingData(handle.db);
  const carrierIds = (
    await handle.pool.query<{ id: string }>("select id from carriers order by spid limit 5")
  ).rows.map((r) => r.id);
  await bulkSeedOrders(handle, { orders: 4000, tnsPerOrder: 1, accounts: 3, carrierIds });
  const client = await handle.pool.connect();
  try {
    await client.query("begin");
    await client.query("set local session_replication_role = replica");
    await client.query(`
      update port_orders set created_at = timestamptz '2024-01-01' + (abs(hashtext(id::text)) % 525600) * interval '1 minute',
                             carrier_id = case when abs(hashtext(id::text || 'c')) % 13 = 0 then null else carrier_id end
      where customer_reference like 'BENCH-%'`);
    await client.query(`
      insert into order_history (order_id, version, at, actor_kind, event, from_status, to_status)
      select id, 4, created_at + (abs(hashtext(id::text)) % 1200) * interval '17 minutes', 'PARTNER', 'FOC_RECEIVED',
             'PENDING_FOC', 'FOC'
      from port_orders where customer_reference like 'BENCH-%' and status in ('FOC', 'COMPLETE')`);
    // A second FOC (a SUPP) for some orders: the report takes the first one in the period.
    await client.query(`
      insert into order_history (order_id, version, at, actor_kind, event, from_status, to_status)
      select order_id, 6, at + interval '3 days', 'PARTNER', 'FOC_RECEIVED', 'SUPP_PENDING', 'FOC'
      from order_history where to_status = 'FOC' and abs(hashtext(order_id::text || 's')) % 5 = 0`);
    await client.query(`
      insert into order_history (order_id, version, at, actor_kind, event, from_status, to_status)
      select o.id, 5, h.at + (2 + abs(hashtext(o.id::text)) % 8) * interval '1 day', 'PARTNER', 'TNS_ACTIVATED',
             'FOC', 'COMPLETE'
      from port_orders o join order_history h on h.order_id = o.id and h.to_status = 'FOC' and h.version = 4
      where o.customer_reference like 'BENCH-%' and o.status = 'COMPLETE'`);
    await client.query(`
      insert into rejections (order_id, code, reason, raw_text, carrier_id, received_at)
      select id, 'TEST', (array['ADDRESS_MISMATCH','NAME_MISMATCH','PIN','OTHER'])[1 + abs(hashtext(id::text)) % 4],
             'TEST REJECTION', case when abs(hashtext(id::text)) % 3 = 0 then null else carrier_id end,
             created_at + (abs(hashtext(id::text)) % 40) * interval '1 day'
      from port_orders
      where customer_reference like 'BENCH-%' and (status = 'EXCEPTION' or abs(hashtext(id::text || 'r')) % 5 = 0)`);
    // A second rejection (same reason) for some orders: the reason's order count counts them once.
    await client.query(`
      insert into rejections (order_id, code, reason, raw_text, carrier_id, received_at)
      select order_id, code, reason, raw_text, carrier_id, received_at + interval '2 days'
      from rejections where abs(hashtext(order_id::text || 'x')) % 3 = 0`);
    await client.query("commit");
    await client.query("analyze");
  } finally {
    client.release();
  }
}, 120_000);
afterAll(async () => {
  await handle?.close();
});

const binCase = `case ${durationBinsDays.map((limit, i) => `when days < ${limit} then ${i}`).join(" ")} else ${durationBinsDays.length} end`;

async function reference(from: string, to: string) {
  const range = [new Date(easternToEpoch(from, 0)), new Date(easternToEpoch(to, 0) + 86_400_000)];
  const q = async <T>(text: string, values: unknown[] = range) =>
    (await handle.pool.query(text, values)).rows as unknown as T[];
  const status = await q<{ day: string; status: string; orders: number }>(
    `select to_char(date_trunc('week', created_at at time zone 'America/New_York'), 'YYYY-MM-DD') as day, status,
            count(*)::int as orders
     from port_orders where created_at >= $1 and created_at < $2 and status <> 'DRAFT' group by 1, 2`,
  );
  const durations = await q<{ kind: string; bin: number | null; orders: number; median: number; p90: number }>(`
    with firsts as (
      select order_id, min(at) filter (where to_status = 'FOC') as foc_at,
             min(at) filter (where to_status = 'COMPLETE') as complete_at
      from order_history where to_status in ('FOC', 'COMPLETE') and at >= $1 and at < $2 group by order_id),
    d as (
      select k.kind, greatest(0, extract(epoch from (k.at - o.created_at)) / 86400.0) as days
      from firsts f join port_orders o on o.id = f.order_id
      cross join lateral (values ('FOC', f.foc_at), ('COMPLETE', f.complete_at)) as k(kind, at) where k.at is not null)
    select kind, ${binCase} as bin, count(*)::int as orders, null::float8 as median, null::float8 as p90 from d group by 1, 2
    union all
    select kind, null, count(*)::int, percentile_cont(0.5) within group (order by days),
           percentile_cont(0.9) within group (order by days) from d group by 1`);
  const ftr = await q<{ carrier: string; spid: string | null; orders: number; firstTimeRight: number }>(`
    select coalesce(c.name, 'Unknown carrier') as carrier, c.spid, count(*)::int as orders,
           (count(*) filter (where r.order_id is null))::int as "firstTimeRight"
    from port_orders o
    left join (select distinct order_id from rejections) r on r.order_id = o.id
    left join carriers c on c.id = o.carrier_id
    where o.created_at >= $1 and o.created_at < $2 and o.status not in ('DRAFT', 'SUBMITTED')
    group by 1, 2 order by orders desc, carrier`);
  const byReason = await q<{ reason: string; rejections: number; orders: number }>(`
    select reason, count(*)::int as rejections, count(distinct order_id)::int as orders from rejections
    where received_at >= $1 and received_at < $2 group by reason order by rejections desc, reason`);
  const byCarrier = await q<{ carrier: string; spid: string | null; rejections: number }>(`
    select coalesce(c.name, 'Unknown carrier') as carrier, c.spid, count(*)::int as rejections
    from rejections r join port_orders o on o.id = r.order_id
    left join carriers c on c.id = coalesce(r.carrier_id, o.carrier_id)
    where r.received_at >= $1 and r.received_at < $2 group by 1, 2 order by rejections desc, carrier`);
  return { status, durations, ftr, byReason, byCarrier };
}

describe("reports", () => {
  for (const [from, to] of [
    ["2024-03-05", "2024-09-30"],
    ["2024-01-01", "2024-12-31"],
  ] as const) {
    it(`match the reference statements for ${from} to ${to}`, async () => {
      const view = await buildReports(handle.db, clock, { from, to });
      const ref = await reference(from, to);

      const counts = new Map<string, number>();
      view.statusByWeek.weeks.forEach((w) => {
        w.counts.forEach((n, i) => {
          if (n > 0) {
            counts.set(`${w.week}|${view.statusByWeek.statuses[i]}`, n);
          }
        });
        expect(w.total).toBe(w.counts.reduce((a, b) => a + b, 0));
      });
      expect(counts).toEqual(new Map(ref.status.map((r) => [`${r.day}|${r.status}`, r.orders])));

      expect(view.rejectionsByReason.map(({ title: _title, ...r }) => r)).toEqual(ref.byReason);
      expect(view.rejectionsByCarrier).toEqual(ref.byCarrier);
      expect(ref.byReason.some((r) => r.orders < r.rejections)).toBe(true);

      expect(view.firstTimeRight.map(({ rate: _rate, ...r }) => r)).toEqual(ref.ftr);
      expect(ref.ftr.some((r) => r.carrier === "Unknown carrier")).toBe(true);

      for (const [kind, d] of [
        ["FOC", view.timeToFoc],
        ["COMPLETE", view.timeToComplete],
      ] as const) {
        const stats = ref.durations.find((r) => r.kind === kind && r.bin === null);
        expect(d.orders).toBe(stats?.orders);
        expect(d.orders).toBeGreaterThan(100);
        expect(d.medianDays).toBeCloseTo(Number(stats?.median), 9);
        expect(d.p90Days).toBeCloseTo(Number(stats?.p90), 9);
        expect(d.bins.map((b) => b.orders)).toEqual(
          d.bins.map((_, i) => ref.durations.find((r) => r.kind === kind && r.bin === i)?.orders ?? 0),
        );
      }
    });
  }
});
