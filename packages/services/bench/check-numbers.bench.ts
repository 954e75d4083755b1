/**
 * Benchmark of the portability check (SPEC 4): checking 10,000 numbers against the sample numbering dataset, with
 * 100,000 TNs in active orders. Baselines measured in the same run: the bare SQL of the block lookup, and of the
 * block lookup plus the active-order lookup. Goal: the check's median at most 300 ms.
 *
 * Run from the repository root: `npx tsx packages/services/bench/check-numbers.bench.ts`
 * (uses DATABASE_URL when set, otherwise a throw-away embedded PostgreSQL).
 */
import { performance } from "node:perf_hooks";
import { createDb, customerAccounts, portOrders, portOrderTns } from "@portway/db";
import { createTestDatabase } from "@portway/db/testing";
import { parseTns } from "@portway/domain";
import { buildSampleNumberingDataset, checkNumbers, seedNumberingData } from "../src/numbering/index";

const RUNS = 21;
const WARMUP = 3;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function measure(label: string, run: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < WARMUP; i++) {
    await run();
  }
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  const p50 = median(times);
  console.log(`${label.padEnd(58)} p50 ${p50.toFixed(1).padStart(7)} ms   min ${Math.min(...times).toFixed(1)} ms`);
  return p50;
}

/** 10,000 numbers as a customer pastes them: one per line, mixed formats, spread over 200 blocks. */
function buildInput(): string {
  const blocks = buildSampleNumberingDataset().blocks.slice(0, 200);
  const lines: string[] = [];
  blocks.forEach((block, b) => {
    for (let i = 0; i < 50; i++) {
      const line = String(1000 + i * 7 + b).padStart(4, "0");
      const formats = [
        `(${block.npa}) ${block.nxx}-${line}`,
        `${block.npa}${block.nxx}${line}`,
        `+1 ${block.npa} ${block.nxx} ${line}`,
        `${block.npa}.${block.nxx}.${line}`,
      ];
      lines.push(formats[i % formats.length] ?? "");
    }
  });
  return lines.join("\n");
}

async function main() {
  const database = await createTestDatabase("bench_numbering");
  const handle = createDb(database.url, { max: 4 });
  try {
    await seedNumberingData(handle.db);
    const [account] = await handle.db
      .insert(customerAccounts)
      .values({ name: "Bench", slug: "bench-numbering" })
      .returning();
    const [order] = await handle.db
      .insert(portOrders)
      .values({ accountId: account?.id ?? "", status: "SUBMITTED" })
      .returning();
    const accountId = account?.id ?? "";
    // 100,000 active TNs in blocks the input does not touch, so the index has realistic size.
    const busy = buildSampleNumberingDataset().blocks.slice(300, 310);
    for (const block of busy) {
      const rows = Array.from({ length: 10_000 }, (_, i) => ({
        orderId: order?.id ?? "",
        accountId,
        tn: `+1${block.npa}${block.nxx}${String(i).padStart(4, "0")}`,
      }));
      for (let i = 0; i < rows.length; i += 5000) {
        await handle.db.insert(portOrderTns).values(rows.slice(i, i + 5000));
      }
    }
    await handle.pool.query("analyze");

    const input = buildInput();
    const tns = parseTns(input).tns;
    const codes = [...new Set(tns.map((tn) => tn.slice(2, 8)))];
    const now = new Date("2026-11-24T15:00:00Z");
    console.log(`Portability check of ${tns.length.toLocaleString("en-US")} TNs in ${codes.length} blocks`);

    const blockSql = `select b.npa, b.nxx, b.state, b.lata, b.time_zone, r.id, r.name, r.on_net, r.partner_supported,
        c.id, c.name, c.spid, c.type, c.requires_account_number, c.requires_pin, c.min_business_days
      from number_blocks b join rate_centers r on r.id = b.rate_center_id join carriers c on c.id = b.carrier_id
      where (b.npa, b.nxx) in (select k.npa, k.nxx from unnest($1::text[], $2::text[]) as k(npa, nxx))`;
    const activeSql = "select tn, order_id, account_id from port_order_tns where active and tn = any($1::text[])";
    const npas = codes.map((c) => c.slice(0, 3));
    const nxxs = codes.map((c) => c.slice(3));

    const blockOnly = await measure("baseline: bare SQL block lookup", () => handle.pool.query(blockSql, [npas, nxxs]));
    const bothSql = await measure("baseline: bare SQL block lookup + active-order lookup", async () => {
      await handle.pool.query(blockSql, [npas, nxxs]);
      await handle.pool.query(activeSql, [tns]);
    });
    await measure("parse only (domain parseTns)", async () => parseTns(input));
    const check = await measure("checkNumbers (parse, 3 queries, answers, grouping, FOC)", () =>
      checkNumbers(handle.db, { input, accountId, now }),
    );
    const range = await measure("checkNumbers of one range 3122860000-9999", () =>
      checkNumbers(handle.db, { input: "3122860000-9999", accountId, now }),
    );
    console.log(
      `ratio check / block SQL: ${(check / blockOnly).toFixed(1)}x; check / both SQL: ${(check / bothSql).toFixed(1)}x; ` +
        `goal p50 <= 300 ms: ${check <= 300 && range <= 300 ? "met" : "NOT met"}`,
    );
  } finally {
    await handle.close();
    await database.teardown();
  }
}

await main();
