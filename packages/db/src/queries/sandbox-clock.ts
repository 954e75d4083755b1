import { sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { sandboxClock } from "../schema/index";

/** How far the sandbox's business time runs ahead of real time (0 when never moved). */
export async function readSandboxOffset(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ offsetMs: sandboxClock.offsetMs }).from(sandboxClock).limit(1);
  return row?.offsetMs ?? 0;
}

/** Stores a new offset; it only ever grows, so business time never runs backwards. Returns the stored offset. */
export async function raiseSandboxOffset(db: DbOrTx, offsetMs: number): Promise<number> {
  const [row] = await db
    .insert(sandboxClock)
    .values({ id: 1, offsetMs })
    .onConflictDoUpdate({
      target: sandboxClock.id,
      set: { offsetMs: sql`greatest(${sandboxClock.offsetMs}, excluded.offset_ms)`, updatedAt: sql`now()` },
    })
    .returning({ offsetMs: sandboxClock.offsetMs });
  return row?.offsetMs ?? offsetMs;
}
