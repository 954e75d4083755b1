import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createDb, type DbHandle } from "@portway/db";
import { ensureDatabase, findFreePort, migrateDatabase } from "@portway/db/server";
import {
  fixedClock,
  saveDraft,
  seedDemoData,
  seedNumberingData,
  submitPortRequest,
  uploadDraftDocument,
} from "@portway/services";
import { type RunningWorker, startWorker } from "../src/worker";

const here = path.dirname(fileURLToPath(import.meta.url));
const simulatorDir = path.resolve(here, "../../carrier-sim");
export const secret = "worker-test-callback-secret-0123456789";
/** Monday 2026-12-07 10:00 ET. */
export const start = new Date("2026-12-07T15:00:00.000Z");
export const minute = 60_000;
export const hour = 60 * minute;
const pdf = Buffer.from(
  "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n",
).toString("base64");

export interface Loop {
  handle: DbHandle;
  worker: RunningWorker;
  simulatorUrl: string;
  clock: ReturnType<typeof fixedClock>;
  customer: { accountId: string; userId: string };
  /** Moves Portway's and the simulator's clocks together; the simulator delivers what fell due. */
  advance: (ms: number) => Promise<void>;
  /** Sets both clocks to one instant (forward only for the simulator). */
  setTime: (at: Date) => Promise<void>;
  stop: () => Promise<void>;
}

async function waitForOutput(child: ChildProcess, text: string, timeoutMs: number) {
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`simulator did not start:\n${output}`)), timeoutMs);
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(text)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`simulator exited with ${code}:\n${output}`));
    });
  });
}

