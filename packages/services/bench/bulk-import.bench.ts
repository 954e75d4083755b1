/**
 * Bulk port-in benchmark (not a test): a 20,000-row CSV of 40 LSP accounts (500 on-net TNs each) validated by the
 * preview (parse, per-row checks, grouping, the services' submission preview of each account with its portability
 * check). Baseline in the same run: csv-parse alone over the same file. Prints medians and the ratio, then the time
 * of submitting the file once (one port request of every account's orders, one transaction).
 * Run: pnpm --filter @portway/services bench:bulk-import
 */
import { createDb } from "@portway/db";
import { createTestDatabase } from "@portway/db/testing";
import { parse } from "csv-parse/sync";
import { fixedClock } from "../src/clock";
import { BULK_COLUMNS, previewBulkPortIn, seedDemoData, seedNumberingData, submitBulkPortIn } from "../src/index";

const clock = fixedClock(new Date("2026-12-07T15:00:00Z"));
const ROWS = 20_000;
const PER_ACCOUNT = 500;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function bulkCsv(): string {
  const lines = [BULK_COLUMNS.join(",")];
  for (let i = 0; i < ROWS; i++) {
    const block = i < 10_000 ? "312286" : "202263";
    const line = i % 10_000;
    const first = Math.floor(line / PER_ACCOUNT) * PER_ACCOUNT;
    const tn = `${block}${String(line).padStart(4, "0")}`;
    const btn = `${block}${String(first).padStart(4, "0")}`;
    const account = Math.floor(i / PER_ACCOUNT);
    const values: Record<string, string> = {
      tn,
      btn,
      account_number: `ACCT-${account}`,
      subscriber_type: "BUSINESS",
      business_name: `Bench Customer ${account}`,
      house_number: String(100 + account),
      street: "Main St",
      city: block === "312286" ? "Chicago" : "Washington",
      state: block === "312286" ? "IL" : "DC",
      zip: block === "312286" ? "60601" : "20001",
      authorizing_person: "Bench Person",
      partial_port: "no",
    };
    lines.push(BULK_COLUMNS.map((c) => values[c] ?? "").join(","));
  }
  return `${lines.join("\n")}\n`;
}

async function main() {
  const database = await createTestDatabase("bench_bulk_import");
  const handle = createDb(database.url, { max: 4 });
  try {
    await seedDemoData(handle.db, { production: false });
    await seedNumberingData(handle.db);
    const [user] = (
      await handle.pool.query(
        "select u.id, u.account_id from auth_users u join customer_accounts a on a.id = u.account_id where a.slug = 'acme-voice' limit 1",
      )
    ).rows as { id: string; account_id: string }[];
    if (!user) {
      throw new Error("demo customer missing");
    }
    const submitter = { accountId: user.account_id, userId: user.id };
    const csv = bulkCsv();
    const input = {
      fileName: "bench.csv",
      contentBase64: Buffer.from(csv).toString("base64"),
      reference: "BENCH-BULK",
    };
    const runs = Number(process.env.BENCH_RUNS ?? 5);
    const previewMs: number[] = [];
    const parseMs: number[] = [];
    let summary = "";
    for (let run = 0; run < runs; run++) {
      let start = performance.now();
      parse(csv, { info: true, relax_column_count: true, skip_empty_lines: true, trim: true });
      parseMs.push(performance.now() - start);
      start = performance.now();
      const preview = await previewBulkPortIn(handle.db, clock, submitter, input);
      previewMs.push(performance.now() - start);
      summary = `${preview.rowCount} rows, ${preview.accounts} accounts, ${preview.orders.length} orders, ${preview.issues.length} issues`;
    }
    const p = median(previewMs);
    const b = median(parseMs);
    console.log(`bulk preview of ${summary}`);
    console.log(`  preview median ${p.toFixed(0)} ms (runs: ${previewMs.map((v) => v.toFixed(0)).join(", ")})`);
    console.log(`  csv-parse alone median ${b.toFixed(0)} ms; ratio ${(p / b).toFixed(1)}x`);
    console.log(`  budget 5000 ms: ${p < 5000 ? "met" : "MISSED"}`);
    // Then the file submitted once: one port request of every account's orders, in one transaction.
    const start = performance.now();
    const created = await submitBulkPortIn(handle.db, clock, submitter, { ...input, mode: "SUBMIT" });
    const submitMs = performance.now() - start;
    const requests = new Set(created.orders.map((o) => o.portRequestId)).size;
    console.log(
      `  submit: ${created.orders.length} orders in ${requests} port request${requests === 1 ? "" : "s"}, ${submitMs.toFixed(0)} ms`,
    );
  } finally {
    await handle.close();
    await database.teardown();
  }
}

await main();
