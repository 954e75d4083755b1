/**
 * Load and fault suite of the partner loop (not a test; prints figures). Real processes over real HTTP: the carrier
 * simulator and the worker (`src/main.ts`), one PostgreSQL. Portway's clock is the real one; the simulator's is
 * driven forward.
 *
 *   tsx bench/partner-load.ts faults      1,000 orders, 30% partner errors and random latency, the worker killed
 *                                         with SIGKILL twice and restarted; then dropped, duplicated and reordered
 *                                         callbacks healed by reconciliation. Checks exactly-once and end states.
 *   tsx bench/partner-load.ts throughput  dispatch rate with a zero-latency simulator, and callback apply rate.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createDb, type DbHandle } from "@portway/db";
import { findFreePort } from "@portway/db/server";
import { createTestDatabase } from "@portway/db/testing";
import { earliestFocDate, easternToInstant } from "@portway/domain";
import { createPartnerClient, signCallback } from "@portway/partner";
import {
  saveDraft,
  seedDemoData,
  seedNumberingData,
  submitPortRequest,
  systemClock,
  toCreateOrderRequest,
  uploadDraftDocument,
} from "@portway/services";

const here = path.dirname(fileURLToPath(import.meta.url));
const apps = path.resolve(here, "../..");
const secret = "bench-partner-callback-secret-0123456789";
const pdf = Buffer.from(
  "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n",
).toString("base64");
const minute = 60_000;
const hour = 60 * minute;

/** SIGKILL to the whole process group of an app (tsx and the node process it runs). */
function killHard(child: ChildProcess) {
  if (child.pid) {
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
}

/** SIGTERM to the process group, waiting for the exit (lets `--cpu-prof` write its profile). */
async function stopGracefully(child: ChildProcess) {
  if (child.pid && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    process.kill(-child.pid, "SIGTERM");
    await exited;
  }
}

function spawnApp(app: string, env: NodeJS.ProcessEnv): ChildProcess {
  const dir = path.join(apps, app);
  // BENCH_CPU_PROF_DIR=<dir>: the worker writes a CPU profile there when it stops (throughput mode).
  const profileDir = app === "worker" ? process.env.BENCH_CPU_PROF_DIR : undefined;
  const [command, args] = profileDir
    ? [process.execPath, ["--cpu-prof", `--cpu-prof-dir=${profileDir}`, "--import", "tsx", "src/main.ts"]]
    : [path.join(dir, "node_modules", ".bin", "tsx"), ["src/main.ts"]];
  const child = spawn(command, args, {
    cwd: dir,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group: tsx runs the app in a child process, and a kill must reach that one too.
    detached: true,
  });
  child.stderr?.on("data", (chunk: Buffer) => process.stderr.write(`[${app}] ${chunk}`));
  return child;
}

async function waitForLine(child: ChildProcess, text: string) {
  await new Promise<void>((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`no "${text}" within 60 s:\n${output}`)), 60_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(text)) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
}

