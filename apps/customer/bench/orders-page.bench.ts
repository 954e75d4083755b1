/**
 * Orders page benchmark (not a test): the server render of the orders page's first page (HTML, 25 rows, default sort)
 * for an account with 100,000 orders, against baselines measured in the same run: the portal's `/api/health` route
 * (the same server, no database, no React) and the raw list query in-process (`findOrdersPage`).
 *
 * Run: pnpm --filter @portway/customer bench:orders-page
 *   BENCH_ORDERS (default 100000), BENCH_RUNS (default 15), BENCH_MODE `production` (default: `next build`, then
 *   `next start`) or `dev` (`next dev`, slower: development React). Port 4490, build folder `.next-bench`.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createDb, findOrdersPage } from "@portway/db";
import { bulkSeedOrders, createTestDatabase } from "@portway/db/testing";
import { seedDemoData, seedNumberingData } from "@portway/services";
import { hashPassword } from "better-auth/crypto";

const ORDERS = Number(process.env.BENCH_ORDERS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const PORT = 4490;
const MODE = process.env.BENCH_MODE === "dev" ? "dev" : "production";
// A production server refuses the public demo password: the bench user gets one of its own.
const PASSWORD = `bench-${randomBytes(12).toString("hex")}`;
const base = `http://127.0.0.1:${PORT}`;
const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

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

async function waitForServer(child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 240_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`next dev exited:\n${output()}`);
    }
    try {
      if ((await fetch(`${base}/api/health`)).ok) {
        return;
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`next dev did not answer within 240 s:\n${output()}`);
}

async function signIn(email: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (!response.ok) {
    throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  }
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}

async function main() {
  console.log(`Seeding ${ORDERS.toLocaleString("en-US")} orders in one account…`);
  const database = await createTestDatabase("customer_bench");
  const handle = createDb(database.url, { max: 4 });
  let child: ChildProcess | undefined;
  try {
    await seedNumberingData(handle.db);
    await seedDemoData(handle.db, { production: false });
    const seeded = await bulkSeedOrders(handle, { orders: ORDERS, tnsPerOrder: 1, accounts: 1 });
    const accountId = seeded.accountIds[0] ?? "";
    // The demo admin of Acme Voice becomes a user of the seeded account.
    await handle.pool.query("update auth_users set account_id = $1 where email = 'admin@acme.test'", [accountId]);
    await handle.pool.query(
      "update auth_accounts set password = $1 where user_id = (select id from auth_users where email = 'admin@acme.test')",
      [await hashPassword(PASSWORD)],
    );
    const count = await handle.pool.query("select count(*)::int as n from port_orders where account_id = $1", [
      accountId,
    ]);
    const env = {
      ...process.env,
      DATABASE_URL: database.url,
      CUSTOMER_PORT: String(PORT),
      CUSTOMER_URL: base,
      PORTWAY_NEXT_DIST_DIR: ".next-bench",
      PORTWAY_AUTH_SECRET: randomBytes(32).toString("hex"),
      NEXT_TELEMETRY_DISABLED: "1",
    };
    const next = path.join(appDir, "node_modules", ".bin", "next");
    if (MODE === "production") {
      console.log(`Account has ${count.rows[0].n.toLocaleString("en-US")} orders. Building the portal (next build)…`);
      const built = spawnSync(next, ["build"], { cwd: appDir, env, encoding: "utf8" });
      if (built.status !== 0) {
        throw new Error(`next build failed:\n${built.stdout}\n${built.stderr}`);
      }
    }
    console.log(`Starting the portal (next ${MODE === "production" ? "start" : "dev"})…`);
    let output = "";
    child = spawn(next, [MODE === "production" ? "start" : "dev", "-p", String(PORT), "-H", "127.0.0.1"], {
      cwd: appDir,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    await waitForServer(child, () => output);
    const cookie = await signIn("admin@acme.test");
    const page = async () => {
      const response = await fetch(`${base}/orders`, { headers: { cookie } });
      const html = await response.text();
      if (!response.ok || !html.includes("BENCH-")) {
        throw new Error(`orders page: ${response.status}, ${html.length} bytes without seeded orders`);
      }
      return html;
    };
    const health = async () => (await fetch(`${base}/api/health`)).text();
    const rawQuery = () =>
      findOrdersPage(handle.db, { accountId }, { page: 0, pageSize: 25, sort: "createdAt", direction: "desc" });
    // Warm-up: the first requests compile the page and the route.
    for (let i = 0; i < 3; i++) {
      await page();
      await health();
      await rawQuery();
    }
    const html = await page();
    const rows = html.match(/BENCH-\d+/g)?.length ?? 0;
    const figures = { page: [] as number[], health: [] as number[], raw: [] as number[] };
    for (let i = 0; i < RUNS; i++) {
      figures.page.push(await time(page));
      figures.health.push(await time(health));
      figures.raw.push(await time(rawQuery));
    }
    const p = median(figures.page);
    const h = median(figures.health);
    const r = median(figures.raw);
    console.log(
      `\nOrders page (next ${MODE === "production" ? "start" : "dev"}), ${ORDERS.toLocaleString("en-US")} orders in the account, ${RUNS} runs, medians:`,
    );
    console.log(`  GET /orders (server render, first page, ${rows} reference mentions): ${p.toFixed(1)} ms`);
    console.log(`  baseline GET /api/health (same server):                   ${h.toFixed(1)} ms`);
    console.log(`  baseline raw list query findOrdersPage (in-process):     ${r.toFixed(1)} ms`);
    console.log(
      `  min / max GET /orders: ${Math.min(...figures.page).toFixed(1)} / ${Math.max(...figures.page).toFixed(1)} ms`,
    );
    console.log(`  ratio page / health: ${(p / h).toFixed(1)}x; goal < 1000 ms: ${p < 1000 ? "met" : "NOT met"}`);
  } finally {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child?.once("exit", resolve));
      child.kill("SIGINT");
      await exited;
    }
    await handle.close();
    await database.teardown();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