export async function simulatorCall(url: string, route: string, body?: unknown) {
  const response = await fetch(`${url}${route}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    throw new Error(`${route}: HTTP ${response.status} ${await response.text()}`);
  }
  return response.json() as Promise<Record<string, unknown>>;
}

/** The real simulator process and an in-process worker, over HTTP, on one test database; both clocks driven. */
export async function startLoop(
  packageDatabaseUrl: string,
  schema: string,
  options: { sandboxClock?: boolean } = {},
): Promise<Loop> {
  // Each loop its own database on the package's server: two simulators hand out the same partner order IDs.
  const url = new URL(packageDatabaseUrl);
  url.pathname = `${url.pathname}_${schema}`;
  const databaseUrl = url.toString();
  await ensureDatabase(databaseUrl, { recreate: true });
  const handle = createDb(databaseUrl);
  await migrateDatabase(handle.db);
  await seedDemoData(handle.db, { production: false });
  await seedNumberingData(handle.db);
  const account = await handle.pool.query("select id from customer_accounts where slug = 'acme-voice'");
  const user = await handle.pool.query("select id from auth_users where account_id = $1 order by email limit 1", [
    account.rows[0].id,
  ]);
  const customer = { accountId: account.rows[0].id as string, userId: user.rows[0].id as string };

  const simulatorPort = await findFreePort();
  const simulatorUrl = `http://127.0.0.1:${simulatorPort}`;
  const simulator = spawn(path.join(simulatorDir, "node_modules", ".bin", "tsx"), ["src/main.ts"], {
    cwd: simulatorDir,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      SIMULATOR_PORT: String(simulatorPort),
      SIMULATOR_DB_SCHEMA: schema,
      PARTNER_CALLBACK_SECRET: secret,
      SIMULATOR_TICK_MS: "50",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  await waitForOutput(simulator, "carrier simulator ready", 60_000);
  await simulatorCall(simulatorUrl, "/sim/reset", { clock: { set: start.toISOString(), mode: "frozen" } });

  const clock = fixedClock(start);
  const workerPort = await findFreePort();
  const worker = await startWorker({
    databaseUrl,
    port: workerPort,
    partnerUrl: simulatorUrl,
    simulatorUrl,
    callbackUrl: `http://127.0.0.1:${workerPort}/partner/callbacks`,
    callbackSecret: secret,
    ...(options.sandboxClock ? { sandboxClock: true } : { clock }),
    scanIntervalMs: 3_600_000,
    reconcileQuietMs: 30 * minute,
    relayIntervalMs: 50,
    log: (line) => console.error(`[worker] ${line}`),
  });
  return {
    handle,
    worker,
    simulatorUrl,
    clock,
    customer,
    advance: async (ms: number) => {
      clock.advance(ms);
      await simulatorCall(simulatorUrl, "/sim/clock", { advanceMs: ms });
    },
    setTime: async (at: Date) => {
      clock.set(at);
      await simulatorCall(simulatorUrl, "/sim/clock", { set: at.toISOString() });
    },
    stop: async () => {
      await worker.stop();
      const exited = new Promise((resolve) => simulator.once("exit", resolve));
      simulator.kill("SIGTERM");
      await exited;
      await handle.close();
    },
  };
}

export function order(tns: string[], reference: string, overrides: Record<string, unknown> = {}) {
  return {
    tns,
    btn: tns[0],
    partialPort: false,
    subscriber: { type: "BUSINESS" as const, businessName: "Harbor Dental" },
    accountNumber: "ACCT-1000",
    serviceAddress: { houseNumber: "100", street: "Main St", city: "Boston", state: "MA" as const, zip: "02110" },
    loaAuthorizingPerson: "Dana Harbor",
    requestedFoc: "2026-12-10T16:00:00.000Z",
    onDemandActivation: false,
    customerOrderRef: reference,
    ...overrides,
  };
}

export async function submit(loop: Loop, data: ReturnType<typeof order>) {
  const draft = await saveDraft(loop.handle.db, loop.clock, loop.customer, { data });
  await uploadDraftDocument(loop.handle.db, loop.clock, loop.customer, {
    draftId: draft.id,
    kind: "LOA",
    fileName: "loa.pdf",
    contentBase64: pdf,
    signedAt: new Date(loop.clock.now().getTime() - 24 * hour).toISOString(),
  });
  const result = await submitPortRequest(loop.handle.db, loop.clock, loop.customer, {
    draftId: draft.id,
    submission: data,
  });
  return result.orders.map((o) => o.id);
}

export async function statusOf(loop: Loop, orderId: string): Promise<string> {
  const rows = await loop.handle.pool.query("select status from port_orders where id = $1", [orderId]);
  return rows.rows[0]?.status as string;
}

/** Waits until the order reaches a status (the queue and callbacks run asynchronously). */
export async function waitForStatus(loop: Loop, orderId: string, status: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  let current = await statusOf(loop, orderId);
  while (current !== status && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    current = await statusOf(loop, orderId);
  }
  if (current !== status) {
    const history = await loop.handle.pool.query(
      "select from_status, to_status, event, reason from order_history where order_id = $1 order by id",
      [orderId],
    );
    const events = await loop.handle.pool.query(
      "select type, sequence, status, detail from partner_events where order_id = $1 order by sequence",
      [orderId],
    );
    const outbox = await loop.handle.pool.query("select job, relayed_at from outbox where payload->>'orderId' = $1", [
      orderId,
    ]);
    const jobs = await loop.handle.pool.query(
      "select name, state, retry_count, output from pgboss.job where data->>'orderId' = $1",
      [orderId],
    );
    throw new Error(
      `order stayed ${current}, expected ${status}; history: ${JSON.stringify(history.rows)}; events: ${JSON.stringify(events.rows)}; outbox: ${JSON.stringify(outbox.rows)}; jobs: ${JSON.stringify(jobs.rows)}`,
    );
  }
}

/** Waits until every SUPP of the order reached the partner (the send is a queued job). */
export async function waitForSuppsSent(loop: Loop, orderId: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await loop.handle.pool.query(
      "select count(*)::int as n from supps where order_id = $1 and status = 'PENDING'",
      [orderId],
    );
    if (rows.rows[0].n === 0) {
      return;
    }
    if (Date.now() > deadline) {
      throw new Error(`SUPPs of order ${orderId} were not sent within ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
