import type { DbHandle } from "@portway/db";
import type { CustomerIdentity, Identity } from "@portway/services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdminCaller } from "../src/admin";
import { acmeCustomer, analyst, contextFor, openSeededDb } from "./helpers";

let handle: DbHandle;
let customer: CustomerIdentity;
let orderId = "";

const admin = (identity: Identity) => createAdminCaller(contextFor(handle, identity));

beforeAll(async () => {
  handle = await openSeededDb();
  customer = await acmeCustomer(handle);
  // Inserted directly: the router is under test here, not submission.
  const row = await handle.pool.query(
    `insert into port_orders (account_id, status, port_type, customer_reference, btn, tn_count)
     values ($1, 'SUBMITTED', 'AUTOMATED', 'DESK-SEARCH-1', '+16172536070', 2) returning id`,
    [customer.accountId],
  );
  orderId = row.rows[0].id;
  for (const tn of ["+16172536070", "+16172536071"]) {
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
  it("finds an order of any account by a TN typed as (617) 253-6070, by reference, and lists by filters", async () => {
    expect((await admin(analyst).search.find({ q: "(617) 253-6070" })).goTo).toBe(`/orders/${orderId}`);
    expect((await admin(analyst).search.find({ q: "DESK-SEARCH-1" })).goTo).toBe(`/orders/${orderId}`);
    const listed = await admin(analyst).search.orders({ tn: "617.253.6071", accountId: customer.accountId });
    expect(listed.rows.map((r) => r.id)).toEqual([orderId]);
    expect(listed.rows[0]?.accountName).toBe("Acme Voice");
  });

  it("answers a bad query as a 400 naming the field, and customers as UNAUTHORIZED", async () => {
    await expect(admin(analyst).search.find({ q: "   " })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(admin(analyst).search.orders({ tn: "call-me" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { field: "tn" },
    });
    await expect(admin(customer).search.find({ q: "6172536070" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(admin(customer).search.orders({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(admin(customer).search.filterChoices()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
