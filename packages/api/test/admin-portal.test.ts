import type { DbHandle } from "@portway/db";
import type { CustomerIdentity, Identity } from "@portway/services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdminCaller } from "../src/admin";
import { createCustomerCaller } from "../src/customer";
import { acmeCustomer, analyst, clock, contextFor, lead, openSeededDb, submitOrder } from "./helpers";

let handle: DbHandle;
let customer: CustomerIdentity;
let who: { accountId: string; userId: string };

function ctx(identity: Identity) {
  return contextFor(handle, identity);
}

function submit(tns: string[], reference: string) {
  return submitOrder(handle, who, {
    tns,
    btn: tns[0],
    partialPort: false,
    subscriber: { type: "BUSINESS" as const, businessName: "Report Co" },
    accountNumber: "RPT-1",
    serviceAddress: { houseNumber: "1", street: "Main St", city: "Boston", state: "MA" as const, zip: "02110" },
    loaAuthorizingPerson: "Pat Report",
    requestedFoc: "2026-12-28T16:30:00.000Z",
    onDemandActivation: false,
    customerOrderRef: reference,
  });
}

const range = (first: number, count: number) =>
  Array.from({ length: count }, (_, i) => `+1617253${String(first + i).padStart(4, "0")}`);

beforeAll(async () => {
  handle = await openSeededDb();
  customer = await acmeCustomer(handle);
  who = { accountId: customer.accountId, userId: customer.userId };
});
afterAll(async () => {
  await handle.close();
});

