import type { DbHandle } from "@portway/db";
import type { CustomerIdentity, Identity } from "@portway/services";
import { createAuth, resolveIdentity } from "@portway/services/auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdminCaller, createCustomerCaller } from "../src/index";
import { analyst, contextFor, openSeededDb, pdf } from "./helpers";

// [Security] An API key's actions are attributed to the key: the order history names the integration that acted, not
// the admin who once created the key (before, every entry said USER with the creator's id).
let handle: DbHandle;
let admin: CustomerIdentity;

function caller(identity: Identity | null) {
  return createCustomerCaller(contextFor(handle, identity));
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

function submission(tn: string, reference: string) {
  return {
    tns: [tn],
    btn: tn,
    partialPort: false,
    subscriber: { type: "BUSINESS" as const, businessName: `${reference} Inc` },
    accountNumber: "ACCT-KEY-1",
    serviceAddress: { houseNumber: "1", street: "Main St", city: "Boston", state: "MA" as const, zip: "02110" },
    loaAuthorizingPerson: "Pat Person",
    requestedFoc: "2026-12-10T16:00:00.000Z",
    onDemandActivation: false,
    customerOrderRef: reference,
  };
}

/** Draft, LOA and submission by `identity`, as an integration or a person does it through the API. */
async function submitAs(identity: Identity, tn: string, reference: string) {
  const api = caller(identity);
  const data = submission(tn, reference);
  const draft = await api.drafts.save({ data });
  await api.drafts.uploadDocument({
    draftId: draft.id,
    kind: "LOA",
    fileName: "loa.pdf",
    contentBase64: pdf,
    signedAt: "2026-12-04T15:00:00Z",
  });
  const result = await api.submissions.submit({ draftId: draft.id, submission: data });
  const orderId = result.orders[0]?.id;
  if (!orderId) {
    throw new Error("no order");
  }
  return orderId;
}

beforeAll(async () => {
  handle = await openSeededDb();
  const row = (
    await handle.pool.query(
      "select id, name, email, account_id from auth_users where email = 'admin@acme.test' and kind = 'customer'",
    )
  ).rows[0];
  admin = {
    kind: "customer",
    userId: row.id,
    name: row.name,
    email: row.email,
    role: "admin",
    accountId: row.account_id,
  };
});
afterAll(async () => {
  await handle.close();
});

describe("API key attribution", () => {
  it("records the key, by name, as who submitted and cancelled, in the customer's and the porting team's history", async () => {
    const created = await caller(admin).apiKeys.create({ name: "ERP sync" });
    const viaKey = await identify(created.key);
    expect(viaKey?.kind).toBe("customer");
    if (!viaKey) {
      throw new Error("key not resolved");
    }
    const orderId = await submitAs(viaKey, "+16172539751", "ATTRIB-KEY-1");
    const before = await caller(viaKey).orders.get({ orderId });
    await caller(viaKey).orders.cancel({ orderId, baseVersion: before.order.version, reason: "Plans changed" });

    const rows = await handle.pool.query(
      "select event, actor_kind, actor_id from order_history where order_id = $1 order by id",
      [orderId],
    );
    expect(rows.rows.map((r) => [r.event, r.actor_kind, r.actor_id])).toEqual([
      ["SUBMIT", "API_KEY", created.id],
      ["CANCEL", "API_KEY", created.id],
    ]);

    const seen = await caller(admin).orders.get({ orderId });
    expect(seen.history.map((h) => [h.actorKind, h.actorName])).toEqual([
      ["API_KEY", "API key “ERP sync”"],
      ["API_KEY", "API key “ERP sync”"],
    ]);
    // Still named after the key is revoked: the history keeps who did it.
    await caller(admin).apiKeys.revoke({ keyId: created.id });
    const staffView = await createAdminCaller(contextFor(handle, analyst)).orders.workbench({ orderId });
    expect(staffView.history.map((h) => h.actorName)).toEqual(["API key “ERP sync”", "API key “ERP sync”"]);
  });

  it("records a person as the user, by name, and the porting team by name only for staff", async () => {
    const orderId = await submitAs(admin, "+16172539752", "ATTRIB-USER-1");
    const seen = await caller(admin).orders.get({ orderId });
    expect(seen.history.map((h) => [h.event, h.actorKind, h.actorName])).toEqual([["SUBMIT", "USER", admin.name]]);
    const stored = await handle.pool.query("select actor_id from order_history where order_id = $1", [orderId]);
    expect(stored.rows[0]?.actor_id).toBe(admin.userId);
  });
});
