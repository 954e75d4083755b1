/**
 * Orders pages benchmark (not a test): the server render of the orders page's first page (HTML, 25 rows, default sort)
 * and of one order's page
 * for an account with 100,000 orders, against baselines measured in the same run: the portal's `/api/health` route
 * (the same server, no database, no React) and the raw list query in-process (`findOrdersPage`).
 *
 * Run: pnpm --filter @portway/customer bench:orders-page
 *   BENCH_ORDERS (default 100000), BENCH_RUNS (default 15). Both servers in one run by default: `next build` then
 *   `next start` (port 4490, `.next-bench`), then `next dev` (port 4491, `.next-bench-dev`); BENCH_MODE `production`
 *   or `dev` runs one. Measures the orders list and an order page against `/api/health` and the raw list query.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createDb, type DbHandle, findOrdersPage } from "@portway/db";
import { bulkSeedOrders, createTestDatabase } from "@portway/db/testing";
import { earliestFocDate, easternToInstant } from "@portway/domain";
import {
  saveDraft,
  seedDemoData,
  seedNumberingData,
  submitPortRequest,
  systemClock,
  uploadDraftDocument,
} from "@portway/services";
import { hashPassword } from "better-auth/crypto";

const ORDERS = Number(process.env.BENCH_ORDERS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const PORT = 4490;
/** Both by default, in one run: `next start` of a production build, then `next dev`. */
const MODES =
  process.env.BENCH_MODE === "dev"
    ? ["dev"]
    : process.env.BENCH_MODE === "production"
      ? ["production"]
      : ["production", "dev"];
// A production server refuses the public demo password: the bench user gets one of its own.
const PASSWORD = `bench-${randomBytes(12).toString("hex")}`;
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

