import { randomUUID } from "node:crypto";
import { createDb, type DbHandle } from "@portway/db";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { fixedClock } from "../../src/clock";
import * as services from "../../src/index";
import {
  type CustomerIdentity,
  changeCustomerUserRole,
  createApiKey,
  createCustomerAccount,
  createCustomerUser,
  createWebhookEndpoint,
  getWebhookEndpoint,
  listApiKeys,
  listWebhookEndpoints,
  replayWebhookEvent,
  resolveApiKey,
  resolveApiKeyOnce,
  revokeApiKeyOf,
  rotateWebhookSecret,
  ServiceError,
  sendWebhookTestEvent,
  setWebhookEndpointEnabled,
  updateWebhookEndpointOf,
  webhookDeliveryLog,
} from "../../src/index";

let handle: DbHandle;
const clock = fixedClock(new Date("2026-12-03T15:00:00Z"));
const destinations = { allowLoopback: true, httpsOnly: false };
let admin: CustomerIdentity;
let member: CustomerIdentity;
let endpointId = "";
let createdSecret = "";

async function forbidden(work: Promise<unknown> | (() => Promise<unknown>)): Promise<string> {
  try {
    await (typeof work === "function" ? work() : work);
    return "allowed";
  } catch (error) {
    return error instanceof ServiceError ? error.kind : String(error);
  }
}

beforeAll(async () => {
  handle = createDb(inject("databaseUrl"));
  const slug = `whadm-${randomUUID().slice(0, 8)}`;
  const account = await createCustomerAccount(handle.db, { name: `Webhook admins ${slug}`, slug, onNetOnly: false });
  const people: Record<"admin" | "member", CustomerIdentity> = {} as never;
  for (const role of ["admin", "member"] as const) {
    const email = `${role}@${slug}.test`;
    const { id } = await createCustomerUser(handle.db, {
      accountId: account.id,
      name: `The ${role}`,
      email,
      role,
      password: "correct horse battery staple",
    });
    people[role] = { kind: "customer", userId: id, name: `The ${role}`, email, role, accountId: account.id };
  }
  admin = people.admin;
  member = people.member;
  const created = await createWebhookEndpoint(
    handle.db,
    clock,
    admin,
    { url: "http://127.0.0.1:9/admins-only", description: "admins only", eventTypes: ["order.foc"] },
    destinations,
  );
  endpointId = created.id;
  createdSecret = created.secret;
});
afterAll(async () => {
  await handle.close();
});

