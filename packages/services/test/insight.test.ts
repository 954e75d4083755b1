import { createDb, type DbHandle } from "@portway/db";
import { createTestDatabase, type TestDatabase } from "@portway/db/testing";
import { addDays, countBusinessDays, weightedPercentile } from "@portway/domain";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { refreshCarrierStats, rejectionRiskWarnings, seedDemoData, seedNumberingData } from "../src/index";

/**
 * Carrier statistics against a direct computation on a seeded history: a busy carrier (60 orders, a quarter
 * rejected for the service address), one under the minimum sample (10 orders, all rejected) and one with none.
 */
let database: TestDatabase;
let handle: DbHandle;
const now = new Date("2026-11-30T17:00:00Z");
interface Seeded {
  submittedOn: string;
  focOn: string | null;
  rejected: string | null;
}
const seeded: Seeded[] = [];
let carriers: { id: string; spid: string; name: string }[] = [];

async function seedOrder(accountId: string, carrierId: string, order: Seeded) {
  const client = await handle.pool.connect();
  try {
    const row = await client.query<{ id: string }>(
      `insert into port_orders (account_id, status, port_type, carrier_id, tn_count, requested_foc_at, foc_at)
       values ($1, $2, 'AUTOMATED', $3, 1, $4, $4) returning id`,
      [accountId, order.focOn ? "FOC" : "EXCEPTION", carrierId, order.focOn ? `${order.focOn}T16:00:00Z` : null],
    );
    const id = row.rows[0]?.id;
    await client.query(
      `insert into order_history (order_id, version, at, actor_kind, event, from_status, to_status)
       values ($1, 2, $2, 'CUSTOMER', 'SUBMIT', 'DRAFT', 'SUBMITTED')`,
      [id, `${order.submittedOn}T15:00:00Z`],
    );
    if (order.focOn) {
      await client.query(
        `insert into order_history (order_id, version, at, actor_kind, event, from_status, to_status)
         values ($1, 4, $2, 'PARTNER', 'FOC_RECEIVED', 'PENDING_FOC', 'FOC')`,
        [id, `${order.focOn}T15:00:00Z`],
      );
    }
    if (order.rejected) {
      await client.query(
        `insert into rejections (order_id, code, reason, carrier_id, received_at) values ($1, 'T', $2, $3, $4)`,
        [id, order.rejected, carrierId, `${addDays(order.submittedOn, 1)}T15:00:00Z`],
      );
    }
  } finally {
    client.release();
  }
}

beforeAll(async () => {
  database = await createTestDatabase("insight", inject("databaseUrl"));
  handle = createDb(database.url, { max: 4 });
  await seedDemoData(handle.db, { production: false });
  await seedNumberingData(handle.db);
  carriers = (
    await handle.pool.query<{ id: string; spid: string; name: string }>(
      "select id, spid, name from carriers where type = 'WIRELINE' order by spid limit 3",
    )
  ).rows;
  const account = (await handle.pool.query<{ id: string }>("select id from customer_accounts limit 1")).rows[0];
  const [busy, small] = carriers;
  if (!account || !busy || !small) {
    throw new Error("seed data without an account or carriers");
  }
  for (let i = 0; i < 60; i++) {
    const submittedOn = addDays("2026-09-14", i);
    const order = {
      submittedOn,
      focOn: i % 4 === 0 ? null : addDays(submittedOn, 3 + (i % 7)),
      rejected: i % 4 === 0 ? "ADDRESS_MISMATCH" : null,
    };
    seeded.push(order);
    await seedOrder(account.id, busy.id, order);
  }
  // Before the period: never counted.
  await seedOrder(account.id, busy.id, { submittedOn: "2026-06-01", focOn: null, rejected: "ADDRESS_MISMATCH" });
  for (let i = 0; i < 10; i++) {
    await seedOrder(account.id, small.id, {
      submittedOn: addDays("2026-10-01", i),
      focOn: null,
      rejected: "ADDRESS_MISMATCH",
    });
  }
  await refreshCarrierStats(handle.db, now);
}, 120_000);
afterAll(async () => {
  await handle?.close();
});

describe("carrier statistics", () => {
  it("match a direct computation over the last 90 days, with nothing for an empty carrier", async () => {
    const rows = (await handle.pool.query("select * from carrier_stats where \"window\" = 'ROLLING_90'")).rows;
    const [busy, small, empty] = carriers;
    const all = rows.find((r) => r.carrier_id === busy?.id && r.port_type === "ALL");
    const from = addDays("2026-11-30", -89);
    const inPeriod = seeded.filter((s) => s.submittedOn >= from);
    const focDays = inPeriod.flatMap((s) =>
      s.focOn ? [{ value: countBusinessDays(s.submittedOn, s.focOn), count: 1 }] : [],
    );
    expect(all?.orders_submitted).toBe(inPeriod.length);
    expect(all?.rejected_orders_by_reason).toEqual({ ADDRESS_MISMATCH: inPeriod.filter((s) => s.rejected).length });
    expect(all?.first_time_right).toBe(inPeriod.filter((s) => !s.rejected).length);
    expect(all?.foc_sample).toBe(focDays.length);
    expect(all?.foc_median_days).toBe(weightedPercentile(focDays, 50));
    expect(all?.foc_p90_days).toBe(weightedPercentile(focDays, 90));
    expect(all?.foc_on_requested_date).toBe(focDays.length);
    expect(rows.find((r) => r.carrier_id === small?.id && r.port_type === "ALL")?.orders_submitted).toBe(10);
    expect(rows.filter((r) => r.carrier_id === empty?.id)).toEqual([]);
  });

  it("warn above the threshold, not below it nor under the minimum sample", async () => {
    const [busy, small, empty] = carriers;
    const orders = [busy, small, empty].map((c) => ({ carrierSpid: c?.spid ?? "", portType: "AUTOMATED" }));
    const result = await rejectionRiskWarnings(
      handle.db,
      { accountId: "any", now, orders, pin: "1234" },
      { minSample: 20, thresholdPercent: 20 },
    );
    expect(result.warnings.map((w) => [w.carrierName, w.field, w.sample])).toEqual([
      [busy?.name, "serviceAddress", 60],
    ]);
    expect(result.warnings[0]?.message).toMatch(/rejected 25% of 60 orders in the last 90 days for a service address/);
    const higher = await rejectionRiskWarnings(
      handle.db,
      { accountId: "any", now, orders, pin: "1" },
      { minSample: 20, thresholdPercent: 30 },
    );
    expect(higher.warnings).toEqual([]);
    expect(result.expectations.find((e) => e.carrierSpid === busy?.spid)?.message).toMatch(
      /usually commits FOC in \d+ business days \(median of 45 orders; \d+ at the 90th percentile\)/,
    );
    expect(result.expectations.find((e) => e.carrierSpid === small?.spid)?.message).toBeNull();
  });
});
