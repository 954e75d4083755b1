/**
 * Benchmark of notifications: what recording one fact adds to the transaction of an order change (in-app rows for
 * the account's users, immediate emails, a webhook event and its deliveries), against the baseline of that
 * transaction's own outbox insert; and webhook delivery throughput to a local receiver.
 *
 * Run from the repository root: `npx tsx packages/services/bench/notifications.bench.ts`
 * (uses DATABASE_URL when set, otherwise a throw-away embedded PostgreSQL).
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { authUsers, createDb, customerAccounts, insertOutboxJobs, portOrders } from "@portway/db";
import { createTestDatabase } from "@portway/db/testing";
import { eq } from "drizzle-orm";
import { fixedClock } from "../src/clock";
import { seedDemoData } from "../src/demo/seed";
import { defaultWebhookPolicy, deliverDueWebhooks } from "../src/notifications/deliver";
import { recordNotification } from "../src/notifications/record";
import { createWebhookEndpoint } from "../src/notifications/webhooks";

const RUNS = 300;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;
}

async function measure(label: string, run: () => Promise<unknown>) {
  for (let i = 0; i < 20; i++) {
    await run();
  }
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  const p50 = percentile(times, 0.5);
  console.log(
    `${label.padEnd(62)} p50 ${p50.toFixed(2).padStart(6)} ms   p95 ${percentile(times, 0.95).toFixed(2)} ms`,
  );
  return p50;
}

async function main() {
  const database = await createTestDatabase("bench_notifications");
  const handle = createDb(database.url, { max: 20 });
  const { db } = handle;
  try {
    await seedDemoData(db, { production: false });
    const [acme] = await db.select().from(customerAccounts).where(eq(customerAccounts.slug, "acme-voice"));
    if (!acme) {
      throw new Error("demo account missing");
    }
    const [order] = await db
      .insert(portOrders)
      .values({ accountId: acme.id, customerReference: "BENCH-1", status: "SUBMITTED" })
      .returning();
    if (!order) {
      throw new Error("order not inserted");
    }
    const clock = fixedClock(new Date("2026-12-07T15:00:00Z"));
    const tns = Array.from({ length: 10 }, (_, i) => ({
      tn: `+1617253${String(i).padStart(4, "0")}`,
      status: "PENDING",
    }));
    const fact = () => ({
      accountId: acme.id,
      order: { id: order.id, assignedTo: null, customerReference: "BENCH-1", pon: null },
      type: "order.status_changed" as const,
      title: "BENCH-1 is now csr review",
      body: "The order moved from submitted to csr review.",
      at: clock.now(),
      audience: { customers: true, staff: false, webhook: true },
      actorUserId: null,
      data: { order: { id: order.id, status: "CSR_REVIEW", tns } },
    });
    const baseline = await measure("baseline: transaction with one outbox insert", () =>
      db.transaction((tx) => insertOutboxJobs(tx, [{ job: "bench", payload: { orderId: order.id } }])),
    );
    const noHooks = await measure("outbox insert + notification (2 users, no endpoint)", () =>
      db.transaction(async (tx) => {
        await insertOutboxJobs(tx, [{ job: "bench", payload: { orderId: order.id } }]);
        await recordNotification(tx, fact());
      }),
    );
    const [adminUser] = await db.select().from(authUsers).where(eq(authUsers.email, "admin@acme.test"));
    const admin = {
      kind: "customer" as const,
      userId: adminUser?.id ?? "",
      name: "Bench",
      email: "bench@acme.test",
      role: "admin" as const,
      accountId: acme.id,
    };
    const receiver = createServer((req, res) => {
      req.resume();
      req.on("end", () => res.writeHead(204).end());
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    for (let i = 0; i < 3; i++) {
      await createWebhookEndpoint(db, clock, admin, { url, description: "", eventTypes: ["order.status_changed"] });
    }
    const withHooks = await measure("outbox insert + notification (2 users, 3 endpoints)", () =>
      db.transaction(async (tx) => {
        await insertOutboxJobs(tx, [{ job: "bench", payload: { orderId: order.id } }]);
        await recordNotification(tx, fact());
      }),
    );
    console.log(
      `added by notifications: ${(noHooks - baseline).toFixed(2)} ms without endpoints, ` +
        `${(withHooks - baseline).toFixed(2)} ms with 3 endpoints (baseline ${baseline.toFixed(2)} ms)`,
    );

    const pending = await handle.pool.query(
      "select count(*)::int as n from webhook_deliveries where status = 'PENDING'",
    );
    const total = pending.rows[0].n as number;
    const started = performance.now();
    let delivered = 0;
    while (delivered < total) {
      const round = await deliverDueWebhooks(db, clock, { ...defaultWebhookPolicy, batch: 50 });
      if (round.attempted === 0) {
        break;
      }
      delivered += round.succeeded;
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `webhook delivery: ${delivered} signed deliveries in ${seconds.toFixed(2)} s = ${(delivered / seconds).toFixed(0)}/s (batches of 50, one worker)`,
    );
    receiver.close();
  } finally {
    await handle.close();
    await database.teardown();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
