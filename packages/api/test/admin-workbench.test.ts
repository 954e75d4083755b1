import { createDb, type DbHandle } from "@portway/db";
import {
  fixedClock,
  type Identity,
  saveDraft,
  seedDemoData,
  seedNumberingData,
  submitPortRequest,
  uploadDraftDocument,
} from "@portway/services";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createAdminCaller } from "../src/admin";
import { createCustomerCaller } from "../src/customer";
import type { Context } from "../src/trpc";

let handle: DbHandle;
const clock = fixedClock(new Date("2026-12-07T15:00:00Z"));
const pdf = Buffer.from("%PDF-1.4\n%%EOF\n").toString("base64");
const analyst: Identity = {
  kind: "staff",
  userId: "demo-analyst-portway",
  name: "Ana Analyst",
  email: "analyst@portway.test",
  role: "analyst",
};
let customer: Identity;
let projectOrderId = "";

function ctx(identity: Identity): Context {
  return { db: handle.db, clock, identity, config: { simulatorUrl: "http://127.0.0.1:9" } };
}

beforeAll(async () => {
  handle = createDb(inject("databaseUrl"));
  await seedDemoData(handle.db, { production: false });
  await seedNumberingData(handle.db);
  const row = (
    await handle.pool.query(
      "select u.id, u.name, u.account_id from auth_users u join customer_accounts a on a.id = u.account_id where a.slug = 'acme-voice' order by u.email limit 1",
    )
  ).rows[0];
  customer = {
    kind: "customer",
    userId: row.id,
    name: row.name,
    email: "x@x.test",
    role: "admin",
    accountId: row.account_id,
  };
  const who = { accountId: row.account_id as string, userId: row.id as string };
  const tns = Array.from({ length: 601 }, (_, i) => `+1617253${String(7000 + i).padStart(4, "0")}`);
  const data = {
    tns,
    btn: tns[0],
    partialPort: false,
    subscriber: { type: "BUSINESS" as const, businessName: "Big Move Inc" },
    accountNumber: "BIG-1",
    serviceAddress: { houseNumber: "1", street: "Main St", city: "Boston", state: "MA" as const, zip: "02110" },
    loaAuthorizingPerson: "Pat Big",
    requestedFoc: "2026-12-22T16:30:00.000Z",
    onDemandActivation: false,
    customerOrderRef: "WORKBENCH-PROJECT",
  };
  const draft = await saveDraft(handle.db, clock, who, { data });
  await uploadDraftDocument(handle.db, clock, who, {
    draftId: draft.id,
    kind: "LOA",
    fileName: "loa.pdf",
    contentBase64: pdf,
    signedAt: "2026-12-04T15:00:00Z",
  });
  projectOrderId =
    (await submitPortRequest(handle.db, clock, who, { draftId: draft.id, submission: data })).orders[0]?.id ?? "";
});
afterAll(async () => {
  await handle.close();
});

describe("the porting team's workbench", () => {
  it("finds the project port in its queue, takes it, and records PON, FOC and activation; the customer sees each step", async () => {
    const admin = createAdminCaller(ctx(analyst));
    const queue = await admin.queues.projectPorts({});
    const item = queue.rows.find((r) => r.orderId === projectOrderId);
    expect(item).toMatchObject({ portType: "PROJECT", tnCount: 601 });
    expect((await admin.queues.counts()).projectPorts).toBeGreaterThanOrEqual(1);
    await admin.orders.assign({ target: "manualRequest", id: item?.id ?? "", staffId: analyst.userId });
    expect((await admin.queues.projectPorts({ mine: true })).rows.map((r) => r.orderId)).toContain(projectOrderId);

    await admin.orders.record({ type: "PON", orderId: projectOrderId, pon: "PWP261207000001" });
    await admin.orders.record({ type: "CSR_UNAVAILABLE", orderId: projectOrderId });
    await admin.orders.record({ type: "FOC", orderId: projectOrderId, focAt: "2026-12-22T16:30:00.000Z" });
    const seen = await createCustomerCaller(ctx(customer)).orders.get({ orderId: projectOrderId });
    expect(seen.order).toMatchObject({ status: "FOC", pon: "PWP261207000001" });
    const tns = seen.tns.map((t) => t.tn);
    await admin.orders.record({ type: "ACTIVATION", orderId: projectOrderId, tns });
    const done = await createCustomerCaller(ctx(customer)).orders.get({ orderId: projectOrderId });
    expect(done.order.status).toBe("COMPLETE");
  });

  it("refuses a PON in the wrong format with the field named", async () => {
    const admin = createAdminCaller(ctx(analyst));
    await expect(admin.orders.record({ type: "PON", orderId: projectOrderId, pon: "12345" })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
  });

  it("keeps lead-only procedures from analysts and every staff procedure from customers", async () => {
    const admin = createAdminCaller(ctx(analyst));
    const refused = await admin.numbering.applyImport({ csv: "npa,nxx\n" }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TRPCError);
    expect((refused as TRPCError).code).toBe("FORBIDDEN");
    const asCustomer = createAdminCaller(ctx(customer));
    await expect(asCustomer.orders.list({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(asCustomer.queues.counts()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
