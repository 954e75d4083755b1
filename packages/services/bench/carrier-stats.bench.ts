/**
 * Carrier statistics benchmark (not a test): the worker's statistics job (rolling 90 days and 13 weekly windows, in
 * one transaction) over 1,000,000 orders all submitted in the last 90 days (the worst case: every order is in the
 * window), and what the wizard's review step adds to read the statistics (the risk warnings service, p50).
 * Baselines measured in the same run: a bare count of the order history, and a one-row primary key read.
 * Data: `bulkSeedOrders`, then a SUBMITTED entry for every order spread over the last 90 days, FOC and completion
 * entries for orders at FOC or complete, rejections for one order in eight.
 * Run: pnpm --filter @portway/services bench:carrier-stats  (BENCH_ORDERS to seed fewer orders for a quick look)
 */
import { createDb } from "@portway/db";
import { bulkSeedOrders, createTestDatabase } from "@portway/db/testing";
import { refreshCarrierStats, rejectionRiskWarnings, seedDemoData, seedNumberingData } from "../src/index";

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
  const now = new Date("2026-12-03T15:00:00Z");
  const database = await createTestDatabase("bench_carrier_stats");
  const handle = createDb(database.url, { max: 8 });
  try {
    await seedDemoData(handle.db, { production: false });
    await seedNumberingData(handle.db);
    const seedStart = performance.now();
    const carriers = (
      await handle.pool.query<{ id: string; spid: string }>("select id, spid from carriers order by spid")
    ).rows;
    await bulkSeedOrders(handle, {
      orders: totalOrders,
      tnsPerOrder: 1,
      accounts: 20,
      carrierIds: carriers.map((c) => c.id),
    });
    const client = await handle.pool.connect();
    try {
      await client.query("begin");
      await client.query("set local session_replication_role = replica");
      await client.query(
        `insert into order_history (order_id, version, at, actor_kind, event, from_status, to_status)
         select id, 2, $1::timestamptz - (abs(hashtext(id::text)) % (89 * 24 * 60)) * interval '1 minute',
                'USER', 'SUBMIT', 'DRAFT', 'SUBMITTED'
         from port_orders where customer_reference like 'BENCH-%'`,
        [now],
      );
      await client.query(`
        insert into order_history (order_id, version, at, actor_kind, event, from_status, to_status)
        select o.id, 5, h.at + (1 + abs(hashtext(o.id::text)) % 12) * interval '1 day', 'PARTNER', 'FOC_RECEIVED',
               'PENDING_FOC', 'FOC'
        from port_orders o join order_history h on h.order_id = o.id and h.to_status = 'SUBMITTED'
        where o.customer_reference like 'BENCH-%' and o.status in ('FOC', 'COMPLETE')`);
      await client.query(`
        insert into order_history (order_id, version, at, actor_kind, event, from_status, to_status)
        select o.id, 7, h.at + (1 + abs(hashtext(o.id::text)) % 5) * interval '1 day', 'PARTNER', 'TNS_ACTIVATED',
               'FOC', 'COMPLETE'
        from port_orders o join order_history h on h.order_id = o.id and h.to_status = 'FOC'
        where o.customer_reference like 'BENCH-%' and o.status = 'COMPLETE'`);
      await client.query(`
        insert into rejections (order_id, code, reason, raw_text, carrier_id, received_at)
        select id, 'BENCH',
               (array['ADDRESS_MISMATCH','NAME_MISMATCH','ACCOUNT_NUMBER','PIN','BTN','OTHER'])[1 + abs(hashtext(id::text)) % 6],
               'BENCH REJECTION', carrier_id, created_at + interval '1 day'
        from port_orders
        where customer_reference like 'BENCH-%' and (status = 'EXCEPTION' or abs(hashtext(id::text || 'r')) % 8 = 0)`);
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

    const jobTimes: number[] = [];
    const scanTimes: number[] = [];
    let written = { rolling: 0, weekly: 0 };
    for (let round = 0; round < 3; round++) {
      jobTimes.push(
        await time(async () => {
          const result = await refreshCarrierStats(handle.db, now);
          written = { rolling: result.rolling, weekly: result.weekly };
        }),
      );
      scanTimes.push(await time(() => handle.pool.query("select to_status, count(*) from order_history group by 1")));
    }
    const submitted = (
      await handle.pool.query<{ n: number }>(
        `select sum(orders_submitted)::int as n from carrier_stats where "window" = 'ROLLING_90' and port_type = 'ALL'`,
      )
    ).rows[0]?.n;
    console.log(
      `statistics job (rolling 90 days + 13 weeks, ${written.rolling} rolling and ${written.weekly} weekly rows, ${(submitted ?? 0).toLocaleString("en-US")} orders counted): p50 ${(median(jobTimes) / 1000).toFixed(1)} s (goal < 60 s); baseline history count by status p50 ${(median(scanTimes) / 1000).toFixed(2)} s; ratio ${(median(jobTimes) / median(scanTimes)).toFixed(1)}x`,
    );

    const account = (await handle.pool.query<{ id: string }>("select id from customer_accounts limit 1")).rows[0];
    const orders = carriers.slice(0, 2).map((c) => ({ carrierSpid: c.spid, portType: "AUTOMATED" }));
    const readTimes: number[] = [];
    const keyTimes: number[] = [];
    for (let i = 0; i < 220; i++) {
      const read = await time(() =>
        rejectionRiskWarnings(handle.db, {
          accountId: account?.id ?? "",
          now,
          orders,
          accountNumber: "123",
          pin: null,
        }),
      );
      const key = await time(() =>
        handle.pool.query("select id from carriers where spid = $1", [orders[0]?.carrierSpid]),
      );
      if (i >= 20) {
        readTimes.push(read);
        keyTimes.push(key);
      }
    }
    console.log(
      `review step's risk read (two carriers): p50 ${median(readTimes).toFixed(2)} ms (goal < 5 ms); baseline one-row read p50 ${median(keyTimes).toFixed(2)} ms; ratio ${(median(readTimes) / median(keyTimes)).toFixed(1)}x`,
    );
  } finally {
    await handle.close();
    await database.teardown();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