async function waitForServer(base: string, child: ChildProcess, output: () => string) {
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

async function signIn(base: string, email: string): Promise<string> {
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

async function submitRealOrder(handle: DbHandle, accountId: string): Promise<string> {
  const user = (await handle.pool.query("select id from auth_users where email = 'admin@acme.test'")).rows[0]
    ?.id as string;
  const who = { accountId, userId: user };
  const now = new Date().toISOString();
  const requestedFoc = easternToInstant(earliestFocDate({ portType: "AUTOMATED", now }), "11:00") ?? now;
  const data = {
    tns: ["+16172539801"],
    btn: "+16172539801",
    partialPort: false,
    subscriber: { type: "BUSINESS" as const, businessName: "Bench Bakery" },
    accountNumber: "BENCH-ACCT-1",
    serviceAddress: { houseNumber: "1", street: "Main St", city: "Boston", state: "MA" as const, zip: "02110" },
    loaAuthorizingPerson: "Bench Person",
    requestedFoc,
    onDemandActivation: false,
    customerOrderRef: "BENCH-REAL-1",
  };
  const draft = await saveDraft(handle.db, systemClock, who, { data });
  await uploadDraftDocument(handle.db, systemClock, who, {
    draftId: draft.id,
    kind: "LOA",
    fileName: "loa.pdf",
    contentBase64: Buffer.from(
      "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n",
    ).toString("base64"),
    signedAt: now,
  });
  const result = await submitPortRequest(handle.db, systemClock, who, { draftId: draft.id, submission: data });
  const order = result.orders[0];
  if (!order) {
    throw new Error("the real order was not created");
  }
  return order.id;
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
    // The seeded rows carry no order details; the order page is measured on one real order of the same account,
    // submitted through the services as the portal submits it.
    const orderId = await submitRealOrder(handle, accountId);
    console.log(`Account has ${count.rows[0].n.toLocaleString("en-US")} orders.`);
    const results: Record<string, { page: number; order: number; health: number; raw: number }> = {};
    for (const mode of MODES) {
      const port = mode === "production" ? PORT : PORT + 1;
      const base = `http://127.0.0.1:${port}`;
      const env = {
        ...process.env,
        DATABASE_URL: database.url,
        CUSTOMER_PORT: String(port),
        CUSTOMER_URL: base,
        // `next start` forces NODE_ENV=production; the portal runs Portway's development mode all the same.
        PORTWAY_ENV: "development",
        PORTWAY_NEXT_DIST_DIR: mode === "production" ? ".next-bench" : ".next-bench-dev",
        PORTWAY_AUTH_SECRET: randomBytes(32).toString("hex"),
        NEXT_TELEMETRY_DISABLED: "1",
      };
      const next = path.join(appDir, "node_modules", ".bin", "next");
      if (mode === "production") {
        console.log("Building the portal (next build)…");
        const built = spawnSync(next, ["build"], { cwd: appDir, env, encoding: "utf8" });
        if (built.status !== 0) {
          throw new Error(`next build failed:\n${built.stdout}\n${built.stderr}`);
        }
      }
      console.log(`Starting the portal (next ${mode === "production" ? "start" : "dev"})…`);
      let output = "";
      child = spawn(next, [mode === "production" ? "start" : "dev", "-p", String(port), "-H", "127.0.0.1"], {
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
      await waitForServer(base, child, () => output);
      const cookie = await signIn(base, "admin@acme.test");
      const page = async () => {
        const response = await fetch(`${base}/orders`, { headers: { cookie } });
        const html = await response.text();
        if (!response.ok || !html.includes("BENCH-")) {
          throw new Error(`orders page: ${response.status}, ${html.length} bytes without seeded orders`);
        }
        return html;
      };
      const order = async () => {
        const response = await fetch(`${base}/orders/${orderId}`, { headers: { cookie } });
        const html = await response.text();
        if (!response.ok || !html.includes("BENCH-")) {
          throw new Error(`order page: ${response.status}, ${html.length} bytes without the order`);
        }
      };
      const health = async () => (await fetch(`${base}/api/health`)).text();
      const rawQuery = () =>
        findOrdersPage(handle.db, { accountId }, { page: 0, pageSize: 25, sort: "createdAt", direction: "desc" });
      // Warm-up: the first requests compile the pages and the route (next dev) and fill the caches.
      for (let i = 0; i < 3; i++) {
        await page();
        await order();
        await health();
        await rawQuery();
      }
      const figures = { page: [] as number[], order: [] as number[], health: [] as number[], raw: [] as number[] };
      for (let i = 0; i < RUNS; i++) {
        figures.page.push(await time(page));
        figures.order.push(await time(order));
        figures.health.push(await time(health));
        figures.raw.push(await time(rawQuery));
      }
      results[mode] = {
        page: median(figures.page),
        order: median(figures.order),
        health: median(figures.health),
        raw: median(figures.raw),
      };
      const exited = new Promise((resolve) => child?.once("exit", resolve));
      child.kill("SIGINT");
      await exited;
      child = undefined;
    }
    console.log(
      `\nServer time, ${ORDERS.toLocaleString("en-US")} orders in the account, ${RUNS} runs each, medians (ms):`,
    );
    console.log("  server       GET /orders   GET /orders/[id]   GET /api/health   raw list query");
    for (const [mode, r] of Object.entries(results)) {
      console.log(
        `  next ${mode === "production" ? "start" : "dev  "}   ${r.page.toFixed(1).padStart(10)}   ${r.order.toFixed(1).padStart(16)}   ${r.health.toFixed(1).padStart(15)}   ${r.raw.toFixed(1).padStart(14)}`,
      );
    }
    const prod = results.production;
    const dev = results.dev;
    if (prod && dev) {
      console.log(
        `  next dev / next start: orders list ${(dev.page / prod.page).toFixed(1)}x, order page ${(dev.order / prod.order).toFixed(1)}x`,
      );
    }
    if (prod) {
      console.log(`  goal orders list under 1000 ms with next start: ${prod.page < 1000 ? "met" : "NOT met"}`);
    }
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