async function sim(url: string, route: string, body?: unknown) {
  const response = await fetch(`${url}${route}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (await response.json()) as Record<string, unknown>;
}

async function countByStatus(handle: DbHandle) {
  const rows = await handle.pool.query("select status, count(*)::int as n from port_orders group by status");
  return Object.fromEntries(rows.rows.map((r) => [r.status as string, r.n as number]));
}

async function waitForAll(
  handle: DbHandle,
  status: string,
  total: number,
  timeoutMs: number,
  onTick?: () => Promise<void>,
) {
  const started = Date.now();
  for (;;) {
    const counts = await countByStatus(handle);
    if ((counts[status] ?? 0) >= total) {
      return Date.now() - started;
    }
    if (Date.now() - started > timeoutMs) {
      throw new Error(`only ${counts[status] ?? 0} of ${total} orders reached ${status}: ${JSON.stringify(counts)}`);
    }
    await onTick?.();
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function setup(name: string) {
  const database = await createTestDatabase(name);
  const handle = createDb(database.url, { max: 6 });
  await seedDemoData(handle.db, { production: false });
  await seedNumberingData(handle.db);
  const account = (await handle.pool.query("select id from customer_accounts where slug = 'acme-voice'")).rows[0]
    .id as string;
  const user = (await handle.pool.query("select id from auth_users where account_id = $1 limit 1", [account])).rows[0]
    .id as string;
  const simulatorPort = await findFreePort();
  const simulatorUrl = `http://127.0.0.1:${simulatorPort}`;
  const simulator = spawnApp("carrier-sim", {
    DATABASE_URL: database.url,
    SIMULATOR_PORT: String(simulatorPort),
    PARTNER_CALLBACK_SECRET: secret,
    SIMULATOR_TICK_MS: "50",
  });
  await waitForLine(simulator, "carrier simulator ready");
  await sim(simulatorUrl, "/sim/reset", { clock: { set: new Date().toISOString(), mode: "frozen" } });
  const workerPort = await findFreePort();
  const workerEnv = {
    DATABASE_URL: database.url,
    WORKER_PORT: String(workerPort),
    SIMULATOR_URL: simulatorUrl,
    PARTNER_CALLBACK_SECRET: secret,
    WORKER_SCAN_INTERVAL_MS: "1000",
    RECONCILE_QUIET_MS: "3000",
  };
  /**
   * Starts a worker process; a second one listens on its own port, same database. Every worker gives the partner
   * one callback URL, as workers behind a load balancer do (the callback URL is part of each create's body, and a
   * retried create must carry the same body as the first try under its idempotency key).
   */
  const startWorker = async (port = workerPort, callbackPort = port) => {
    const worker = spawnApp("worker", {
      ...workerEnv,
      WORKER_PORT: String(port),
      PARTNER_CALLBACK_URL: `http://127.0.0.1:${callbackPort}/partner/callbacks`,
    });
    await waitForLine(worker, "worker ready");
    return worker;
  };
  const now = new Date().toISOString();
  const date = earliestFocDate({ portType: "AUTOMATED", now });
  const requestedFoc = easternToInstant(date, "11:00") ?? now;
  const submitOrders = async (count: number, firstLine: number) => {
    const who = { accountId: account, userId: user };
    let next = 0;
    const submitOne = async (i: number) => {
      const tn = `+1617253${String(firstLine + i).padStart(4, "0")}`;
      const data = {
        tns: [tn],
        btn: tn,
        partialPort: false,
        subscriber: { type: "BUSINESS" as const, businessName: "Load Test Co" },
        accountNumber: `LOAD-${i}`,
        serviceAddress: { houseNumber: "1", street: "Main St", city: "Boston", state: "MA" as const, zip: "02110" },
        loaAuthorizingPerson: "Load Person",
        requestedFoc,
        onDemandActivation: false,
        customerOrderRef: `LOAD-${firstLine + i}`,
      };
      const draft = await saveDraft(handle.db, systemClock, who, { data });
      await uploadDraftDocument(handle.db, systemClock, who, {
        draftId: draft.id,
        kind: "LOA",
        fileName: "loa.pdf",
        contentBase64: pdf,
        signedAt: now,
      });
      await submitPortRequest(handle.db, systemClock, who, { draftId: draft.id, submission: data });
    };
    // Six customers submitting at once.
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        while (next < count) {
          await submitOne(next++);
        }
      }),
    );
  };
  const stop = async (children: ChildProcess[]) => {
    for (const child of children) {
      killHard(child);
    }
    await handle.close();
    await database.teardown();
  };
  return { handle, simulator, simulatorUrl, workerPort, startWorker, submitOrders, stop };
}