describe("lead-only procedures", () => {
  const uuid = "00000000-0000-4000-8000-000000000000";
  const calls: [string, (caller: ReturnType<typeof createAdminCaller>) => Promise<unknown>][] = [
    ["administration.account", (c) => c.administration.account({ accountId: uuid })],
    [
      "administration.createAccount",
      (c) => c.administration.createAccount({ name: "Nope", slug: "nope", onNetOnly: false }),
    ],
    ["administration.updateAccount", (c) => c.administration.updateAccount({ accountId: uuid, name: "Nope" })],
    [
      "administration.createUser",
      (c) =>
        c.administration.createUser({
          accountId: uuid,
          name: "N",
          email: "n@n.test",
          role: "member",
          password: "long-enough-password",
        }),
    ],
    [
      "administration.changeUserRole",
      (c) => c.administration.changeUserRole({ accountId: uuid, userId: "u", role: "admin" }),
    ],
    ["administration.deactivateUser", (c) => c.administration.deactivateUser({ accountId: uuid, userId: "u" })],
    [
      "administration.setCarrierRules",
      (c) =>
        c.administration.setCarrierRules({
          carrierId: uuid,
          requiresAccountNumber: true,
          requiresPin: true,
          minBusinessDays: 3,
        }),
    ],
    ["administration.holidays", (c) => c.administration.holidays()],
    [
      "administration.addHoliday",
      (c) => c.administration.addHoliday({ date: "2026-12-30", name: "N", carrierId: null }),
    ],
    ["administration.removeHoliday", (c) => c.administration.removeHoliday({ holidayId: uuid })],
    ["numbering.previewImport", (c) => c.numbering.previewImport({ csv: "npa,nxx\n" })],
    ["numbering.applyImport", (c) => c.numbering.applyImport({ csv: "npa,nxx\n" })],
    ["reports.get", (c) => c.reports.get({})],
    ["reports.csv", (c) => c.reports.csv({ chart: "first-time-right" })],
  ];
  it.each(calls)("%s is FORBIDDEN to an analyst and UNAUTHORIZED to a customer", async (_name, call) => {
    await expect(call(createAdminCaller(ctx(analyst)))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(call(createAdminCaller(ctx(customer)))).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
  it("nothing was written by the refused calls", async () => {
    const rows = await handle.pool.query("select count(*)::int as n from customer_accounts where slug = 'nope'");
    expect(rows.rows[0].n).toBe(0);
  });
});

describe("administration by a lead", () => {
  it("creates an on-net-only account with users, changes roles and deactivates a user, keeping one admin", async () => {
    const admin = createAdminCaller(ctx(lead));
    const account = await admin.administration.createAccount({
      name: "Northwind Local",
      slug: "northwind-local",
      onNetOnly: true,
    });
    expect(account.onNetOnly).toBe(true);
    await expect(
      admin.administration.createAccount({ name: "Again", slug: "northwind-local", onNetOnly: false }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("northwind-local") });
    const listed = await admin.accounts.list();
    expect(listed.find((a) => a.id === account.id)?.onNetOnly).toBe(true);

    const first = await admin.administration.createUser({
      accountId: account.id,
      name: "Nia North",
      email: "Nia@Northwind.test",
      role: "admin",
      password: "first-password-123",
    });
    await expect(
      admin.administration.createUser({
        accountId: account.id,
        name: "Twin",
        email: "nia@northwind.test",
        role: "member",
        password: "first-password-123",
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // The only admin can be neither demoted nor deactivated.
    await expect(
      admin.administration.changeUserRole({ accountId: account.id, userId: first.id, role: "member" }),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    const second = await admin.administration.createUser({
      accountId: account.id,
      name: "Ole North",
      email: "ole@northwind.test",
      role: "member",
      password: "first-password-456",
    });
    await admin.administration.changeUserRole({ accountId: account.id, userId: second.id, role: "admin" });
    await admin.administration.deactivateUser({ accountId: account.id, userId: first.id });
    const view = await admin.administration.account({ accountId: account.id });
    expect(view.users.map((u) => [u.email, u.role, u.active])).toEqual([
      ["nia@northwind.test", "admin", false],
      ["ole@northwind.test", "admin", true],
    ]);
    const credentials = await handle.pool.query("select count(*)::int as n from auth_accounts where user_id = $1", [
      first.id,
    ]);
    expect(credentials.rows[0].n).toBe(0);
    // Another account's user is not found through this account.
    await expect(
      admin.administration.deactivateUser({ accountId: who.accountId, userId: second.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("adds a carrier holiday that the customer's FOC picker drops at once, and removes it again", async () => {
    const admin = createAdminCaller(ctx(lead));
    const carriers = await admin.numbering.carriers();
    const keystone = carriers.find((c) => c.spid === "7A01");
    expect(keystone).toBeDefined();
    // Each carrier's count of numbering blocks (the sample dataset gives Keystone the Seattle blocks).
    expect(keystone?.blockCount).toBeGreaterThan(0);
    const picker = () =>
      createCustomerCaller(ctx(customer)).foc.forSubmission({ orders: [{ carrierSpid: "7A01", portType: "ON_NET" }] });
    expect((await picker()).dates).toContain("2026-12-30");
    const added = await admin.administration.addHoliday({
      date: "2026-12-30",
      name: "Keystone systems freeze",
      carrierId: keystone?.id ?? null,
    });
    expect((await picker()).dates).not.toContain("2026-12-30");
    await expect(
      admin.administration.addHoliday({ date: "2026-12-30", name: "Twice", carrierId: keystone?.id ?? null }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("2026-12-30") });
    const calendar = await admin.administration.holidays();
    expect(calendar.find((h) => h.id === added.id)?.carrierName).toBe(keystone?.name);
    await admin.administration.removeHoliday({ holidayId: added.id });
    expect((await picker()).dates).toContain("2026-12-30");
  });

  it("changes a carrier's rules", async () => {
    const admin = createAdminCaller(ctx(lead));
    const prairie = (await admin.numbering.carriers()).find((c) => c.spid === "9204");
    const updated = await admin.administration.setCarrierRules({
      carrierId: prairie?.id ?? "",
      requiresAccountNumber: true,
      requiresPin: false,
      minBusinessDays: 7,
    });
    expect(updated.minBusinessDays).toBe(7);
    await expect(
      admin.administration.setCarrierRules({
        carrierId: prairie?.id ?? "",
        requiresAccountNumber: true,
        requiresPin: false,
        minBusinessDays: 31,
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("queues and reports", () => {
  it("finds an exception by search and in 'mine' once assigned, and reports it as a rejection", async () => {
    const orderId = await submit(range(5000, 601), "ADMIN-PORTAL-PROJECT");
    const analystCaller = createAdminCaller(ctx(analyst));
    await analystCaller.orders.record({
      type: "REJECTION",
      orderId,
      rejections: [{ code: "ADDRESS_MISMATCH", text: "SERVICE ADDRESS DOES NOT MATCH" }],
    });
    const found = await analystCaller.queues.exceptions({ search: "admin-portal-proj", pageSize: 10 });
    expect(found.rows.map((r) => r.id)).toEqual([orderId]);
    expect((await analystCaller.queues.exceptions({ mine: true, search: "ADMIN-PORTAL" })).total).toBe(0);
    await analystCaller.orders.assign({ target: "order", id: orderId, staffId: "demo-analyst-portway" });
    const mine = await analystCaller.queues.exceptions({ mine: true, search: "ADMIN-PORTAL" });
    expect(mine.rows[0]?.assigneeName).toBe("Ana Analyst");

    const reports = await createAdminCaller(ctx(lead)).reports.get({ from: "2026-11-01", to: "2026-12-31" });
    const week = reports.statusByWeek.weeks.find((w) => w.week === "2026-12-07");
    const exceptionColumn = reports.statusByWeek.statuses.indexOf("EXCEPTION");
    expect(exceptionColumn).toBeGreaterThanOrEqual(0);
    expect(week?.counts[exceptionColumn]).toBeGreaterThanOrEqual(1);
    expect(reports.rejectionsByReason.find((r) => r.reason === "ADDRESS_MISMATCH")?.rejections).toBeGreaterThanOrEqual(
      1,
    );
    expect(reports.rejectionsByCarrier.find((r) => r.spid === "9202")?.rejections).toBeGreaterThanOrEqual(1);
    const csv = await createAdminCaller(ctx(lead)).reports.csv({
      chart: "rejections-by-reason",
      from: "2026-11-01",
      to: "2026-12-31",
    });
    expect(csv.split("\r\n")[0]).toBe("reason,title,rejections,orders");
    expect(csv).toContain("ADDRESS_MISMATCH,");
    await expect(
      createAdminCaller(ctx(lead)).reports.get({ from: "2026-12-31", to: "2026-12-01" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("measures time to FOC and first-time-right from a project port worked by an analyst", async () => {
    const orderId = await submit(range(5700, 601), "ADMIN-PORTAL-FOC");
    const admin = createAdminCaller(ctx(analyst));
    await admin.orders.record({ type: "PON", orderId, pon: "PWP261207000901" });
    await admin.orders.record({ type: "CSR_UNAVAILABLE", orderId });
    clock.advance(2 * 86_400_000);
    await admin.orders.record({ type: "FOC", orderId, focAt: "2026-12-28T16:30:00.000Z" });
    clock.set(new Date("2026-12-07T15:00:00Z"));
    const reports = await createAdminCaller(ctx(lead)).reports.get({ from: "2026-11-01", to: "2026-12-31" });
    expect(reports.timeToFoc.orders).toBeGreaterThanOrEqual(1);
    const twoToThree = reports.timeToFoc.bins.find((b) => b.label === "2–3 days");
    expect(twoToThree?.orders).toBeGreaterThanOrEqual(1);
    const atlantic = reports.firstTimeRight.find((r) => r.spid === "9202");
    expect(atlantic?.firstTimeRight).toBeGreaterThanOrEqual(1);
    expect(atlantic?.rate).toBeLessThanOrEqual(1);
  });

  it("lists failed partner deliveries (none before a worker ever ran) and counts them in the navigation", async () => {
    const admin = createAdminCaller(ctx(analyst));
    const letters = await admin.queues.deadLetters({});
    expect(letters.total).toBe(letters.rows.length);
    const counts = await admin.queues.counts();
    expect(counts.deadLetters).toBe(letters.total);
    expect(counts.exceptions).toBeGreaterThanOrEqual(1);
    await expect(
      admin.queues.retryDeadLetter({ deadLetterId: "00000000-0000-4000-8000-000000000000" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
