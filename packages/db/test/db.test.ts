import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDb, type DbHandle } from "../src/client";
import { insertRows } from "../src/queries/bulk";
import {
  findCustomerAccounts,
  findHeartbeats,
  findOrdersPage,
  insertHistoryEntries,
  recordHeartbeat,
  updateOrderRows,
} from "../src/queries/index";
import { authUsers, customerAccounts, orderHistory, portOrders, portOrderTns, portRequests } from "../src/schema/index";
import { migrateDatabase } from "../src/server/index";

let handle: DbHandle;

beforeAll(() => {
  handle = createDb(inject("databaseUrl"));
});
afterAll(async () => {
  await handle.close();
});

describe("migrations", () => {
  it("apply again as a no-op, also from several processes at once", async () => {
    await Promise.all([migrateDatabase(handle.db), migrateDatabase(handle.db), migrateDatabase(handle.db)]);
    const applied = await handle.pool.query("select count(*)::int as n from drizzle.__drizzle_migrations");
    expect(applied.rows[0].n).toBeGreaterThanOrEqual(1);
  });
});

describe("heartbeats", () => {
  it("record the last run and count the runs", async () => {
    await recordHeartbeat(handle.db, "test-job", new Date("2026-01-01T00:00:00Z"), { n: 1 });
    await recordHeartbeat(handle.db, "test-job", new Date("2026-01-01T00:01:00Z"), { n: 2 });
    const rows = await findHeartbeats(handle.db);
    const row = rows.find((r) => r.name === "test-job");
    expect(row?.runCount).toBe(2);
    expect(row?.lastRunAt.toISOString()).toBe("2026-01-01T00:01:00.000Z");
    expect(row?.detail).toEqual({ n: 2 });
  });
});

describe("orders page", () => {
  it("only ever returns the asked account's orders, paged and sorted", async () => {
    const [a, b] = await handle.db
      .insert(customerAccounts)
      .values([
        { name: "Alpha", slug: "alpha-page" },
        { name: "Beta", slug: "beta-page" },
      ])
      .returning();
    if (!a || !b) {
      throw new Error("accounts not created");
    }
    await handle.db
      .insert(portOrders)
      .values([
        ...Array.from({ length: 5 }, (_, i) => ({ accountId: a.id, customerReference: `A-${i}`, pon: `P${i}` })),
        { accountId: b.id, customerReference: "B-0" },
      ]);
    const page = await findOrdersPage(
      handle.db,
      { accountId: a.id },
      {
        page: 1,
        pageSize: 2,
        sort: "pon",
        direction: "asc",
      },
    );
    expect(page.total).toBe(5);
    expect(page.rows.map((r) => r.pon)).toEqual(["P2", "P3"]);
    const other = await findOrdersPage(
      handle.db,
      { accountId: b.id },
      {
        page: 0,
        pageSize: 50,
        sort: "createdAt",
        direction: "desc",
      },
    );
    expect(other.rows.map((r) => r.customerReference)).toEqual(["B-0"]);
  });

  it("refuses a second port request with the same customer reference in one account", async () => {
    const [acct] = await handle.db.insert(customerAccounts).values({ name: "Gamma", slug: "gamma-ref" }).returning();
    if (!acct) {
      throw new Error("account not created");
    }
    await handle.db.insert(portRequests).values({ accountId: acct.id, customerReference: "REF-1", tnCount: 1 });
    await expect(
      handle.db.insert(portRequests).values({ accountId: acct.id, customerReference: "REF-1", tnCount: 1 }),
    ).rejects.toThrow();
  });

  it("keeps a TN in at most one active order across accounts, and frees it when inactive", async () => {
    const accounts = await handle.db
      .insert(customerAccounts)
      .values([
        { name: "Delta", slug: "delta-tn" },
        { name: "Epsilon", slug: "epsilon-tn" },
      ])
      .returning();
    const [d, e] = accounts;
    if (!d || !e) {
      throw new Error("accounts not created");
    }
    const [o1, o2] = await handle.db
      .insert(portOrders)
      .values([{ accountId: d.id }, { accountId: e.id }])
      .returning();
    if (!o1 || !o2) {
      throw new Error("orders not created");
    }
    await handle.db.insert(portOrderTns).values({ orderId: o1.id, accountId: d.id, tn: "+13125550150" });
    await expect(
      handle.db.insert(portOrderTns).values({ orderId: o2.id, accountId: e.id, tn: "+13125550150" }),
    ).rejects.toMatchObject({ cause: { constraint: "port_order_tns_active_uq" } });
    await handle.db.update(portOrderTns).set({ active: false }).where(eq(portOrderTns.orderId, o1.id));
    await handle.db.insert(portOrderTns).values({ orderId: o2.id, accountId: e.id, tn: "+13125550150" });
    await expect(
      handle.db.insert(portOrderTns).values({ orderId: o2.id, accountId: e.id, tn: "+1312555015" }),
    ).rejects.toMatchObject({ cause: { constraint: "port_order_tns_tn" } });
  });

  it("keeps the order history append-only", async () => {
    const [acct] = await handle.db.insert(customerAccounts).values({ name: "Zeta", slug: "zeta-history" }).returning();
    if (!acct) {
      throw new Error("account not created");
    }
    const [order] = await handle.db.insert(portOrders).values({ accountId: acct.id }).returning();
    if (!order) {
      throw new Error("order not created");
    }
    await handle.db.insert(orderHistory).values({
      orderId: order.id,
      version: 1,
      at: new Date(),
      actorKind: "USER",
      event: "SUBMIT",
      fromStatus: "DRAFT",
      toStatus: "SUBMITTED",
    });
    const appendOnly = { cause: { message: expect.stringMatching(/append-only/) } };
    await expect(handle.db.update(orderHistory).set({ reason: "rewrite" })).rejects.toMatchObject(appendOnly);
    await expect(handle.db.delete(orderHistory)).rejects.toMatchObject(appendOnly);
    await expect(handle.pool.query("truncate order_history")).rejects.toThrow(/append-only/);
    const rows = await handle.db.select().from(orderHistory).where(eq(orderHistory.orderId, order.id));
    expect(rows).toHaveLength(1);
  });
});

