import { createHash } from "node:crypto";
import type { Queryable } from "../store/database";
import type { EngineContext, OrderRow } from "./types";

export async function lockOrder(ctx: EngineContext, client: Queryable, orderId: string): Promise<OrderRow | null> {
  const result = await ctx.db.query<OrderRow>(client, "SELECT * FROM sim.orders WHERE order_id = $1 FOR UPDATE", [
    orderId,
  ]);
  return result.rows[0] ?? null;
}

export async function saveOrder(ctx: EngineContext, client: Queryable, order: OrderRow): Promise<void> {
  await ctx.db.query(
    client,
    `UPDATE sim.orders SET status = $2, data = $3, record = $4, state = $5, version = $6, last_sequence = $7,
       updated_at = $8 WHERE order_id = $1`,
    [
      order.order_id,
      order.status,
      JSON.stringify(order.data),
      JSON.stringify(order.record),
      JSON.stringify(order.state),
      order.version,
      order.last_sequence,
      ctx.clock.now(),
    ],
  );
}

export type TimerKind = "csr" | "review" | "foc" | "supp";

export async function scheduleTimer(
  ctx: EngineContext,
  client: Queryable,
  order: OrderRow,
  kind: TimerKind,
  dueAt: Date,
): Promise<void> {
  await scheduleTimers(ctx, client, order, [{ kind, dueAt }]);
}

/** Several timers of one order in one statement. */
export async function scheduleTimers(
  ctx: EngineContext,
  client: Queryable,
  order: OrderRow,
  timers: readonly { kind: TimerKind; dueAt: Date }[],
): Promise<void> {
  const values = timers.map((_, i) => `($1, $${2 * i + 3}, $${2 * i + 4}, $2)`).join(", ");
  await ctx.db.query(client, `INSERT INTO sim.timers (order_id, kind, due_at, version) VALUES ${values}`, [
    order.order_id,
    order.version,
    ...timers.flatMap((timer) => [timer.kind, timer.dueAt]),
  ]);
}

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(stableStringify).join(",")}]`;
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, entry]) => entry !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${stableStringify(entry)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** Identifies a request body independent of key order, to spot an idempotency key reused for another request. */
export function hashRequest(value: unknown): string {
  return createHash("sha256").update(stableStringify(value)).digest("hex");
}
