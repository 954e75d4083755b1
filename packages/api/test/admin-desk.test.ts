import type { DbHandle } from "@portway/db";
import type { CustomerIdentity, Identity } from "@portway/services";
import { applyOrderEventAs } from "@portway/services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdminCaller } from "../src/admin";
import { createCustomerCaller } from "../src/customer";
import { acmeCustomer, analyst, clock, contextFor, lead, openSeededDb, submitOrder } from "./helpers";

let handle: DbHandle;
let customer: CustomerIdentity;
let orderId = "";
let projectOrderId = "";

const admin = (identity: Identity) => createAdminCaller(contextFor(handle, identity));

beforeAll(async () => {
  handle = await openSeededDb();
  customer = await acmeCustomer(handle);
  // Inserted directly: the router is under test here, not submission.
  const row = await handle.pool.query(
    `insert into port_orders (account_id, status, port_type, customer_reference, btn, tn_count)
     values ($1, 'SUBMITTED', 'AUTOMATED', 'DESK-SEARCH-1', '+16462536070', 2) returning id`,
    [customer.accountId],
  );
  orderId = row.rows[0].id;
  const tns = Array.from({ length: 601 }, (_, i) => `+1617253${String(8000 + i).padStart(4, "0")}`);
  projectOrderId = await submitOrder(
    handle,
    { accountId: customer.accountId, userId: customer.userId },
    {
      tns,
      btn: tns[0],
      partialPort: false,
      subscriber: { type: "BUSINESS" as const, businessName: "Audit Move Inc" },
      accountNumber: "AUD-1",
      serviceAddress: { houseNumber: "1", street: "Main St", city: "Boston", state: "MA" as const, zip: "02110" },
      loaAuthorizingPerson: "Pat Audit",
      requestedFoc: "2026-12-22T16:30:00.000Z",
      onDemandActivation: false,
      customerOrderRef: "DESK-AUDIT-PROJECT",
    },
  );
  for (const tn of ["+16462536070", "+16462536071"]) {
    await handle.pool.query("insert into port_order_tns (order_id, account_id, tn) values ($1, $2, $3)", [
      orderId,
      customer.accountId,
      tn,
    ]);
  }
});
afterAll(async () => {
  await handle.close();
});

