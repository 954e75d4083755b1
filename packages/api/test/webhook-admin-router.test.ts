import type { DbHandle } from "@portway/db";
import type { CustomerIdentity, Identity } from "@portway/services";
import { createAuth, resolveIdentity } from "@portway/services/auth";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCustomerCaller, customerRouter } from "../src/index";
import { contextFor, openSeededDb } from "./helpers";

let handle: DbHandle;
const users: Record<string, CustomerIdentity> = {};

const caller = (identity: Identity | null) => createCustomerCaller(contextFor(handle, identity));
function who(email: string): CustomerIdentity {
  const user = users[email];
  if (!user) {
    throw new Error(`${email} missing`);
  }
  return user;
}
async function identify(key: string) {
  const auth = createAuth({
    db: handle.db,
    portal: "customer",
    secret: "test-secret-test-secret-test-secret-0123",
    baseURL: "http://localhost:3000",
    production: false,
  });
  return resolveIdentity(auth, handle.db, "customer", new Headers({ authorization: `Bearer ${key}` }));
}
async function code(promise: Promise<unknown>) {
  try {
    await promise;
    return "OK";
  } catch (error) {
    return error instanceof TRPCError ? error.code : String(error);
  }
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
});
afterAll(async () => {
  await handle.close();
});

describe("the customer API's webhooks and API keys routers", () => {
  it("have no procedure that shows a webhook secret again", () => {
    const procedures = Object.keys(customerRouter._def.procedures);
    expect(procedures).toContain("webhooks.rotateSecret");
    expect(procedures).not.toContain("webhooks.secret");
  });

  it("refuse a member every webhook read, and create keys of the role an admin chose", async () => {
    const member = caller(who("member@acme.test"));
    expect(await code(member.webhooks.list())).toBe("FORBIDDEN");
    const admin = caller(who("admin@acme.test"));
    expect(await code(admin.webhooks.list())).toBe("OK");

    const memberKey = await admin.apiKeys.create({ name: "router member key" });
    const adminKey = await admin.apiKeys.create({ name: "router admin key", role: "admin" });
    expect([memberKey.role, adminKey.role]).toEqual(["member", "admin"]);
    expect(await code(admin.apiKeys.create({ name: "bad role", role: "owner" as "admin" }))).toBe("BAD_REQUEST");
    const listed = await admin.apiKeys.list();
    expect(listed.find((k) => k.id === adminKey.id)?.role).toBe("admin");

    const viaMemberKey = caller(await identify(memberKey.key));
    const viaAdminKey = caller(await identify(adminKey.key));
    expect(await code(viaMemberKey.webhooks.list())).toBe("FORBIDDEN");
    expect(await code(viaAdminKey.webhooks.list())).toBe("OK");
    const created = await viaAdminKey.webhooks.create({
      url: "http://127.0.0.1:9/router-admin-key",
      eventTypes: ["order.foc"],
    });
    expect(created.secret).toMatch(/^whsec_/);
    expect(JSON.stringify(await viaAdminKey.webhooks.get({ endpointId: created.id }))).not.toContain("whsec_");
    // A key never manages keys, whatever its role.
    expect(await code(viaAdminKey.apiKeys.list())).toBe("FORBIDDEN");
    expect(await code(viaAdminKey.apiKeys.create({ name: "successor", role: "admin" }))).toBe("FORBIDDEN");
  });
});
