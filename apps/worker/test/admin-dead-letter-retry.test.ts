import { findDeadLetters } from "@portway/db";
import { jobNames, retryDeadLetter } from "@portway/services";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type Loop, order, simulatorCall, startLoop, statusOf, submit, waitForStatus } from "./loop-harness";

let loop: Loop;

beforeAll(async () => {
  loop = await startLoop(inject("databaseUrl"), "dead_letters");
});
afterAll(async () => {
  await loop?.stop();
});

async function waitingDeadLetters(orderId: string) {
  const page = await findDeadLetters(loop.handle.db, { page: 0, pageSize: 50, retried: false });
  return page.rows.filter((row) => row.orderId === orderId);
}

describe("a failed partner delivery is retried from the admin portal", () => {
  it("dead-letters a dispatch the partner keeps refusing, then retries it once and delivers it", async () => {
    // The partner answers every API call with 503 until the faults are cleared.
    await simulatorCall(loop.simulatorUrl, "/sim/faults", { errorRate: 1, errorTiming: "before" });
    const [orderId = ""] = await submit(loop, order(["+16172537600"], "DEAD-LETTER-1"));

    // The queue retries with backoff for minutes; shorten this job's retry budget so its next failure is its last.
    const deadline = Date.now() + 90_000;
    let letters = await waitingDeadLetters(orderId);
    while (letters.length === 0 && Date.now() < deadline) {
      await loop.handle.pool.query(
        `update pgboss.job set retry_limit = retry_count, start_after = least(start_after, now())
         where name = $1 and data->>'orderId' = $2 and state < 'completed'`,
        [jobNames.dispatchOrder, orderId],
      );
      await new Promise((resolve) => setTimeout(resolve, 250));
      letters = await waitingDeadLetters(orderId);
    }
    expect(letters).toHaveLength(1);
    const letter = letters[0];
    expect(letter?.job).toBe(jobNames.dispatchOrder);
    expect(letter?.error).toMatch(/503|unavailable|fail/i);
    expect(await statusOf(loop, orderId)).toBe("SUBMITTED");
    const failed = await loop.handle.pool.query(
      "select count(*)::int as n from pgboss.job where name = $1 and data->>'orderId' = $2 and state = 'failed'",
      [jobNames.dispatchOrder, orderId],
    );
    expect(failed.rows[0].n).toBe(1);

    // The partner is back; an analyst retries the delivery.
    await simulatorCall(loop.simulatorUrl, "/sim/faults", {});
    const analyst = { userId: "demo-analyst-portway", name: "Ana Analyst" };
    const retried = await retryDeadLetter(loop.handle.db, loop.clock, analyst, letter?.id ?? "");
    expect(retried.job).toBe(jobNames.dispatchOrder);
    await waitForStatus(loop, orderId, "CSR_REVIEW", 30_000);
    const pon = (await loop.handle.pool.query("select pon from port_orders where id = $1", [orderId])).rows[0].pon;
    expect(pon).toMatch(/^\d{9}$/);

    // The dead letter is marked retried (by whom, which outbox row) and cannot be retried twice.
    expect(await waitingDeadLetters(orderId)).toHaveLength(0);
    const done = await findDeadLetters(loop.handle.db, { page: 0, pageSize: 50, retried: true });
    const mark = done.rows.find((row) => row.id === letter?.id);
    expect(mark?.retriedBy).toBe("Ana Analyst");
    expect(mark?.retryOutboxId).toBe(retried.outboxId);
    await expect(retryDeadLetter(loop.handle.db, loop.clock, analyst, letter?.id ?? "")).rejects.toMatchObject({
      code: "ALREADY_RETRIED",
    });
    // The partner holds exactly one order for it: the retry did not create a second one.
    const stats = await simulatorCall(loop.simulatorUrl, "/sim/stats");
    expect((stats.creates as { duplicateClientOrderIds: string[] }).duplicateClientOrderIds).toEqual([]);
  }, 150_000);
});
