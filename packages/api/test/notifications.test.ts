import type { DbHandle } from "@portway/db";
import { type CustomerIdentity, captureMail, type Identity } from "@portway/services";
import { createAuth, resolveIdentity } from "@portway/services/auth";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdminCaller, createCustomerCaller } from "../src/index";
import { clock, contextFor, openSeededDb, submitOrder } from "./helpers";

let handle: DbHandle;
const users: Record<string, CustomerIdentity> = {};
let blueOrderId = "";
let acmeOrderId = "";

function caller(identity: Identity | null) {
  return createCustomerCaller(contextFor(handle, identity));
}

function who(email: string): CustomerIdentity {
  const user = users[email];
  if (!user) {
    throw new Error(`${email} missing`);
  }
  return user;
}

function submit(owner: CustomerIdentity, tn: string, reference: string) {
  return submitOrder(handle, owner, {
    tns: [tn],
    btn: tn,
    partialPort: false,
    subscriber: { type: "BUSINESS" as const, businessName: `${reference} Inc` },
    accountNumber: "ACCT-1",
    serviceAddress: { houseNumber: "1", street: "Main St", city: "Boston", state: "MA" as const, zip: "02110" },
    loaAuthorizingPerson: "Pat Person",
    requestedFoc: "2026-12-10T16:00:00.000Z",
    onDemandActivation: false,
    customerOrderRef: reference,
  });
}

const auth = () =>
  createAuth({
    db: handle.db,
    portal: "customer",
    secret: "test-secret-test-secret-test-secret-0123",
    baseURL: "http://localhost:3000",
    production: false,
  });

async function identify(key: string | null) {
  const headers = new Headers(key ? { authorization: `Bearer ${key}` } : {});
  return resolveIdentity(auth(), handle.db, "customer", headers);
}

async function code(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error instanceof TRPCError ? error.code : String(error);
  }
  return "OK";
}

beforeAll(async () => {
  handle = await openSeededDb();
  const rows = await handle.pool.query(
    "select id, name, email, role, account_id from auth_users where kind = 'customer'",
  );
  for (const row of rows.rows) {
    users[row.email] = {
      kind: "customer",
      userId: row.id,
      name: row.name,
      email: row.email,
      role: row.role,
      accountId: row.account_id,
    };
  }
  acmeOrderId = await submit(who("admin@acme.test"), "+16172539700", "APIKEY-ORDER-1");
  blueOrderId = await submit(who("admin@blueharbor.test"), "+16172539701", "KEY-BLUE-ORDER");
});
afterAll(async () => {
  await handle.close();
});

describe("customer API keys", () => {
  it("authenticate like a member of their account, see only its orders, and stop working once revoked", async () => {
    const admin = caller(who("admin@acme.test"));
    const created = await admin.apiKeys.create({ name: "billing sync" });
    expect(created.key).toMatch(/^pwk_[a-z0-9]{8}_/);
    const listed = await admin.apiKeys.list();
    const row = listed.find((k) => k.id === created.id);
    expect(row).toMatchObject({ name: "billing sync", prefix: created.key.slice(0, 12), revokedAt: null });
    // Stored hashed: the key itself is nowhere in the table.
    const stored = await handle.pool.query("select * from api_keys where id = $1", [created.id]);
    expect(JSON.stringify(stored.rows)).not.toContain(created.key.slice(13));

    const identity = await identify(created.key);
    expect(identity).toMatchObject({ kind: "customer", role: "member", accountId: who("admin@acme.test").accountId });
    const viaKey = caller(identity);
    const page = await viaKey.orders.list({});
    const references = page.rows.map((o) => o.customerReference);
    expect(references).toContain("APIKEY-ORDER-1");
    expect(references).not.toContain("KEY-BLUE-ORDER");
    expect(await code(viaKey.orders.get({ orderId: blueOrderId }))).toBe("NOT_FOUND");
    expect((await viaKey.orders.get({ orderId: acmeOrderId })).order.id).toBe(acmeOrderId);
    // A key is a member: it cannot manage keys or webhooks.
    expect(await code(viaKey.apiKeys.list())).toBe("FORBIDDEN");
    expect(await code(viaKey.webhooks.create({ url: "https://x.test/", eventTypes: ["order.foc"] }))).toBe("FORBIDDEN");
    const used = await handle.pool.query("select last_used_at from api_keys where id = $1", [created.id]);
    expect(used.rows[0]?.last_used_at).not.toBeNull();

    await admin.apiKeys.revoke({ keyId: created.id });
    expect(await identify(created.key)).toBeNull();
    expect(await code(caller(await identify(created.key)).orders.list({}))).toBe("UNAUTHORIZED");
    expect(await code(admin.apiKeys.revoke({ keyId: created.id }))).toBe("NOT_FOUND");
  });

  it("refuses unknown, malformed and other-account keys", async () => {
    expect(await identify("pwk_abcdefgh_notarealkeynotarealkeynotarealkey00")).toBeNull();
    expect(await identify("something-else")).toBeNull();
    const blue = await caller(who("admin@blueharbor.test")).apiKeys.create({ name: "blue" });
    const identity = await identify(blue.key);
    expect(identity?.kind === "customer" && identity.accountId).toBe(who("admin@blueharbor.test").accountId);
    expect(await code(caller(identity).orders.get({ orderId: acmeOrderId }))).toBe("NOT_FOUND");
    // Members cannot create keys; the field error says why a name is refused.
    expect(await code(caller(who("member@acme.test")).apiKeys.create({ name: "mine" }))).toBe("FORBIDDEN");
    expect(await code(caller(who("admin@acme.test")).apiKeys.create({ name: "   " }))).toBe("BAD_REQUEST");
  });
});

