/**
 * Admin search benchmarks (not a test): the staff procedures as the admin portal calls them (tRPC caller, service,
 * queries), on a database of BENCH_ORDERS orders (1,000,000 by default) with 10 TNs each (10,000,000 TNs), spread over
 * 10 accounts and the sample carriers. Prints the median of each against a `select 1` round trip in the same run:
 * - the header's search box given a TN typed as "(NPA) NXX-XXXX" (goal < 20 ms);
 * - the same box given a PON (goal < 20 ms);
 * - the orders page: 25 rows of every account, filtered by status and losing carrier, newest first (goal < 50 ms);
 * - the orders page filtered by assignee, and by a TN.
 * Run: pnpm --filter @portway/admin bench:search  (BENCH_ORDERS=100000 for a quick look)
 */
import { createAdminCaller } from "@portway/api/admin";
import { createDb } from "@portway/db";
import { bulkSeedOrders, createTestDatabase } from "@portway/db/testing";
import { parseTn } from "@portway/domain";
import { fixedClock, seedDemoData, seedNumberingData } from "@portway/services";

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

async function p50(rounds: number, fn: (round: number) => Promise<unknown>): Promise<number> {
  await fn(0);
  const times: number[] = [];
  for (let round = 1; round <= rounds; round++) {
    const start = performance.now();
    await fn(round);
    times.push(performance.now() - start);
  }
  return median(times);
}

function typed(tn: string): string {
  return `(${tn.slice(2, 5)}) ${tn.slice(5, 8)}-${tn.slice(8)}`;
}

async function main() {
  const totalOrders = Number(process.env.BENCH_ORDERS ?? 1_000_000);
  const rounds = Number(process.env.BENCH_ROUNDS ?? 41);
  const database = await createTestDatabase("bench_admin_search");
  const handle = createDb(database.url, { max: 4 });
  try {
    await seedDemoData(handle.db, { production: false });
    await seedNumberingData(handle.db);
    const carrierIds = (await handle.pool.query<{ id: string }>("select id from carriers order by spid")).rows.map(
      (r) => r.id,
    );
    const seedStart = performance.now();
    await bulkSeedOrders(handle, { orders: totalOrders, tnsPerOrder: 10, accounts: 10, carrierIds });
    // Every 7th order of the seed is assigned to the demo analyst, as a busy desk would have it.
    await handle.pool.query(
      "update port_orders set assigned_to = 'demo-analyst-portway' where customer_reference like 'BENCH-%' and (substr(customer_reference, 7))::int % 7 = 0",
    );
    await handle.pool.query("vacuum analyze port_orders");
    const seedSeconds = (performance.now() - seedStart) / 1000;
    const counts = (
      await handle.pool.query<{ orders: string; tns: string }>(
        "select (select count(*) from port_orders) as orders, (select count(*) from port_order_tns) as tns",
      )
    ).rows[0];

    // Lookup targets spread over the table: TNs that the domain's parser accepts, and their orders' PONs.
    const probes: { tn: string; pon: string }[] = [];
    for (let i = 1; probes.length < rounds + 1 && i < 10 * (rounds + 1); i++) {
      const g = Math.max(1, Math.floor((totalOrders * i) / (10 * (rounds + 1))) + 17);
      const row = (
        await handle.pool.query<{ tn: string; pon: string }>(
          "select t.tn, o.pon from port_orders o join port_order_tns t on t.order_id = o.id where o.id = md5('order' || $1::text)::uuid limit 1",
          [g],
        )
      ).rows[0];
      if (row && parseTn(typed(row.tn)).ok) {
        probes.push(row);
      }
    }
    const probe = (round: number) => probes[round % probes.length] ?? { tn: "", pon: "" };
    const caller = createAdminCaller({
      db: handle.db,
      clock: fixedClock(new Date("2026-12-07T15:00:00Z")),
      identity: {
        kind: "staff",
        userId: "demo-analyst-portway",
        name: "Ana Analyst",
        email: "analyst@portway.test",
        role: "analyst",
      },
      config: { partnerUrl: "http://127.0.0.1:9" },
    });

    const first = await caller.search.find({ q: typed(probe(1).tn) });
    if (!first.goTo) {
      throw new Error(`a TN lookup must find its one order: ${JSON.stringify(first).slice(0, 300)}`);
    }
    const baseline = await p50(rounds, () => handle.pool.query("select 1"));
    const tnLookup = await p50(rounds, (round) => caller.search.find({ q: typed(probe(round).tn) }));
    const ponLookup = await p50(rounds, (round) => caller.search.find({ q: probe(round).pon }));
    const filteredPage = await p50(rounds, (round) =>
      caller.search.orders({
        statuses: ["EXCEPTION"],
        carrierId: carrierIds[round % carrierIds.length],
        pageSize: 25,
        sort: "createdAt",
        direction: "desc",
      }),
    );
    const assigneePage = await p50(rounds, () =>
      caller.search.orders({ assignee: "demo-analyst-portway", statuses: ["FOC", "PENDING_FOC"], pageSize: 25 }),
    );
    const tnPage = await p50(rounds, (round) => caller.search.orders({ tn: typed(probe(round).tn), pageSize: 25 }));

    const fmt = (ms: number) => `${ms.toFixed(2)} ms`;
    const ratio = (ms: number) => `${(ms / baseline).toFixed(1)}x`;
    console.info(
      `seeded ${Number(counts?.orders).toLocaleString("en-US")} orders, ${Number(counts?.tns).toLocaleString("en-US")} TNs in ${seedSeconds.toFixed(0)} s; ${rounds} rounds each`,
    );
    console.info(`select 1 round trip            p50 ${fmt(baseline)}`);
    console.info(`search box, TN "(NPA) NXX-XXXX" p50 ${fmt(tnLookup)}  (${ratio(tnLookup)}; goal < 20 ms)`);
    console.info(`search box, PON                p50 ${fmt(ponLookup)}  (${ratio(ponLookup)}; goal < 20 ms)`);
    console.info(`orders page, status + carrier  p50 ${fmt(filteredPage)}  (${ratio(filteredPage)}; goal < 50 ms)`);
    console.info(`orders page, assignee + status p50 ${fmt(assigneePage)}  (${ratio(assigneePage)})`);
    console.info(`orders page, TN filter         p50 ${fmt(tnPage)}  (${ratio(tnPage)})`);
  } finally {
    await handle.close();
    await database.teardown();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
