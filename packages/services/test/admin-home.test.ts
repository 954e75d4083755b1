import { createDb, type DbHandle } from "@portway/db";
import { createTestDatabase, type TestDatabase } from "@portway/db/testing";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { fixedClock } from "../src/clock";
import { getStaffHome, listStaffOrders, seedDemoData, staffOrderListInput } from "../src/index";

/** The admin home's figures over real PostgreSQL, at a driven clock: Monday 2026-12-07, 10:00 ET. */
let database: TestDatabase;
let handle: DbHandle;
const clock = fixedClock(new Date("2026-12-07T15:00:00Z"));
const analyst = "demo-analyst-portway";
const ids: Record<string, string> = {};

async function order(key: string, columns: Record<string, unknown>) {
  const acme = (await handle.pool.query("select id from customer_accounts where slug = 'acme-voice'")).rows[0].id;
  const names = Object.keys(columns);
  const row = await handle.pool.query(
    `insert into port_orders (account_id, port_type, customer_reference, tn_count, ${names.join(", ")})
     values ($1, 'AUTOMATED', $2, 1, ${names.map((_, i) => `$${i + 3}`).join(", ")}) returning id`,
    [acme, `HOME-${key}`, ...Object.values(columns)],
  );
  ids[key] = row.rows[0].id;
  return ids[key];
}

beforeAll(async () => {
  database = await createTestDatabase("admin_home", inject("databaseUrl"));
  handle = createDb(database.url);
  await seedDemoData(handle.db, { production: false });
  // Demo orders of the seed are not part of this test's arithmetic.
  await handle.pool.query("update port_orders set status = 'COMPLETE', stuck_since = null, foc_at = null");
  // Today 16:30 ET (FOC), one held by a SUPP in flight, one tomorrow, one today but cancelled.
  await order("focToday", { status: "FOC", foc_at: "2026-12-07T21:30:00Z", assigned_to: analyst });
  await order("focHeld", {
    status: "FOC",
    foc_at: "2026-12-07T16:00:00Z",
    supp: JSON.stringify({ type: "RESCHEDULE" }),
  });
  await order("focTomorrow", { status: "FOC", foc_at: "2026-12-08T16:00:00Z" });
  await order("focCancelled", { status: "CANCELLED", foc_at: "2026-12-07T16:00:00Z" });
  await order("activation", {
    status: "FOC",
    foc_at: "2026-12-06T16:00:00Z",
    activation_due_at: "2026-12-07T17:00:00Z",
    activation_sent: false,
  });
  // Exceptions: one waiting 6 days (late: more than 120 h), one since yesterday.
  await order("oldException", { status: "EXCEPTION", last_progress_at: "2026-12-01T15:00:00Z", assigned_to: analyst });
  await order("newException", { status: "EXCEPTION", last_progress_at: "2026-12-06T15:00:00Z" });
  await order("stuck", {
    status: "CSR_REVIEW",
    last_progress_at: "2026-12-03T15:00:00Z",
    stuck_since: "2026-12-05T15:00:00Z",
  });
  await handle.pool.query(
    `insert into manual_requests (order_id, kind, reason, created_at) values
       ($1, 'PROJECT_PORT', 'big', '2026-12-04T15:00:00Z'), ($2, 'SHORT_NOTICE_RESCHEDULE', 'soon', '2026-12-07T14:00:00Z')`,
    [ids.newException, ids.focHeld],
  );
});
afterAll(async () => {
  await handle?.close();
  await database?.teardown();
});

describe("the admin home", () => {
  it("shows each queue's count, oldest age and late items at the clock's time", async () => {
    const home = await getStaffHome(handle.db, clock, analyst);
    const byQueue = Object.fromEntries(home.queues.map((q) => [q.queue, q]));
    expect(byQueue.exceptions).toMatchObject({ count: 2, oldestAgeHours: 144, past: 1 });
    expect(byQueue["project-ports"]).toMatchObject({ count: 1, oldestAgeHours: 72, past: 1 });
    expect(byQueue["short-notice"]).toMatchObject({ count: 1, oldestAgeHours: 1, past: 0 });
    expect(byQueue.stuck).toMatchObject({ count: 1, past: 1 });
    expect(byQueue["failed-deliveries"]).toMatchObject({ count: 0, oldestAgeHours: null });
  });

  it("lists FOCs and activations due today (ET) with those a SUPP holds, and my items", async () => {
    const home = await getStaffHome(handle.db, clock, analyst);
    expect(home.today.date).toBe("2026-12-07");
    expect(home.focsDue.total).toBe(2);
    expect(home.focsDue.held).toBe(1);
    expect(home.focsDue.rows.map((r) => [r.id, r.heldBySupp])).toEqual([
      [ids.focHeld, true],
      [ids.focToday, false],
    ]);
    expect(home.activationsDue.rows.map((r) => r.id)).toEqual([ids.activation]);
    expect(home.mine.orders).toBe(2);
    expect(home.mine.queues.find((q) => q.queue === "exceptions")).toMatchObject({ count: 1, past: 1 });
    // Late at night ET it is still Monday: 23:30 ET is 04:30 UTC on Tuesday.
    const late = await getStaffHome(handle.db, fixedClock(new Date("2026-12-08T04:30:00Z")), analyst);
    expect(late.today.date).toBe("2026-12-07");
    expect(late.focsDue.total).toBe(2);
  });

  it("links to filtered lists that hold exactly the figures", async () => {
    const home = await getStaffHome(handle.db, clock, analyst);
    const from = home.today.start.toISOString();
    const to = home.today.end.toISOString();
    const list = (input: Record<string, unknown>) => listStaffOrders(handle.db, staffOrderListInput.parse(input));
    const open = ["SUBMITTED", "CSR_REVIEW", "PENDING_FOC", "FOC", "SUPP_PENDING", "EXCEPTION"];
    expect((await list({ focFrom: from, focTo: to, statuses: open })).total).toBe(home.focsDue.total);
    expect((await list({ focFrom: from, focTo: to, statuses: open, held: true })).rows.map((r) => r.id)).toEqual([
      ids.focHeld,
    ]);
    expect((await list({ activationFrom: from, activationTo: to })).rows.map((r) => r.id)).toEqual([ids.activation]);
    expect((await list({ assignee: analyst, statuses: open })).total).toBe(home.mine.orders);
  });
});
