/**
 * Reports benchmark (not a test): the server time to build the whole reports page data (every chart's aggregate) on
 * 1,000,000 orders, against a baseline measured in the same run: a bare full scan of the orders (count by status).
 * Data: `bulkSeedOrders` (1,000,000 orders over ~694 days, losing carriers of the sample dataset), plus, for this
 * report, FOC and completion history for orders that reached them, and rejections for one order in six.
 * Run: pnpm --filter @portway/services bench:reports  (set BENCH_ORDERS to seed fewer orders for a quick look)
 */
import { createDb } from "@portway/db";
import { bulkSeedOrders, createTestDatabase } from "@portway/db/testing";
import { fixedClock } from "../src/clock";
import { buildReports, seedDemoData, seedNumberingData } from "../src/index";

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

async function main() {
  const totalOrders = Number(process.env.BENCH_ORDERS ?? 1_000_000);
  const database = await createTestDatabase("bench_reports");
  const handle = createDb(database.url, { max: 8 });
  try {
    await seedDemoData(handle.db, { production: false });
    await seedNumberingData(handle.db);
    const seedStart = performance.now();
    const carrierIds = (await handle.pool.query<{ id: string }>("select id from carriers order by spid")).rows.map(
      (r) => r.id,
    );
    await bulkSeedOrders(handle, { orders: totalOrders, tnsPerOrder: 1, accounts: 20, carrierIds });
    const client = await handle.pool.connect();
    try {
      await client.query("begin");
      await client.query("set local session_replication_role = replica");
      // First FOC 1-12 days after submission for orders at FOC or complete; completion 2-9 days after that.
      await client.query(`
        insert into order_history (order_id, version, at, actor_kind, event, from_status, to_status)
        select id, 4, created_at + (1 + abs(hashtext(id::text)) % 12) * interval '1 day', 'PARTNER', 'FOC_RECEIVED',
               'PENDING_FOC', 'FOC'
        from port_orders where customer_reference like 'BENCH-%' and status in ('FOC', 'COMPLETE')`);
      await client.query(`
        insert into order_history (order_id, version, at, actor_kind, event, from_status, to_status)
        select o.id, 5, h.at + (2 + abs(hashtext(o.id::text)) % 8) * interval '1 day', 'PARTNER', 'TNS_ACTIVATED',
               'FOC', 'COMPLETE'
        from port_orders o join order_history h on h.order_id = o.id and h.to_status = 'FOC'
        where o.customer_reference like 'BENCH-%' and o.status = 'COMPLETE'`);
      // Rejections: every order in EXCEPTION, and one in ten of the others; reasons spread over the canonical set.
      await client.query(`
        insert into rejections (order_id, code, reason, raw_text, carrier_id, received_at)
        select id, 'BENCH',
               (array['ADDRESS_MISMATCH','NAME_MISMATCH','ACCOUNT_NUMBER','PIN','BTN','PENDING_ORDER','FREEZE',
                      'NOT_PORTABLE','FOC_DATE_REFUSED','LOA_PROBLEM','OTHER'])[1 + abs(hashtext(id::text)) % 11],
               'BENCH REJECTION', carrier_id, created_at + interval '1 day'
        from port_orders
        where customer_reference like 'BENCH-%' and (status = 'EXCEPTION' or abs(hashtext(id::text || 'r')) % 10 = 0)`);
      await client.query("commit");
      for (const table of ["port_orders", "order_history", "rejections"]) {
        await client.query(`vacuum analyze ${table}`);
      }
    } finally {
      client.release();
    }
    const counts = (
      await handle.pool.query(
        "select (select count(*) from port_orders)::int as orders, (select count(*) from order_history)::int as history, (select count(*) from rejections)::int as rejections",
      )
    ).rows[0];
    console.log(
      `seeded ${counts.orders.toLocaleString("en-US")} orders, ${counts.history.toLocaleString("en-US")} history rows, ${counts.rejections.toLocaleString("en-US")} rejections in ${((performance.now() - seedStart) / 1000).toFixed(0)} s`,
    );

    // The seeded orders run from 2024-01-01 for ~694 days; "today" is just after the last one.
    const clock = fixedClock(new Date("2025-11-26T15:00:00Z"));
    const periods = [
      { name: "default period (last 26 weeks)", input: {} },
      { name: "one year", input: { from: "2024-11-26", to: "2025-11-25" } },
    ];
    const rounds = 5;
    for (const period of periods) {
      const reportTimes: number[] = [];
      const bareTimes: number[] = [];
      await buildReports(handle.db, clock, period.input); // warm-up
      let orders = 0;
      for (let round = 0; round < rounds; round++) {
        reportTimes.push(
          await time(async () => {
            const view = await buildReports(handle.db, clock, period.input);
            orders = view.statusByWeek.weeks.reduce((sum, w) => sum + w.total, 0);
          }),
        );
        bareTimes.push(await time(() => handle.pool.query("select status, count(*) from port_orders group by status")));
      }
      console.log(
        `reports page data, ${period.name}, ${orders.toLocaleString("en-US")} orders in the period: p50 ${median(reportTimes).toFixed(0)} ms (goal < 2,000 ms); baseline full scan count by status p50 ${median(bareTimes).toFixed(0)} ms; ratio ${(median(reportTimes) / median(bareTimes)).toFixed(2)}x`,
      );
    }
  } finally {
    await handle.close();
    await database.teardown();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
