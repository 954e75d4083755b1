import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDb, type DbHandle, type DbOrTx, readTogether } from "../src/client";

let handle: DbHandle;

beforeAll(() => {
  handle = createDb(inject("databaseUrl"), { max: 4 });
});
afterAll(async () => {
  await handle.close();
});

/** A read that holds its connection for a moment and says which backend ran it, and when it started and ended. */
async function backendRead(db: DbOrTx) {
  const result = await db.execute<{ pid: number; started: string; ended: string }>(
    sql`select pg_backend_pid() as pid, clock_timestamp()::text as started, (select pg_sleep(0.05))::text,
               clock_timestamp()::text as ended`,
  );
  const row = result.rows[0];
  if (!row) {
    throw new Error("no row");
  }
  return { pid: row.pid, started: Date.parse(row.started), ended: Date.parse(row.ended) };
}

describe("readTogether", () => {
  it("runs the reads at once on the pool, each on a connection of its own, and answers them in order", async () => {
    const [first, second, label] = await readTogether(
      handle.db,
      () => backendRead(handle.db),
      () => backendRead(handle.db),
      async () => "third",
    );
    expect(first.pid).not.toBe(second.pid);
    // Each started before the other ended: they overlapped.
    expect(second.started).toBeLessThan(first.ended);
    expect(first.started).toBeLessThan(second.ended);
    expect(label).toBe("third");
  });

  it("runs them one after the other on a transaction, whose one connection runs one query at a time", async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.message);
    process.on("warning", onWarning);
    try {
      const [first, second, third] = await handle.db.transaction((tx) =>
        readTogether(
          tx,
          () => backendRead(tx),
          () => backendRead(tx),
          () => backendRead(tx),
        ),
      );
      expect(new Set([first.pid, second.pid, third.pid]).size).toBe(1);
      expect(second.started).toBeGreaterThanOrEqual(first.ended);
      expect(third.started).toBeGreaterThanOrEqual(second.ended);
    } finally {
      process.off("warning", onWarning);
    }
    // pg warns when a client is given a query while it runs another; nothing here did.
    expect(warnings.filter((message) => message.includes("already executing a query"))).toEqual([]);
  });

  it("fails with the first read that fails, on the pool and on a transaction", async () => {
    const failing = async () => {
      throw new Error("read failed");
    };
    await expect(readTogether(handle.db, () => backendRead(handle.db), failing)).rejects.toThrow("read failed");
    await expect(handle.db.transaction((tx) => readTogether(tx, failing, () => backendRead(tx)))).rejects.toThrow(
      "read failed",
    );
  });
});