async function faults() {
  const total = Number(process.env.FAULT_ORDERS ?? 1000);
  const env = await setup("partner_faults");
  await sim(env.simulatorUrl, "/sim/faults", {
    errorRate: 0.3,
    errorTiming: "both",
    latencyMs: 5,
    latencyJitterMs: 40,
    seed: 11,
  });
  const t0 = Date.now();
  await env.submitOrders(total, 0);
  console.log(`submitted ${total} orders in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  // One worker: SIGKILLed twice mid-run (at ~25% and ~60% dispatched), a new one started each time. Two workers
  // (FAULT_WORKERS=2): both run from the start; one is SIGKILLed at ~30% dispatched and not restarted.
  const twoWorkers = process.env.FAULT_WORKERS === "2";
  // With two workers the partner's callbacks reach the one that survives (the load balancer's healthy member).
  const survivorPort = twoWorkers ? await findFreePort() : env.workerPort;
  let worker = await env.startWorker(env.workerPort, survivorPort);
  const others = twoWorkers ? [await env.startWorker(survivorPort)] : [];
  const kills: number[] = [];
  const killed = await waitForAll(env.handle, "CSR_REVIEW", total, 600_000, async () => {
    const counts = await countByStatus(env.handle);
    const dispatched = counts.CSR_REVIEW ?? 0;
    if (twoWorkers) {
      if (kills.length === 0 && dispatched > total * 0.3) {
        killHard(worker);
        kills.push(dispatched);
      }
      return;
    }
    if ((kills.length === 0 && dispatched > total * 0.25) || (kills.length === 1 && dispatched > total * 0.6)) {
      killHard(worker);
      kills.push(dispatched);
      worker = await env.startWorker();
    }
  });
  const stats = (await sim(env.simulatorUrl, "/sim/stats")) as {
    creates: { requests: number; keys: number; replays: number; duplicateClientOrderIds: unknown[] };
    requests: { total: number; faultedBefore: number; faultedAfter: number };
  };
  console.log(
    `dispatch under faults (${twoWorkers ? "two workers, one SIGKILLed and not restarted" : "one worker, restarted after each SIGKILL"}): all ${total} orders at the partner in ${(killed / 1000).toFixed(1)} s; worker killed at ${kills.join(" and ")} dispatched; ` +
      `creates: ${stats.creates.requests} requests, ${stats.creates.keys} idempotency keys, ${stats.creates.replays} replays, ` +
      `${stats.creates.duplicateClientOrderIds.length} orders created twice; partner requests ${stats.requests.total}, faulted before ${stats.requests.faultedBefore}, after ${stats.requests.faultedAfter}`,
  );
  // Callbacks now: a third dropped, a third duplicated, a third reordered; reconciliation heals the drops.
  await sim(env.simulatorUrl, "/sim/faults", { dropRate: 0.3, duplicateRate: 0.3, reorderRate: 0.3, seed: 12 });
  await sim(env.simulatorUrl, "/sim/clock", { advanceMs: 10 * minute });
  await sim(env.simulatorUrl, "/sim/clock", { advanceMs: 5 * hour });
  const healed = await waitForAll(env.handle, "FOC", total, 600_000);
  const callbacks = ((await sim(env.simulatorUrl, "/sim/stats")) as { callbacks: Record<string, number> }).callbacks;
  const history = await env.handle.pool.query(
    "select count(*)::int as n from (select order_id, string_agg(event, ',' order by id) as events from order_history group by order_id) h where events <> 'SUBMIT,PARTNER_ACCEPTED,CSR_RETURNED,FOC_RECEIVED'",
  );
  const duplicates = await env.handle.pool.query(
    "select count(*)::int as n from partner_events group by event_id having count(*) > 1",
  );
  console.log(
    `callbacks: ${callbacks.dropped} dropped, ${callbacks.duplicates} duplicated, ${callbacks.reordered} reordered; all ${total} orders at FOC after ${(healed / 1000).toFixed(1)} s; ` +
      `orders whose history is not exactly SUBMIT, PARTNER_ACCEPTED, CSR_RETURNED, FOC_RECEIVED: ${history.rows[0].n}; events stored twice: ${duplicates.rowCount}`,
  );
  await env.stop([worker, ...others, env.simulator]);
  const exactlyOnce =
    stats.creates.keys === total && stats.creates.duplicateClientOrderIds.length === 0 && history.rows[0].n === 0;
  console.log(exactlyOnce ? "fault suite: PASS" : "fault suite: FAIL");
  process.exitCode = exactlyOnce ? 0 : 1;
}

async function throughput() {
  const total = Number(process.env.THROUGHPUT_ORDERS ?? 2000);
  const env = await setup("partner_throughput");
  await env.submitOrders(total, 0);
  const worker = await env.startWorker();
  const dispatch = await waitForAll(env.handle, "CSR_REVIEW", total, 600_000);
  const dispatchRate = (total * 1000) / dispatch;
  console.log(
    `dispatch: ${total} orders in ${(dispatch / 1000).toFixed(1)} s = ${dispatchRate.toFixed(0)} orders/s (goal >= 200)`,
  );
  // Baseline in the same run: the simulator's own create rate, the same creates posted straight to it 100 at a
  // time (what dispatch would reach if Portway's side cost nothing).
  const sample = await env.handle.pool.query(
    "select o.details, c.spid, c.name, c.type, t.tn from port_orders o join carriers c on c.id = o.carrier_id join port_order_tns t on t.order_id = o.id limit 1",
  );
  const client = createPartnerClient({ baseUrl: env.simulatorUrl, apiKey: null, timeoutMs: 30_000 });
  const baselineStarted = Date.now();
  let created = 0;
  await Promise.all(
    Array.from({ length: 100 }, async () => {
      while (created < total) {
        const index = created++;
        const orderId = randomUUID();
        await client.createOrder(
          toCreateOrderRequest({
            orderId,
            portType: "AUTOMATED",
            tns: [`+1617252${String(index).padStart(4, "0")}`],
            details: sample.rows[0].details,
            carrier: { spid: sample.rows[0].spid, name: sample.rows[0].name, type: sample.rows[0].type },
            callbackUrl: `http://127.0.0.1:${env.workerPort}/partner/callbacks`,
            defaultFocAt: sample.rows[0].details.requestedFoc,
          }),
          { idempotencyKey: `baseline:${orderId}` },
        );
      }
    }),
  );
  const baselineRate = (total * 1000) / (Date.now() - baselineStarted);
  console.log(
    `baseline: ${total} creates straight to the simulator = ${baselineRate.toFixed(0)} creates/s; dispatch reaches ${((100 * dispatchRate) / baselineRate).toFixed(0)}% of it`,
  );
  // Callback apply rate: signed CSR_UNAVAILABLE callbacks posted straight to the worker, 16 at a time.
  const orders = await env.handle.pool.query(
    "select id, partner_order_id from port_orders where status = 'CSR_REVIEW'",
  );
  const started = Date.now();
  let next = 0;
  const post = async () => {
    while (next < orders.rows.length) {
      const row = orders.rows[next++];
      const body = JSON.stringify({
        eventId: `bench-${row.id}`,
        orderId: row.partner_order_id,
        clientOrderId: row.id,
        portType: "AUTOMATED",
        sequence: 1,
        occurredAt: new Date().toISOString(),
        type: "CSR_UNAVAILABLE",
        reason: "NO_RESPONSE",
        rawText: "bench",
      });
      const signed = signCallback({ secret, rawBody: body, now: new Date() });
      await fetch(`http://127.0.0.1:${env.workerPort}/partner/callbacks`, {
        method: "POST",
        headers: { "content-type": "application/json", ...signed.headers },
        body,
      });
    }
  };
  await Promise.all(Array.from({ length: 16 }, post));
  const applied = Date.now() - started;
  const moved = (await countByStatus(env.handle)).PENDING_FOC ?? 0;
  console.log(
    `callback apply: ${orders.rows.length} callbacks in ${(applied / 1000).toFixed(1)} s = ${((orders.rows.length * 1000) / applied).toFixed(0)}/s; ${moved} orders moved to PENDING_FOC`,
  );
  await stopGracefully(worker);
  await stopGracefully(env.simulator);
  await env.stop([]);
}

const mode = process.argv[2];
(mode === "faults"
  ? faults()
  : mode === "throughput"
    ? throughput()
    : Promise.reject(new Error("usage: partner-load.ts faults|throughput"))
).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
