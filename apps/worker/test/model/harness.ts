import { jobNames } from "@portway/services";
import { type Loop, simulatorCall, startLoop } from "../loop-harness";
import type { Model, ModelOrder } from "./model";

/** The system under test: the worker and the simulator over HTTP on one database, both clocks driven. */
export interface World {
  loop: Loop;
  /** The simulator's schema in the same database (read only: what the partner received and emitted). */
  simSchema: string;
  /** Line numbers handed out so far (each submit takes fresh TNs). */
  nextLine: number;
  log: (line: string) => void;
}

export const minute = 60_000;
export const hour = 60 * minute;
export const day = 24 * hour;

const partnerJobs = Object.values(jobNames);
/** Job failures that only mean "try again shortly" (the order's create answer is not recorded yet). */
const transientFailure = /has not reached the partner yet|has no partner order/;

export async function startWorld(databaseUrl: string, schema: string, log: (line: string) => void): Promise<World> {
  const loop = await startLoop(databaseUrl, schema);
  return { loop, simSchema: schema, nextLine: 1000, log };
}

export function customer(world: World) {
  return {
    actor: { kind: "USER" as const, id: world.loop.customer.userId },
    accountId: world.loop.customer.accountId,
  };
}

export async function query<R = Record<string, unknown>>(world: World, text: string, values: unknown[] = []) {
  const result = await world.loop.handle.pool.query(text, values);
  return result.rows as R[];
}

/** Monday 10:00 ET of the week after the current clock (each run, and each replay while shrinking, starts clean). */
export async function startOfNextRun(world: World) {
  const now = world.loop.clock.now().getTime();
  let at = Date.UTC(2026, 11, 7, 15); // Monday 2026-12-07 10:00 ET
  while (at <= now + day) {
    at += 7 * day;
  }
  await world.loop.setTime(new Date(at));
  await simulatorCall(world.loop.simulatorUrl, "/sim/faults", {});
}

/** Partner jobs of these orders that failed for a reason other than "not ready yet": each is on its way to a dead letter. */
export async function failedJobs(world: World, orderIds: string[]) {
  const rows = await query<{ name: string; state: string; message: string | null; orderId: string }>(
    world,
    `select name, state::text as state, output->>'message' as message, data->>'orderId' as "orderId"
       from pgboss.job
      where name = any($1) and data->>'orderId' = any($2) and state::text in ('retry', 'failed')`,
    [partnerJobs, orderIds],
  );
  return rows.filter((row) => row.state === "failed" || !transientFailure.test(row.message ?? ""));
}

/**
 * Waits until every change the last step made reached the partner: the outbox is relayed and no partner job of the
 * run's orders waits or runs (a job that failed for good is left for the invariants to report).
 */
export async function settle(world: World, model: Model, timeoutMs = 20_000) {
  const ids = model.orders.map((o) => o.id);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await world.loop.worker.relayNow();
    const [outbox] = await query<{ n: number }>(
      world,
      "select count(*)::int as n from outbox where relayed_at is null",
    );
    const jobs = await query<{ state: string; message: string | null }>(
      world,
      `select state::text as state, output->>'message' as message from pgboss.job
        where name = any($1) and data->>'orderId' = any($2) and state::text in ('created', 'active', 'retry')`,
      [partnerJobs, ids],
    );
    const waiting = jobs.filter((job) => job.state !== "retry" || transientFailure.test(job.message ?? ""));
    // Callbacks the simulator sends in the background (activations, retries due now), not those it drops or holds.
    const [callbacks] = await query<{ n: number }>(
      world,
      `select count(*)::int as n from "${world.simSchema}".deliveries d
         join "${world.simSchema}".orders o on o.order_id = d.order_id
        where o.client_order_id = any($1) and d.delivered_at is null and not d.dropped and d.held_until is null
          and d.next_attempt_at <= now() + interval '2 seconds'`,
      [ids],
    );
    if ((outbox?.n ?? 0) === 0 && waiting.length === 0 && (callbacks?.n ?? 0) === 0) {
      return;
    }
    if (Date.now() > deadline) {
      world.log(
        `settle: ${outbox?.n} outbox rows, ${waiting.length} partner jobs, ${callbacks?.n} callbacks still waiting`,
      );
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Reads the order's status, version and history into the model (after the step settled). */
export async function observe(world: World, order: ModelOrder) {
  const [row] = await query<{ status: string; version: number }>(
    world,
    "select status, version from port_orders where id = $1",
    [order.id],
  );
  order.status = row?.status ?? "MISSING";
  order.version = row?.version ?? 0;
}