describe("webhook configuration is an account admin's", () => {
  it("refuses every read and change of endpoints to a member, before the endpoint is looked up", async () => {
    const ref = { endpointId };
    const change = { url: "http://127.0.0.1:9/member", description: "", eventTypes: ["order.foc" as const] };
    const attempts: [string, () => Promise<unknown>][] = [
      ["list", () => listWebhookEndpoints(handle.db, member)],
      ["get", () => getWebhookEndpoint(handle.db, member, ref)],
      ["deliveries", () => webhookDeliveryLog(handle.db, member, { ...ref, page: 0, pageSize: 25 })],
      ["create", () => createWebhookEndpoint(handle.db, clock, member, change, destinations)],
      ["update", () => updateWebhookEndpointOf(handle.db, clock, member, { ...ref, ...change }, destinations)],
      ["rotate", () => rotateWebhookSecret(handle.db, clock, member, ref)],
      ["enable", () => setWebhookEndpointEnabled(handle.db, clock, member, { ...ref, enabled: false })],
      ["test", () => sendWebhookTestEvent(handle.db, clock, member, ref)],
      ["replay", () => replayWebhookEvent(handle.db, clock, member, { ...ref, eventId: randomUUID() })],
      // Another account's endpoint: still refused for the role, not answered "not found".
      ["get unknown", () => getWebhookEndpoint(handle.db, member, { endpointId: randomUUID() })],
    ];
    for (const [name, attempt] of attempts) {
      expect(`${name}: ${await forbidden(attempt)}`).toBe(`${name}: FORBIDDEN`);
    }
    const [row] = (await handle.pool.query("select url from webhook_endpoints where id = $1", [endpointId])).rows;
    expect(row?.url).toBe("http://127.0.0.1:9/admins-only");
  });

  it("answers the signing secret only to create and rotate, never in a list or a read, and has no reveal", async () => {
    expect(createdSecret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect("revealWebhookSecret" in services).toBe(false);
    const body = (createdSecret.split("_")[1] ?? "").slice(0, 4);
    const read = JSON.stringify([
      await listWebhookEndpoints(handle.db, admin),
      await getWebhookEndpoint(handle.db, admin, { endpointId }),
    ]);
    expect(read).toContain("admins-only");
    expect(read).not.toContain(body);
    expect(read).not.toContain("whsec_");

    const rotated = await rotateWebhookSecret(handle.db, clock, admin, { endpointId });
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(createdSecret);
    const after = JSON.stringify(await getWebhookEndpoint(handle.db, admin, { endpointId }));
    expect(after).not.toContain("whsec_");
    // Stored in clear only because each delivery is signed with it.
    const [stored] = (await handle.pool.query("select secret from webhook_endpoints where id = $1", [endpointId])).rows;
    expect(stored?.secret).toBe(rotated.secret);
  });
});

describe("API keys with a role", () => {
  it("a member key (the default) cannot see webhooks; an admin key manages them; neither manages keys", async () => {
    const memberKey = await createApiKey(handle.db, clock, admin, { name: "orders sync" });
    const adminKey = await createApiKey(handle.db, clock, admin, { name: "webhook sync", role: "admin" });
    expect(memberKey.role).toBe("member");
    expect(adminKey.role).toBe("admin");
    const listed = await listApiKeys(handle.db, admin);
    expect(listed.find((k) => k.id === adminKey.id)?.role).toBe("admin");

    for (const resolve of [resolveApiKey, resolveApiKeyOnce]) {
      const viaMember = await resolve(handle.db, `Bearer ${memberKey.key}`, new Date());
      const viaAdmin = await resolve(handle.db, `Bearer ${adminKey.key}`, new Date());
      if (!viaMember || !viaAdmin) {
        throw new Error("keys not resolved");
      }
      expect(await forbidden(listWebhookEndpoints(handle.db, viaMember))).toBe("FORBIDDEN");
      expect((await listWebhookEndpoints(handle.db, viaAdmin)).map((e) => e.id)).toContain(endpointId);
      expect(
        (await webhookDeliveryLog(handle.db, viaAdmin, { endpointId, page: 0, pageSize: 5 })).items,
      ).toBeInstanceOf(Array);
      // An admin key is a member elsewhere: it cannot mint, list or revoke keys.
      expect(viaAdmin.role).toBe("member");
      expect(await forbidden(createApiKey(handle.db, clock, viaAdmin, { name: "successor", role: "admin" }))).toBe(
        "FORBIDDEN",
      );
      expect(await forbidden(listApiKeys(handle.db, viaAdmin))).toBe("FORBIDDEN");
      expect(await forbidden(revokeApiKeyOf(handle.db, clock, viaAdmin, { keyId: memberKey.id }))).toBe("FORBIDDEN");
    }
    const rotated = await rotateWebhookSecret(
      handle.db,
      clock,
      (await resolveApiKey(handle.db, `Bearer ${adminKey.key}`, new Date())) as CustomerIdentity,
      { endpointId },
    );
    expect(rotated.secret).toMatch(/^whsec_/);
  });

  it("members cannot create keys of either role", async () => {
    for (const role of ["member", "admin"] as const) {
      expect(await forbidden(createApiKey(handle.db, clock, member, { name: "mine", role }))).toBe("FORBIDDEN");
    }
  });

  it("an admin key acts as a member once its creator is no longer an admin", async () => {
    const slug = `whdem-${randomUUID().slice(0, 8)}`;
    const account = await createCustomerAccount(handle.db, { name: `Demoted ${slug}`, slug, onNetOnly: false });
    const ids: string[] = [];
    for (const n of [1, 2]) {
      ids.push(
        (
          await createCustomerUser(handle.db, {
            accountId: account.id,
            name: `Admin ${n}`,
            email: `admin${n}@${slug}.test`,
            role: "admin",
            password: "correct horse battery staple",
          })
        ).id,
      );
    }
    const creator: CustomerIdentity = {
      kind: "customer",
      userId: ids[0] ?? "",
      name: "Admin 1",
      email: `admin1@${slug}.test`,
      role: "admin",
      accountId: account.id,
    };
    const { key } = await createApiKey(handle.db, clock, creator, { name: "hooks", role: "admin" });
    const before = await resolveApiKeyOnce(handle.db, `Bearer ${key}`, new Date());
    expect(before?.apiKey?.role).toBe("admin");
    await changeCustomerUserRole(handle.db, { accountId: account.id, userId: creator.userId, role: "member" });
    for (const resolve of [resolveApiKey, resolveApiKeyOnce]) {
      const after = await resolve(handle.db, `Bearer ${key}`, new Date());
      expect(after?.apiKey?.role).toBe("member");
      expect(await forbidden(listWebhookEndpoints(handle.db, after as CustomerIdentity))).toBe("FORBIDDEN");
    }
  });
});