describe("admin search", () => {
  it("finds an order of any account by a TN typed as (646) 253-6070, by reference, and lists by filters", async () => {
    expect((await admin(analyst).search.find({ q: "(646) 253-6070" })).goTo).toBe(`/orders/${orderId}`);
    expect((await admin(analyst).search.find({ q: "DESK-SEARCH-1" })).goTo).toBe(`/orders/${orderId}`);
    const listed = await admin(analyst).search.orders({ tn: "646.253.6071", accountId: customer.accountId });
    expect(listed.rows.map((r) => r.id)).toEqual([orderId]);
    expect(listed.rows[0]?.accountName).toBe("Acme Voice");
  });

  it("answers a bad query as a 400 naming the field, and customers as UNAUTHORIZED", async () => {
    await expect(admin(analyst).search.find({ q: "   " })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(admin(analyst).search.orders({ tn: "call-me" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { field: "tn" },
    });
    await expect(admin(customer).search.find({ q: "6462536070" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(admin(customer).search.orders({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(admin(customer).search.filterChoices()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("staff administration", () => {
  const calls: [string, (caller: ReturnType<typeof createAdminCaller>) => Promise<unknown>][] = [
    ["staff.list", (c) => c.staff.list()],
    [
      "staff.create",
      (c) => c.staff.create({ name: "N", email: "nope@portway.test", role: "lead", password: "long-enough-password" }),
    ],
    ["staff.changeRole", (c) => c.staff.changeRole({ userId: "demo-analyst-portway", role: "lead" })],
    ["staff.deactivate", (c) => c.staff.deactivate({ userId: "demo-lead-portway" })],
  ];
  it.each(calls)("%s is FORBIDDEN to an analyst and UNAUTHORIZED to a customer", async (_name, call) => {
    await expect(call(admin(analyst))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(call(admin(customer))).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const rows = await handle.pool.query("select count(*)::int as n from auth_users where email = 'nope@portway.test'");
    expect(rows.rows[0].n).toBe(0);
  });

  it("lets a lead add an analyst, refuses to demote the last lead with a 412-like PRECONDITION", async () => {
    const created = await admin(lead).staff.create({
      name: "Desk Analyst",
      email: "desk.analyst@portway.test",
      role: "analyst",
      password: "first-password-123",
    });
    const listed = await admin(lead).staff.list();
    expect(listed.find((u) => u.id === created.id)).toMatchObject({ role: "analyst", mustChangePassword: true });
    await expect(admin(lead).staff.changeRole({ userId: lead.userId, role: "analyst" })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
  });
});

describe("the audit log", () => {
  it("records who recorded PON and FOC and who assigned, in the same transaction; a refused record leaves none", async () => {
    const analystCaller = admin(analyst);
    await analystCaller.orders.assign({ target: "order", id: projectOrderId, staffId: analyst.userId });
    await analystCaller.orders.record({ type: "PON", orderId: projectOrderId, pon: "PWP261207000777" });
    await expect(
      analystCaller.orders.record({ type: "ACTIVATION", orderId: projectOrderId, tns: ["+16172538000"] }),
    ).rejects.toBeDefined();
    const entries = await analystCaller.audit.list({ objectId: projectOrderId });
    expect(entries.rows.map((e) => [e.action, e.actorName, e.orderId])).toEqual([
      ["ORDER_PON", "Ana Analyst", projectOrderId],
      ["ASSIGNMENT", "Ana Analyst", projectOrderId],
    ]);
    expect(entries.rows[0]?.change).toMatchObject({ pon: "PWP261207000777", status: { from: "SUBMITTED" } });
    const choices = await analystCaller.audit.choices();
    expect(choices.actors.map((a) => a.id)).toContain(analyst.userId);
    await expect(admin(customer).audit.list({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

async function shortNoticeCancel(tn: string, reference: string) {
  const orderId = await submitOrder(
    handle,
    { accountId: customer.accountId, userId: customer.userId },
    {
      tns: [tn],
      btn: tn,
      partialPort: false,
      subscriber: { type: "BUSINESS" as const, businessName: "Bulk Co" },
      accountNumber: "BULK-1",
      serviceAddress: { houseNumber: "1", street: "Main St", city: "Boston", state: "MA" as const, zip: "02110" },
      loaAuthorizingPerson: "Pat Bulk",
      requestedFoc: "2026-12-28T16:30:00.000Z",
      onDemandActivation: false,
      customerOrderRef: reference,
    },
  );
  const partner = { actor: { kind: "PARTNER" as const } };
  await applyOrderEventAs(handle.db, clock, partner, orderId, { type: "PARTNER_ACCEPTED", pon: `400${tn.slice(-6)}` });
  await applyOrderEventAs(handle.db, clock, partner, orderId, { type: "CSR_UNAVAILABLE" });
  // FOC Tuesday 09:00 ET: the cutoff was Monday 09:00 ET, already past at 10:00 ET, so a cancel is short notice.
  const focked = await applyOrderEventAs(handle.db, clock, partner, orderId, {
    type: "FOC_RECEIVED",
    focAt: "2026-12-08T14:00:00.000Z",
  });
  await createCustomerCaller(contextFor(handle, customer)).orders.cancel({
    orderId,
    baseVersion: focked.version,
    reason: "Moving later",
  });
  return orderId;
}

async function rawException(reference: string) {
  const row = await handle.pool.query(
    `insert into port_orders (account_id, status, port_type, customer_reference, tn_count)
     values ($1, 'EXCEPTION', 'AUTOMATED', $2, 1) returning id`,
    [customer.accountId, reference],
  );
  return row.rows[0].id as string;
}

describe("bulk work in the queues", () => {
  it("assigns three exceptions at once, all or none, each in the audit log", async () => {
    const ids = [await rawException("BULK-EX-1"), await rawException("BULK-EX-2"), await rawException("BULK-EX-3")];
    const missing = "00000000-0000-4000-8000-000000000000";
    await expect(
      admin(analyst).bulk.assign({ target: "order", ids: [...ids, missing], staffId: analyst.userId }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const none = await handle.pool.query(
      "select count(*)::int as n from port_orders where id = any($1) and assigned_to is not null",
      [ids],
    );
    expect(none.rows[0].n).toBe(0);
    expect(await admin(analyst).bulk.assign({ target: "order", ids, staffId: analyst.userId })).toEqual({
      assigned: 3,
    });
    const mine = await admin(analyst).queues.exceptions({ mine: true, search: "BULK-EX" });
    expect(mine.rows.map((r) => r.id).sort()).toEqual([...ids].sort());
    const audit = await admin(analyst).audit.list({ action: "ASSIGNMENT", actorId: analyst.userId });
    expect(audit.rows.filter((r) => ids.includes(r.orderId ?? "")).length).toBe(3);
    await expect(admin(analyst).bulk.assign({ target: "order", ids, staffId: "demo-nobody" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("records the same SUPP answer on several short-notice requests; one that does not fit records none", async () => {
    const first = await shortNoticeCancel("+16172538701", "BULK-SN-1");
    const second = await shortNoticeCancel("+16172538702", "BULK-SN-2");
    const plain = await rawException("BULK-SN-PLAIN");
    await expect(
      admin(analyst).bulk.suppAnswer({ answer: "REFUSED", orderIds: [first, plain], reason: "LSP says no" }),
    ).rejects.toMatchObject({ cause: { field: "orderIds", details: { orderId: plain } } });
    const untouched = await admin(analyst).orders.get({ orderId: first });
    expect(untouched.order.status).toBe("FOC");
    const done = await admin(analyst).bulk.suppAnswer({ answer: "ACCEPTED", orderIds: [first, second] });
    expect(done.recorded).toBe(2);
    expect(done.orders.map((o) => o.status)).toEqual(["CANCELLED", "CANCELLED"]);
    const audit = await admin(analyst).audit.list({ action: "ORDER_SUPP_ACCEPTED" });
    expect(audit.rows.map((r) => r.orderId)).toEqual(expect.arrayContaining([first, second]));
  });
});

describe("the audit log of administration", () => {
  it("records accounts, carrier rules, holidays and numbering imports by the lead who made them", async () => {
    const leadCaller = admin(lead);
    const account = await leadCaller.administration.createAccount({
      name: "Audit Co",
      slug: "audit-co",
      onNetOnly: false,
    });
    await leadCaller.administration.updateAccount({ accountId: account.id, name: "Audit Company" });
    const carrier = (await leadCaller.numbering.carriers())[0];
    await leadCaller.administration.setCarrierRules({
      carrierId: carrier?.id ?? "",
      requiresAccountNumber: true,
      requiresPin: false,
      minBusinessDays: 2,
    });
    const holiday = await leadCaller.administration.addHoliday({
      date: "2026-12-31",
      name: "Audit Eve",
      carrierId: null,
    });
    await leadCaller.administration.removeHoliday({ holidayId: holiday.id });
    const header =
      "npa,nxx,rate_center,state,lata,time_zone,carrier_name,carrier_spid,carrier_type,on_net,partner_supported";
    await leadCaller.numbering.applyImport({
      csv: `${header}\n339,281,Woburn,MA,128,America/New_York,Audit Telephone,R081,WIRELINE,true,false\n`,
    });
    const entries = await leadCaller.audit.list({ actorId: lead.userId, pageSize: 50 });
    const actions = entries.rows.map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        "ACCOUNT_CREATED",
        "ACCOUNT_CHANGED",
        "CARRIER_RULES",
        "HOLIDAY_ADDED",
        "HOLIDAY_REMOVED",
        "NUMBERING_IMPORT",
      ]),
    );
    expect(entries.rows.find((e) => e.action === "ACCOUNT_CHANGED")).toMatchObject({
      objectType: "account",
      objectId: account.id,
      actorName: "Lee Lead",
      change: { name: "Audit Company" },
    });
    expect(entries.rows.find((e) => e.action === "NUMBERING_IMPORT")?.change).toMatchObject({ rows: 1, blocks: 1 });
  });
});
