import type { DbHandle } from "@portway/db";
import type { Identity } from "@portway/services";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdminCaller } from "../src/admin";
import { createCustomerCaller } from "../src/customer";
import { acmeCustomer, analyst, contextFor, openSeededDb, submitOrder } from "./helpers";

let handle: DbHandle;
let customer: Identity;
let projectOrderId = "";

function ctx(identity: Identity) {
  return contextFor(handle, identity);
}

beforeAll(async () => {
  handle = await openSeededDb();
  const acme = await acmeCustomer(handle);
  customer = acme;
  const tns = Array.from({ length: 601 }, (_, i) => `+1617253${String(7000 + i).padStart(4, "0")}`);
  projectOrderId = await submitOrder(
    handle,
    { accountId: acme.accountId, userId: acme.userId },
    {
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
    },
  );
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