describe("users", () => {
  it("enforce that customers have an account and staff have none", async () => {
    const accounts = await findCustomerAccounts(handle.db);
    const accountId = accounts[0]?.id;
    expect(accountId).toBeDefined();
    await expect(
      handle.db
        .insert(authUsers)
        .values({ id: "s1", name: "S", email: "s1@x.test", kind: "staff", role: "lead", accountId }),
    ).rejects.toThrow();
    await expect(
      handle.db
        .insert(authUsers)
        .values({ id: "c1", name: "C", email: "c1@x.test", kind: "customer", role: "lead", accountId }),
    ).rejects.toThrow();
    await handle.db
      .insert(authUsers)
      .values({ id: "c2", name: "C", email: "c2@x.test", kind: "customer", role: "member", accountId });
    const refreshed = await findCustomerAccounts(handle.db);
    expect(refreshed.find((r) => r.id === accountId)?.userCount).toBe(1);
  });
});

describe("server checks", () => {
  it("explain an unreachable server in one line", async () => {
    const { checkReachable, DatabaseStartupError } = await import("../src/server/index");
    const failure = checkReachable("postgres://u:p@127.0.0.1:1/nowhere");
    await expect(failure).rejects.toBeInstanceOf(DatabaseStartupError);
    await expect(checkReachable("postgres://u:p@127.0.0.1:1/nowhere")).rejects.toThrow(
      /^Cannot reach PostgreSQL at 127\.0\.0\.1:1 \(DATABASE_URL\): .*unset it to use the embedded server\.$/,
    );
    await expect(checkReachable(inject("databaseUrl"))).resolves.toBeUndefined();
  });

  it("tell whether a port is free", async () => {
    const { findFreePort, isPortFree } = await import("../src/server/index");
    const { createServer } = await import("node:net");
    const port = await findFreePort();
    expect(await isPortFree(port)).toBe(true);
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
    expect(await isPortFree(port)).toBe(false);
    await new Promise((resolve) => server.close(resolve));
  });
});

describe("large lists", () => {
  it("count exactly up to the cap and say '10,000+' beyond it, without scanning every row", async () => {
    const { bulkSeedOrders } = await import("../src/testing/bulk-seed");
    const { ORDER_COUNT_CAP } = await import("../src/queries/orders");
    const { accountIds } = await bulkSeedOrders(handle, { orders: ORDER_COUNT_CAP + 5, tnsPerOrder: 1, accounts: 1 });
    const accountId = accountIds[0] ?? "";
    const page = await findOrdersPage(
      handle.db,
      { accountId },
      { page: 2, pageSize: 25, sort: "focAt", direction: "desc" },
    );
    expect(page).toMatchObject({ total: ORDER_COUNT_CAP, totalCapped: true });
    expect(page.rows).toHaveLength(25);
    const few = await findOrdersPage(
      handle.db,
      { accountId },
      { page: 0, pageSize: 25, sort: "createdAt", direction: "desc", customerReference: "BENCH-1000" },
    );
    expect(few).toMatchObject({ totalCapped: false });
    expect(few.rows.map((r) => r.customerReference)).toContain("BENCH-1000");
  });
});

