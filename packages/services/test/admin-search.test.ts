import { createDb, type DbHandle } from "@portway/db";
import { createTestDatabase, type TestDatabase } from "@portway/db/testing";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  exportStaffOrdersCsv,
  listStaffOrders,
  type ServiceError,
  searchEverything,
  seedDemoData,
  seedNumberingData,
  staffOrderListInput,
} from "../src/index";

/**
 * Staff search over real PostgreSQL: orders of two accounts inserted directly, then found by TN in every format of
 * SPEC 3, by PON, partner order ID, BTN, customer reference and account name; the orders list's filters; the CSV.
 */
let database: TestDatabase;
let handle: DbHandle;
const ids: Record<string, string> = {};
let carrierIds: string[] = [];
let harborId = "";

async function insertOrder(
  key: string,
  o: {
    accountId: string;
    status: string;
    pon?: string;
    partnerOrderId?: string;
    reference: string;
    btn: string;
    tns: string[];
    carrierId?: string;
    assignedTo?: string;
    focAt?: string;
    createdAt: string;
  },
) {
  const row = await handle.pool.query<{ id: string }>(
    `insert into port_orders (account_id, status, port_type, pon, partner_order_id, customer_reference, btn,
                              carrier_id, assigned_to, tn_count, foc_at, created_at)
     values ($1, $2, 'AUTOMATED', $3, $4, $5, $6, $7, $8, $9, $10, $11) returning id`,
    [
      o.accountId,
      o.status,
      o.pon ?? null,
      o.partnerOrderId ?? null,
      o.reference,
      o.btn,
      o.carrierId ?? null,
      o.assignedTo ?? null,
      o.tns.length,
      o.focAt ?? null,
      o.createdAt,
    ],
  );
  const id = row.rows[0]?.id ?? "";
  for (const tn of o.tns) {
    await handle.pool.query("insert into port_order_tns (order_id, account_id, tn, active) values ($1, $2, $3, $4)", [
      id,
      o.accountId,
      tn,
      !["COMPLETE", "CANCELLED"].includes(o.status),
    ]);
  }
  ids[key] = id;
}

beforeAll(async () => {
  database = await createTestDatabase("admin_search", inject("databaseUrl"));
  handle = createDb(database.url);
  await seedDemoData(handle.db, { production: false });
  await seedNumberingData(handle.db);
  const accounts = await handle.pool.query<{ id: string; slug: string }>("select id, slug from customer_accounts");
  const acme = accounts.rows.find((a) => a.slug === "acme-voice")?.id ?? "";
  harborId = accounts.rows.find((a) => a.slug === "blue-harbor")?.id ?? "";
  carrierIds = (await handle.pool.query<{ id: string }>("select id from carriers order by name limit 2")).rows.map(
    (r) => r.id,
  );
  await insertOrder("boston", {
    accountId: acme,
    status: "FOC",
    pon: "400000006",
    partnerOrderId: "L3-77001",
    reference: "ACME-BOSTON-1",
    btn: "+16172536000",
    tns: ["+16172536070", "+16172536071"],
    carrierId: carrierIds[0],
    assignedTo: "demo-analyst-portway",
    focAt: "2026-12-10T16:00:00Z",
    createdAt: "2026-11-02T15:00:00Z",
  });
  // The same TN ported before and cancelled: an older order that also held it.
  await insertOrder("bostonOld", {
    accountId: acme,
    status: "CANCELLED",
    pon: "400000001",
    reference: "ACME-BOSTON-0",
    btn: "+16172536000",
    tns: ["+16172536070"],
    carrierId: carrierIds[0],
    createdAt: "2026-10-01T15:00:00Z",
  });
  await insertOrder("harbor", {
    accountId: harborId,
    status: "EXCEPTION",
    pon: "400000007",
    reference: '=HYPERLINK("http://x.test")',
    btn: "+12125557000",
    tns: ["+12125557001"],
    carrierId: carrierIds[1],
    focAt: "2026-12-15T16:00:00Z",
    createdAt: "2026-11-20T15:00:00Z",
  });
});

afterAll(async () => {
  await handle?.close();
  await database?.teardown();
});

