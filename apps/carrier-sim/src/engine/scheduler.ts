import { runTimer, type TimerRow } from "./lifecycle";
import { lockOrder } from "./order-rows";
import type { EngineContext } from "./types";

/** Runs every timer due at or before `upTo`, oldest first, each in its own transaction under the order's lock. */
export async function runDueTimers(ctx: EngineContext, upTo: Date): Promise<number> {
  let processed = 0;
  for (;;) {
    const due = await ctx.db.query<TimerRow>(
      ctx.db.pool,
      `SELECT id, order_id, kind, due_at, version FROM sim.timers
        WHERE done_at IS NULL AND due_at <= $1 ORDER BY due_at, id LIMIT 200`,
      [upTo],
    );
    if (due.rows.length === 0) {
      return processed;
    }
    for (const timer of due.rows) {
      await ctx.db.transaction(async (client) => {
        const order = await lockOrder(ctx, client, timer.order_id);
        const claimed = await ctx.db.query(
          client,
          "UPDATE sim.timers SET done_at = now() WHERE id = $1 AND done_at IS NULL RETURNING id",
          [timer.id],
        );
        if (order && claimed.rows.length > 0) {
          await runTimer(ctx, client, order, timer);
        }
      });
      processed += 1;
    }
  }
}

export async function findNextTimerDue(ctx: EngineContext): Promise<Date | null> {
  const result = await ctx.db.query<{ due: Date | null }>(
    ctx.db.pool,
    "SELECT min(due_at) AS due FROM sim.timers WHERE done_at IS NULL",
  );
  return result.rows[0]?.due ?? null;
}
