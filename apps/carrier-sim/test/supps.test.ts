import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Harness, hour, makeOrder, minute, pickEvents, startHarness } from "./harness";

let h: Harness;

beforeAll(async () => {
  h = await startHarness("sim_supps");
});
afterAll(() => h.close());
beforeEach(() => h.reset());

/** An AUTOMATED order that has its FOC (Thursday 2026-03-12 11:30 ET). */
async function createOrderWithFoc() {
  const created = await h.create(makeOrder(h.receiver));
  await h.advance(5 * hour);
  expect(h.receiver.typesOf(created.orderId)).toEqual(["CSR_RETURNED", "FOC"]);
  return created.orderId;
}

const sendSupp = (orderId: string, request: Parameters<Harness["client"]["submitSupp"]>[1]) =>
  h.client.submitSupp(orderId, request, { idempotencyKey: h.nextKey("supp") });

describe("SUPPs", () => {
  it("reschedules after FOC three times, then refuses the fourth", async () => {
    const orderId = await createOrderWithFoc();
    const dates = ["2026-03-13T15:30:00.000Z", "2026-03-16T15:30:00.000Z", "2026-03-17T15:30:00.000Z"];
    for (const date of dates) {
      const pending = await sendSupp(orderId, { type: "RESCHEDULE", requestedFocAt: date });
      expect(pending).toMatchObject({ orderId, type: "RESCHEDULE", status: "PENDING" });
      await h.advance(30 * minute);
      const [accepted, foc] = h.receiver.eventsOf(orderId).slice(-2);
      expect(accepted).toMatchObject({ type: "SUPP_ACCEPTED", suppId: pending.suppId, suppType: "RESCHEDULE" });
      expect(foc).toMatchObject({ type: "FOC", focAt: date });
    }
    const fourth = await sendSupp(orderId, { type: "RESCHEDULE", requestedFocAt: "2026-03-18T15:30:00.000Z" });
    await h.advance(30 * minute);
    expect(h.receiver.eventsOf(orderId).at(-1)).toMatchObject({
      type: "SUPP_REJECTED",
      suppId: fourth.suppId,
      reason: { code: "SUPP_LIMIT_EXCEEDED" },
    });
    expect((await h.getOrder(orderId)).focAt).toBe(dates[2]);
  });

  it("refuses a reschedule to a weekend and keeps the FOC", async () => {
    const orderId = await createOrderWithFoc();
    await sendSupp(orderId, { type: "RESCHEDULE", requestedFocAt: "2026-03-14T15:30:00.000Z" });
    await h.advance(30 * minute);
    const refused = pickEvents(h.receiver.eventsOf(orderId), "SUPP_REJECTED")[0];
    expect(refused?.reason.code).toBe("DATE_NOT_AVAILABLE");
    expect(refused?.reason.rawText).toContain("NOT A BUSINESS DAY");
    expect((await h.getOrder(orderId)).focAt).toBe("2026-03-12T15:30:00.000Z");
  });

  it("refuses a CHANGE after FOC (only the date may change)", async () => {
    const orderId = await createOrderWithFoc();
    await sendSupp(orderId, { type: "CHANGE", changes: { btn: "2015550199" } });
    await h.advance(30 * minute);
    expect(h.receiver.eventsOf(orderId).at(-1)).toMatchObject({
      type: "SUPP_REJECTED",
      reason: { code: "NOT_ALLOWED_AFTER_FOC" },
    });
  });

  it("holds a second SUPP and an activation while a SUPP is in flight", async () => {
    const orderId = await createOrderWithFoc();
    await sendSupp(orderId, { type: "RESCHEDULE", requestedFocAt: "2026-03-13T15:30:00.000Z" });
    await expect(sendSupp(orderId, { type: "CANCEL" })).rejects.toMatchObject({ status: 409, code: "SUPP_IN_FLIGHT" });
    expect((await h.getOrder(orderId)).suppInFlight).toMatchObject({ type: "RESCHEDULE" });
    await h.setClock("2026-03-13T15:30:00.000Z");
    const activation = await h.client.activateOrder(orderId, {}, { idempotencyKey: h.nextKey("act") });
    expect(activation.tns).toHaveLength(2);
    expect((await h.getOrder(orderId)).status).toBe("ACTIVATED");
  });

  it("cancels after FOC, after which the order takes neither SUPP nor activation", async () => {
    const orderId = await createOrderWithFoc();
    const cancel = await sendSupp(orderId, { type: "CANCEL", reason: "customer changed mind" });
    await h.advance(30 * minute);
    expect(h.receiver.typesOf(orderId).slice(-2)).toEqual(["SUPP_ACCEPTED", "CANCELLED"]);
    expect(h.receiver.eventsOf(orderId).at(-1)).toMatchObject({ suppId: cancel.suppId });
    await expect(sendSupp(orderId, { type: "CANCEL" })).rejects.toMatchObject({ code: "INVALID_STATE" });
    await h.setClock("2026-03-12T15:30:00.000Z");
    await expect(h.client.activateOrder(orderId, {}, { idempotencyKey: h.nextKey("act") })).rejects.toMatchObject({
      code: "INVALID_STATE",
    });
  });

  it("cancels right after create: the CSR waits for the SUPP and never comes", async () => {
    const created = await h.create(makeOrder(h.receiver));
    await sendSupp(created.orderId, { type: "CANCEL" });
    await h.advance(6 * hour);
    expect(h.receiver.typesOf(created.orderId)).toEqual(["SUPP_ACCEPTED", "CANCELLED"]);
  });

  it("a CHANGE before FOC runs the CSR phase again with the new data", async () => {
    const order = makeOrder(h.receiver);
    const created = await h.create(order);
    await h.advance(10 * minute);
    const tns = [...order.tns, "2015558888"];
    await sendSupp(created.orderId, { type: "CHANGE", changes: { tns } });
    await h.advance(30 * minute);
    expect(h.receiver.typesOf(created.orderId)).toEqual(["CSR_RETURNED", "SUPP_ACCEPTED"]);
    await h.advance(5 * minute);
    const csrs = pickEvents(h.receiver.eventsOf(created.orderId), "CSR_RETURNED");
    expect(csrs).toHaveLength(2);
    expect(csrs[1]?.csr.tns).toEqual(tns);
    expect(csrs[1]?.csr.rawText).toContain("201-555-8888");
    await h.advance(4 * hour);
    expect(h.receiver.typesOf(created.orderId).at(-1)).toBe("FOC");
    expect((await h.getOrder(created.orderId)).order.tns).toEqual(tns);
  });

  it("a CHANGE to data the LSP does not hold is rejected: the LSP's record does not move", async () => {
    const created = await h.create(makeOrder(h.receiver));
    const address = {
      houseNumber: "9",
      streetName: "Broad St",
      unit: "Fl 2",
      city: "Newark",
      state: "NJ",
      zip: "07102",
    };
    await sendSupp(created.orderId, { type: "CHANGE", changes: { serviceAddress: address } });
    await h.advance(3 * hour);
    expect(h.receiver.typesOf(created.orderId)).toEqual(["SUPP_ACCEPTED", "CSR_RETURNED", "REJECTED"]);
    const csr = pickEvents(h.receiver.eventsOf(created.orderId), "CSR_RETURNED")[0]?.csr;
    expect(csr?.rawText).toContain("SERVICE ADDRESS: 123 MAIN ST");
  });

  it("a reschedule before FOC moves the date the FOC will carry", async () => {
    const created = await h.create(makeOrder(h.receiver));
    await sendSupp(created.orderId, { type: "RESCHEDULE", requestedFocAt: "2026-03-16T14:00:00.000Z" });
    await h.advance(5 * hour);
    expect(h.receiver.typesOf(created.orderId)).toEqual(["SUPP_ACCEPTED", "CSR_RETURNED", "FOC"]);
    expect(pickEvents(h.receiver.eventsOf(created.orderId), "FOC")[0]?.focAt).toBe("2026-03-16T14:00:00.000Z");
  });

  it("answers a repeated SUPP key with the same SUPP, and refuses the key for another request", async () => {
    const orderId = await createOrderWithFoc();
    const request = { type: "RESCHEDULE", requestedFocAt: "2026-03-13T15:30:00.000Z" } as const;
    const first = await h.client.submitSupp(orderId, request, { idempotencyKey: "same-supp" });
    const again = await fetch(`${h.url}/v1/orders/${orderId}/supps`, {
      method: "POST",
      headers: { "idempotency-key": "same-supp", "content-type": "application/json" },
      body: JSON.stringify(request),
    });
    expect(again.status).toBe(202);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await again.json()).toEqual(first);
    await expect(
      h.client.submitSupp(orderId, { type: "CANCEL" }, { idempotencyKey: "same-supp" }),
    ).rejects.toMatchObject({
      status: 409,
      code: "IDEMPOTENCY_KEY_REUSED",
    });
    await h.advance(30 * minute);
    expect(pickEvents(h.receiver.eventsOf(orderId), "SUPP_ACCEPTED")).toHaveLength(1);
  });
});