describe("the search box", () => {
  it.each(["(617) 253-6071", "6172536071", "617.253.6071", "617/253-6071", "1-617-253-6071", "+1 617 253 6071"])(
    "reads the TN %s in any format and goes straight to its one order",
    async (q) => {
      const found = await searchEverything(handle.db, { q });
      expect(found.tn).toBe("+16172536071");
      expect(found.goTo).toBe(`/orders/${ids.boston}`);
    },
  );

  it("lists every order that ever held a TN, newest first, without going to one", async () => {
    const found = await searchEverything(handle.db, { q: "(617) 253-6070" });
    expect(found.goTo).toBeNull();
    expect(found.orders.map((o) => o.id)).toEqual([ids.boston, ids.bostonOld]);
    expect(found.orders[0]).toMatchObject({ accountName: "Acme Voice", assigneeName: "Ana Analyst" });
  });

  it.each([
    ["PON", "400000006", "boston"],
    ["partner order ID", "L3-77001", "boston"],
    ["customer reference", "ACME-BOSTON-0", "bostonOld"],
    ["BTN in another format", "(212) 555-7000", "harbor"],
  ])("goes straight to the order of a %s", async (_kind, q, key) => {
    expect((await searchEverything(handle.db, { q })).goTo).toBe(`/orders/${ids[key]}`);
  });

  it("finds accounts by part of their name, and both orders of a shared BTN as a list", async () => {
    const accounts = await searchEverything(handle.db, { q: "harbor" });
    expect(accounts.accounts.map((a) => a.id)).toEqual([harborId]);
    expect(accounts.goTo).toBe(`/accounts/${harborId}`);
    const shared = await searchEverything(handle.db, { q: "617-253-6000" });
    expect(shared.goTo).toBeNull();
    expect(shared.orders).toHaveLength(2);
  });

  it("answers nothing found for an unknown PON and treats LIKE characters literally", async () => {
    expect(await searchEverything(handle.db, { q: "4000%" })).toMatchObject({ orders: [], accounts: [], goTo: null });
    expect((await searchEverything(handle.db, { q: "_" })).accounts).toEqual([]);
  });
});

describe("the staff orders list", () => {
  const list = (input: Record<string, unknown>) => listStaffOrders(handle.db, staffOrderListInput.parse(input));

  it("filters across accounts by status, account, losing carrier, assignee, TN and FOC range", async () => {
    const all = await list({});
    expect(all.rows.map((r) => r.id)).toEqual([ids.harbor, ids.boston, ids.bostonOld]);
    expect((await list({ statuses: ["EXCEPTION"] })).rows.map((r) => r.id)).toEqual([ids.harbor]);
    expect((await list({ accountId: harborId })).rows.map((r) => r.id)).toEqual([ids.harbor]);
    expect((await list({ carrierId: carrierIds[0] })).rows.map((r) => r.id)).toEqual([ids.boston, ids.bostonOld]);
    expect((await list({ assignee: "demo-analyst-portway" })).rows.map((r) => r.id)).toEqual([ids.boston]);
    expect((await list({ assignee: "none" })).rows.map((r) => r.id)).toEqual([ids.harbor, ids.bostonOld]);
    expect((await list({ tn: "(617) 253-6070" })).rows.map((r) => r.id)).toEqual([ids.boston, ids.bostonOld]);
    expect(
      (await list({ focFrom: "2026-12-12T00:00:00Z", focTo: "2026-12-31T00:00:00Z" })).rows.map((r) => r.id),
    ).toEqual([ids.harbor]);
    expect(
      (await list({ createdFrom: "2026-11-01T00:00:00Z", createdTo: "2026-11-10T00:00:00Z" })).rows.map((r) => r.id),
    ).toEqual([ids.boston]);
  });

  it("pages and counts, and refuses a TN filter with letters naming the field", async () => {
    const page = await list({ pageSize: 2, page: 0 });
    expect(page).toMatchObject({ total: 3, totalCapped: false });
    expect(page.rows).toHaveLength(2);
    const error = await list({ tn: "617-CALL-NOW" }).catch((e: ServiceError) => e);
    expect(error).toMatchObject({ kind: "INVALID", field: "tn" });
  });

  it("exports the whole filtered set as CSV with formulas neutralised", async () => {
    let csv = "";
    for await (const chunk of exportStaffOrdersCsv(handle.db, { statuses: ["EXCEPTION", "FOC"] })) {
      csv += chunk;
    }
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toMatch(/^Order ID,Account,Customer reference,Status/);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://x.test"")"`);
    expect(lines[2]).toContain("ACME-BOSTON-1,FOC,AUTOMATED,400000006,L3-77001");
  });
});