describe("notification routers", () => {
  it("shows the unread count, lists with a link target, and marks read in both portals", async () => {
    const member = caller(who("member@acme.test"));
    const before = await member.notifications.list({ unreadOnly: true });
    const about = before.items.find((n) => n.orderId === acmeOrderId);
    expect(about?.title).toBe("APIKEY-ORDER-1 is now submitted");
    expect(await member.notifications.unreadCount()).toBe(before.unread);
    const after = await member.notifications.markRead({ ids: [about?.id ?? ""] });
    expect(after.unread).toBe(before.unread - 1);
    expect(await member.notifications.setPreference({ email: "DAILY" })).toMatchObject({ email: "DAILY" });

    const staffRow = await handle.pool.query(
      "select id, name, email from auth_users where email = 'analyst@portway.test'",
    );
    const staff = createAdminCaller({
      db: handle.db,
      clock,
      identity: { kind: "staff", role: "analyst", ...staffRow.rows[0], userId: staffRow.rows[0].id },
      config: { partnerUrl: "http://127.0.0.1:9" },
    });
    expect(await staff.notifications.preference()).toMatchObject({ email: "OFF", isDefault: true });
    await staff.notifications.markRead({});
    expect(await staff.notifications.unreadCount()).toBe(0);
  });

  it("lists captured mail for the porting team", async () => {
    await captureMail(handle.db, clock, {
      messageId: "<m1@portway.test>",
      from: "notifications@portway.test",
      to: ["member@acme.test"],
      subject: "Portway: captured subject",
      text: "Body of the captured mail",
      sizeBytes: 120,
    });
    const staffRow = await handle.pool.query(
      "select id, name, email from auth_users where email = 'lead@portway.test'",
    );
    const staff = createAdminCaller({
      db: handle.db,
      clock,
      identity: { kind: "staff", role: "lead", ...staffRow.rows[0], userId: staffRow.rows[0].id },
      config: { partnerUrl: "http://127.0.0.1:9" },
    });
    const mail = await staff.mail.captured({ to: "member@acme.test" });
    expect(mail.items.map((m) => [m.subject, m.bodyText])).toContainEqual([
      "Portway: captured subject",
      "Body of the captured mail",
    ]);
    expect(await code(caller(who("admin@acme.test")).orders.list({}))).toBe("OK");
  });
});

describe("account users, managed by the account's admins", () => {
  it("lets an admin add a user, change roles and deactivate, never the last admin, and no one else", async () => {
    const admin = caller(who("admin@acme.test"));
    const member = caller(who("member@acme.test"));
    const password = "first-password-0123";
    expect(
      await code(member.account.addUser({ name: "Mo Member", email: "mo@acme.test", role: "member", password })),
    ).toBe("FORBIDDEN");
    expect(
      await code(admin.account.addUser({ name: "Short", email: "short@acme.test", role: "member", password: "x" })),
    ).toBe("BAD_REQUEST");

    const added = await admin.account.addUser({ name: "Nia New", email: "Nia@Acme.test", role: "member", password });
    const listed = (await member.account.users()).find((u) => u.id === added.id);
    expect(listed).toMatchObject({ name: "Nia New", email: "nia@acme.test", role: "member", active: true });
    expect(await code(admin.account.addUser({ name: "Again", email: "nia@acme.test", role: "member", password }))).toBe(
      "BAD_REQUEST",
    );

    // The only admin cannot step down until there is another; a member cannot change roles.
    expect(await code(admin.account.changeRole({ userId: who("admin@acme.test").userId, role: "member" }))).toBe(
      "PRECONDITION_FAILED",
    );
    expect(await code(member.account.changeRole({ userId: added.id, role: "admin" }))).toBe("FORBIDDEN");
    await admin.account.changeRole({ userId: added.id, role: "admin" });
    expect((await admin.account.users()).find((u) => u.id === added.id)?.role).toBe("admin");

    // Another account's user is not found; one's own sign-in cannot be deactivated.
    const blueMember = who("member@blueharbor.test").userId;
    expect(await code(admin.account.changeRole({ userId: blueMember, role: "admin" }))).toBe("NOT_FOUND");
    expect(await code(admin.account.deactivateUser({ userId: blueMember }))).toBe("NOT_FOUND");
    expect(await code(admin.account.deactivateUser({ userId: who("admin@acme.test").userId }))).toBe(
      "PRECONDITION_FAILED",
    );
    expect((await caller(who("member@blueharbor.test")).account.users()).map((u) => u.email)).not.toContain(
      "nia@acme.test",
    );

    await admin.account.changeRole({ userId: added.id, role: "member" });
    await admin.account.deactivateUser({ userId: added.id });
    expect((await admin.account.users()).find((u) => u.id === added.id)).toMatchObject({ active: false });
    expect(await code(admin.account.deactivateUser({ userId: added.id }))).toBe("CONFLICT");
  });
});
