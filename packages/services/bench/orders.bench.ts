/**
 * Orders API benchmarks (not a test). Prints medians and ratios against baselines measured in the same run:
 * - submit of a 600-TN order (validate, check, persist, history, enqueue) vs a raw two-statement INSERT of the rows;
 * - a 5,000-TN project order;
 * - the orders list page (25 rows, filter + sort) and find-by-TN on 1,000,000 orders and 10,000,000 TNs.
 * Run: pnpm --filter @portway/services bench:orders  (set BENCH_ORDERS to seed fewer orders for a quick look)
 */
import { createDb } from "@portway/db";
import { bulkSeedOrders, createTestDatabase, insertRawOrder } from "@portway/db/testing";
import { fixedClock } from "../src/clock";
import {
  listOrders,
  saveDraft,
  seedDemoData,
  seedNumberingData,
  submitPortRequest,
  uploadDraftDocument,
} from "../src/index";

const clock = fixedClock(new Date("2026-12-07T15:00:00Z"));
const pdf = Buffer.from(
  "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n",
).toString("base64");

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

const tns = (npaNxx: string, first: number, count: number) =>
  Array.from({ length: count }, (_, i) => `+1${npaNxx}${String(first + i).padStart(4, "0")}`);

function submission(list: string[], reference: string, requestedFoc: string) {
  return {
    tns: list,
    btn: list[0],
    partialPort: false,
    subscriber: { type: "BUSINESS" as const, businessName: "Bench Co" },
    accountNumber: "BENCH-1",
    pin: "4321",
    serviceAddress: { houseNumber: "1", street: "Main St", city: "Boston", state: "MA" as const, zip: "02110" },
    loaAuthorizingPerson: "Bench Person",
    requestedFoc,
    onDemandActivation: false,
    customerOrderRef: reference,
  };
}

async function main() {
  const totalOrders = Number(process.env.BENCH_ORDERS ?? 1_000_000);
  const database = await createTestDatabase("bench_orders");
  const handle = createDb(database.url, { max: 4 });
  try {
    await seedDemoData(handle.db, { production: false });
    await seedNumberingData(handle.db);
    const account = (await handle.pool.query("select id from customer_accounts where slug = 'acme-voice'")).rows[0]
      .id as string;
    const user = (await handle.pool.query("select id from auth_users where account_id = $1 limit 1", [account])).rows[0]
      .id as string;
    const who = { accountId: account, userId: user };

    async function submitOrder(list: string[], reference: string, foc: string) {
      const data = submission(list, reference, foc);
      const draft = await saveDraft(handle.db, clock, who, { data });
      await uploadDraftDocument(handle.db, clock, who, {
        draftId: draft.id,
        kind: "LOA",
        fileName: "loa.pdf",
        contentBase64: pdf,
        signedAt: "2026-12-04T15:00:00Z",
      });
      return time(() => submitPortRequest(handle.db, clock, who, { draftId: draft.id, submission: data }));
    }

    const rounds = 7;
    const submitTimes: number[] = [];
    const rawTimes: number[] = [];
    for (let round = 0; round < rounds; round++) {
      rawTimes.push(await time(() => insertRawOrder(handle, account, tns("202263", round * 600, 600))));
      submitTimes.push(
        await submitOrder(tns("617253", round * 600, 600), `BENCH-600-${round}`, "2026-12-10T16:00:00.000Z"),
      );
    }
    const projectTimes: number[] = [];
    for (let round = 0; round < 2; round++) {
      projectTimes.push(
        await submitOrder(tns("512236", round * 5000, 5000), `BENCH-5000-${round}`, "2026-12-22T16:30:00.000Z"),
      );
    }
    console.log(
      `submit 600 TNs: p50 ${median(submitTimes).toFixed(1)} ms; raw INSERT baseline p50 ${median(rawTimes).toFixed(1)} ms; ratio ${(median(submitTimes) / median(rawTimes)).toFixed(2)}x (goal <= 5x)`,
    );
    console.log(`submit 5,000-TN project order: p50 ${median(projectTimes).toFixed(0)} ms`);

    const seedStart = performance.now();
    const { accountIds } = await bulkSeedOrders(handle, { orders: totalOrders, tnsPerOrder: 10, accounts: 10 });
    console.log(
      `seeded ${totalOrders.toLocaleString("en-US")} orders and ${(totalOrders * 10).toLocaleString("en-US")} TNs in ${((performance.now() - seedStart) / 1000).toFixed(0)} s`,
    );
    const benchAccount = accountIds[0] ?? account;
    const listTimes: number[] = [];
    const tnTimes: number[] = [];
    const bareTimes: number[] = [];
    for (let round = 0; round < 25; round++) {
      listTimes.push(
        await time(() =>
          listOrders(
            handle.db,
            { accountId: benchAccount },
            { page: round % 5, pageSize: 25, sort: "focAt", direction: "desc", statuses: ["COMPLETE", "FOC"] },
          ),
        ),
      );
      const k = 1000 + round * 39_979;
      const tn = `+1${200 + Math.floor(k / 8_000_000)}${200 + (Math.floor(k / 10_000) % 800)}${String(k % 10_000).padStart(4, "0")}`;
      tnTimes.push(
        await time(() =>
          listOrders(
            handle.db,
            { allAccounts: true },
            { page: 0, pageSize: 25, sort: "createdAt", direction: "desc", tn },
          ),
        ),
      );
      bareTimes.push(await time(() => handle.pool.query("select 1")));
    }
    console.log(
      `orders list page (25 rows, status filter, sort by FOC, 100k orders in the account): p50 ${median(listTimes).toFixed(1)} ms (goal <= 20 ms)`,
    );
    console.log(
      `find by TN over ${(totalOrders * 10).toLocaleString("en-US")} TNs: p50 ${median(tnTimes).toFixed(1)} ms (goal <= 5 ms)`,
    );
    console.log(`baseline round trip (select 1): p50 ${median(bareTimes).toFixed(2)} ms`);
  } finally {
    await handle.close();
    await database.teardown();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
