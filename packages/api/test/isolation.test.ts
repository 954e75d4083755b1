import { createDb, customerAccounts, type DbHandle, portOrders } from "@portway/db";
import { fixedClock, type Identity, seedDemoData } from "@portway/services";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createAdminCaller, createCustomerCaller } from "../src/index";
import type { Context } from "../src/trpc";

let handle: DbHandle;
let acme: string;
let blue: string;

beforeAll(async () => {
  handle = createDb(inject("databaseUrl"));
  await seedDemoData(handle.db, { production: false });
  const accounts = await handle.db.select().from(customerAccounts);
  acme = accounts.find((a) => a.slug === "acme-voice")?.id ?? "";
  blue = accounts.find((a) => a.slug === "blue-harbor")?.id ?? "";
  await handle.db.insert(portOrders).values([
    { accountId: acme, customerReference: "ACME-1", status: "SUBMITTED" },
    { accountId: acme, customerReference: "ACME-2", status: "FOC" },
    { accountId: blue, customerReference: "BLUE-1", status: "SUBMITTED" },
  ]);
});
afterAll(async () => {
  await handle.close();
});

function context(identity: Identity | null): Context {
  return {
    db: handle.db,
    clock: fixedClock(new Date("2026-11-28T12:00:00Z")),
    identity,
    config: { partnerUrl: "http://127.0.0.1:9" },
  };
}

const customer = (accountId: string): Identity => ({
  kind: "customer",
  userId: "u",
  name: "U",
  email: "u@x.test",
  role: "member",
  accountId,
});
const analyst: Identity = { kind: "staff", userId: "s", name: "S", email: "s@x.test", role: "analyst" };

async function codeOf(promise: Promise<unknown>) {
  try {
    await promise;
    return "OK";
  } catch (error) {
    return error instanceof TRPCError ? error.code : "OTHER";
  }
}

describe("customer router", () => {
  it("requires a customer session", async () => {
    expect(await codeOf(createCustomerCaller(context(null)).orders.list({}))).toBe("UNAUTHORIZED");
    expect(await codeOf(createCustomerCaller(context(analyst)).orders.list({}))).toBe("UNAUTHORIZED");
  });

  it("shows each account only its own orders", async () => {
    const a = await createCustomerCaller(context(customer(acme))).orders.list({
      customerReference: "ACME-",
      sort: "createdAt",
      direction: "asc",
    });
    expect(a.total).toBe(2);
    expect(a.rows.map((r) => r.customerReference).sort()).toEqual(["ACME-1", "ACME-2"]);
    const b = await createCustomerCaller(context(customer(blue))).orders.list({
      statuses: ["SUBMITTED"],
      customerReference: "BLUE-1",
    });
    expect(b.rows.map((r) => r.customerReference)).toEqual(["BLUE-1"]);
  });

  it("rejects bad paging input with the field named", async () => {
    const caller = createCustomerCaller(context(customer(acme)));
    await expect(caller.orders.list({ pageSize: 5000 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("admin router", () => {
  it("refuses customers and lists accounts for staff", async () => {
    expect(await codeOf(createAdminCaller(context(customer(acme))).accounts.list())).toBe("UNAUTHORIZED");
    const accounts = await createAdminCaller(context(analyst)).accounts.list();
    const demo = accounts.filter((a) => a.name === "Acme Voice" || a.name === "Blue Harbor Telecom");
    expect(demo.map((a) => a.name)).toEqual(["Acme Voice", "Blue Harbor Telecom"]);
    // Every customer user of the account, counted straight from the table (other tests add users to Acme).
    const counted = await handle.pool.query(
      "select a.name, count(u.id)::int as n from customer_accounts a left join auth_users u on u.account_id = a.id where a.name in ('Acme Voice', 'Blue Harbor Telecom') group by a.name order by a.name",
    );
    expect(demo.map((a) => a.userCount)).toEqual(counted.rows.map((r) => r.n));
    expect(demo.every((a) => a.userCount >= 2)).toBe(true);
  });

  it("reports the simulator down when nothing answers, with the job heartbeats", async () => {
    const status = await createAdminCaller(context(analyst)).system.status();
    expect(status.simulator.up).toBe(false);
    expect(Array.isArray(status.jobs)).toBe(true);
  });
});