describe("bulk writes", () => {
  it("insert rows in the order given, with their own column sets, JSON, nulls and defaults", async () => {
    const [acct] = await handle.db.insert(customerAccounts).values({ name: "Eta", slug: "eta-bulk" }).returning();
    if (!acct) {
      throw new Error("account not created");
    }
    const [order] = await handle.db.insert(portOrders).values({ accountId: acct.id }).returning();
    if (!order) {
      throw new Error("order not created");
    }
    const at = new Date("2026-03-02T15:04:05.678Z");
    await insertHistoryEntries(handle.db, [
      {
        orderId: order.id,
        version: 1,
        at,
        actorKind: "USER",
        event: "SUBMIT",
        fromStatus: "DRAFT",
        toStatus: "SUBMITTED",
      },
      {
        orderId: order.id,
        version: 2,
        at,
        actorKind: "PARTNER",
        actorId: null,
        event: "PARTNER_ACCEPTED",
        fromStatus: "SUBMITTED",
        toStatus: "CSR_REVIEW",
        reason: `quote " backslash \\ and ünïcode`,
        changes: [{ field: "pon", from: null, to: "123456789" }],
      },
      {
        orderId: order.id,
        version: 3,
        at,
        actorKind: "SYSTEM",
        event: "NOTE",
        fromStatus: "CSR_REVIEW",
        toStatus: "CSR_REVIEW",
      },
    ]);
    const rows = await handle.db
      .select()
      .from(orderHistory)
      .where(eq(orderHistory.orderId, order.id))
      .orderBy(orderHistory.id);
    expect(rows.map((r) => r.version)).toEqual([1, 2, 3]);
    expect(rows[0]?.changes).toEqual([]);
    expect(rows[1]?.changes).toEqual([{ field: "pon", from: null, to: "123456789" }]);
    expect(rows[1]?.reason).toBe(`quote " backslash \\ and ünïcode`);
    expect(rows[1]?.at.toISOString()).toBe("2026-03-02T15:04:05.678Z");
    expect(rows[2]?.actorId).toBeNull();
    const returned = await insertRows(
      handle.db,
      portOrders,
      [{ accountId: acct.id, tnCount: 3, onNet: true, details: { btn: "+13125550100" } }],
      sql`id, tn_count, on_net, details, status`,
    );
    expect(returned).toEqual([
      { id: expect.any(String), tn_count: 3, on_net: true, details: { btn: "+13125550100" }, status: "DRAFT" },
    ]);
  });

  it("update many orders at once, skipping one whose version moved on", async () => {
    const [acct] = await handle.db.insert(customerAccounts).values({ name: "Theta", slug: "theta-bulk" }).returning();
    if (!acct) {
      throw new Error("account not created");
    }
    const orders = await handle.db
      .insert(portOrders)
      .values([{ accountId: acct.id }, { accountId: acct.id }, { accountId: acct.id }])
      .returning();
    const [a, b, c] = orders;
    if (!a || !b || !c) {
      throw new Error("orders not created");
    }
    const focAt = new Date("2026-04-01T15:00:00.000Z");
    const written = await updateOrderRows(handle.db, [
      {
        orderId: a.id,
        expectedVersion: 1,
        values: { status: "SUBMITTED", version: 2, focAt, supp: { type: "CANCEL" } },
      },
      { orderId: b.id, expectedVersion: 7, values: { status: "SUBMITTED", version: 8, focAt, supp: null } },
      { orderId: c.id, expectedVersion: 1, values: { status: "CANCELLED", version: 2, pon: null } },
    ]);
    expect([...written].sort()).toEqual([a.id, c.id].sort());
    const after = new Map(
      (await handle.db.select().from(portOrders).where(sql`${portOrders.accountId} = ${acct.id}`)).map((r) => [
        r.id,
        r,
      ]),
    );
    expect(after.get(a.id)).toMatchObject({ status: "SUBMITTED", version: 2, supp: { type: "CANCEL" } });
    expect(after.get(a.id)?.focAt?.toISOString()).toBe(focAt.toISOString());
    expect(after.get(b.id)).toMatchObject({ status: "DRAFT", version: 1, focAt: null });
    expect(after.get(c.id)).toMatchObject({ status: "CANCELLED", version: 2, pon: null });
  });
});
