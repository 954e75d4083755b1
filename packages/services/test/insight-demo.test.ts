import { createDb, type DbHandle } from "@portway/db";
import { createTestDatabase, type TestDatabase } from "@portway/db/testing";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  DEMO_CARRIER_HISTORY,
  DEMO_HISTORY_ACCOUNT,
  rejectionRiskWarnings,
  seedDemoCarrierHistory,
  seedDemoData,
  seedNumberingData,
} from "../src/index";

/** The demo's carrier history: finished orders only, statistics that show, and nothing written twice. */
let database: TestDatabase;
let handle: DbHandle;
const now = new Date("2026-12-03T15:00:00Z");

beforeAll(async () => {
  database = await createTestDatabase("insight_demo", inject("databaseUrl"));
  handle = createDb(database.url, { max: 4 });
  await seedDemoData(handle.db, { production: false });
  await seedNumberingData(handle.db);
}, 120_000);
afterAll(async () => {
  await handle?.close();
});

describe("demo carrier history", () => {
  it("is refused in production", async () => {
    await expect(seedDemoCarrierHistory(handle.db, { production: true, now })).rejects.toThrow(/production/);
  });

  it("writes finished orders only, with statistics above the minimum sample, once", async () => {
    const first = await seedDemoCarrierHistory(handle.db, { production: false, now });
    expect(first.created).toBeGreaterThan(250);
    const again = await seedDemoCarrierHistory(handle.db, { production: false, now });
    expect(again.created).toBe(0);
    const statuses = (
      await handle.pool.query<{ status: string; n: number; active: number }>(
        `select o.status, count(distinct o.id)::int as n, count(*) filter (where t.active)::int as active
         from port_orders o join customer_accounts a on a.id = o.account_id and a.slug = $1
         join port_order_tns t on t.order_id = o.id group by o.status order by o.status`,
        [DEMO_HISTORY_ACCOUNT.slug],
      )
    ).rows;
    expect(statuses.map((s) => s.status)).toEqual(["CANCELLED", "COMPLETE"]);
    expect(statuses.every((s) => s.active === 0)).toBe(true);
    // Every history entry continues the previous one's status.
    const broken = await handle.pool.query(
      `select h.order_id from order_history h
       join order_history p on p.order_id = h.order_id and p.version = h.version - 1
       where p.to_status <> h.from_status`,
    );
    expect(broken.rowCount).toBe(0);
    const stats = (
      await handle.pool.query<{ spid: string; orders_submitted: number; foc_median_days: number; by: object }>(
        `select c.spid, s.orders_submitted, s.foc_median_days, s.rejected_orders_by_reason as by
         from carrier_stats s join carriers c on c.id = s.carrier_id
         where s."window" = 'ROLLING_90' and s.port_type = 'ALL' order by c.spid`,
      )
    ).rows;
    const atlantic = stats.find((s) => s.spid === "9202");
    expect(atlantic?.orders_submitted).toBeGreaterThanOrEqual(130);
    expect(atlantic?.foc_median_days).toBe(7);
    expect(stats.find((s) => s.spid === "9201")?.orders_submitted).toBeLessThan(20);
    expect(DEMO_CARRIER_HISTORY.length).toBe(4);
  });

  it("gives Atlantic Telephone an address warning, its median and dates likely to be moved; Prairie a format rule", async () => {
    const result = await rejectionRiskWarnings(handle.db, {
      accountId: "any",
      now,
      orders: [
        { carrierSpid: "9202", portType: "AUTOMATED" },
        { carrierSpid: "9201", portType: "AUTOMATED" },
        { carrierSpid: "9203", portType: "AUTOMATED" },
      ],
      accountNumber: "12345",
      pin: null,
    });
    const address = result.warnings.find((w) => w.field === "serviceAddress");
    expect(address?.message).toMatch(
      /^Atlantic Telephone Company rejected 2\d% of 1\d\d orders in the last 90 days for a service address/,
    );
    expect(result.warnings.find((w) => w.field === "accountNumber" && w.source === "RULE")?.message).toMatch(
      /^Prairie Telephone Cooperative account numbers have 8 characters; this one has 5/,
    );
    const atlantic = result.expectations.find((e) => e.carrierSpid === "9202");
    expect(atlantic?.message).toMatch(/usually commits FOC in 7 business days \(median of \d+ orders; \d+ at the 90th/);
    // Thursday 2026-12-03 + 7 business days = Monday 2026-12-14.
    expect(atlantic?.likelyMovedBefore).toBe("2026-12-14");
    const small = result.expectations.find((e) => e.carrierSpid === "9201");
    expect(small?.message).toBeNull();
    expect(small?.likelyMovedBefore).toBeNull();
  });
});

describe("carrier insight for the porting team", () => {
  it("gives a carrier's rolling figures, reasons with their field and the weekly trend", async () => {
    const { getCarrierInsight } = await import("../src/index");
    const insight = await getCarrierInsight(handle.db, { spid: "9202" });
    expect(insight.carrier.name).toBe("Atlantic Telephone Company");
    expect(insight.all?.focMedianDays).toBe(7);
    const address = insight.all?.rejectionRates.find((r) => r.reason === "ADDRESS_MISMATCH");
    expect(address?.field).toBe("serviceAddress");
    expect(address?.rate).toBeGreaterThan(0.2);
    expect(insight.weeks.length).toBeGreaterThan(5);
    expect(insight.weeks.reduce((n, w) => n + w.ordersSubmitted, 0)).toBeLessThanOrEqual(
      insight.all?.ordersSubmitted ?? 0,
    );
    const empty = await getCarrierInsight(handle.db, { spid: "7A01" });
    expect(empty.all).toBeNull();
    await expect(getCarrierInsight(handle.db, { spid: "0000" })).rejects.toMatchObject({ kind: "NOT_FOUND" });
  });
});
