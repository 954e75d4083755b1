import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Harness, hour, makeOrder, minute, pickEvents, requestedFocAt, startHarness } from "./harness";

let h: Harness;

beforeAll(async () => {
  h = await startHarness("sim_lifecycle");
});
afterAll(() => h.close());
beforeEach(() => h.reset());

describe("happy paths", () => {
  it("AUTOMATED: 9-digit ID, CSR after 5 minutes, FOC on the requested date after 4 hours, activation per TN", async () => {
    const order = makeOrder(h.receiver);
    const created = await h.create(order);
    expect(created.orderId).toMatch(/^\d{9}$/);
    expect(created).toMatchObject({ portType: "AUTOMATED", status: "SUBMITTED", replayed: false });

    await h.advance(4 * minute);
    expect(h.receiver.typesOf(created.orderId)).toEqual([]);
    await h.advance(1 * minute);
    expect(h.receiver.typesOf(created.orderId)).toEqual(["CSR_RETURNED"]);
    const [csrEvent] = h.receiver.eventsOf(created.orderId);
    expect(csrEvent).toMatchObject({
      sequence: 1,
      clientOrderId: order.clientOrderId,
      occurredAt: "2026-03-09T14:05:00.000Z",
    });
    if (csrEvent?.type !== "CSR_RETURNED") {
      throw new Error("expected a CSR");
    }
    expect(csrEvent.csr.rawText).toContain("ACCOUNT NUMBER: 77312-0042");
    expect(csrEvent.csr.rawText).toContain("SERVICE ADDRESS: 123 MAIN ST");
    expect(csrEvent.csr.tns).toEqual(order.tns);

    await h.advance(4 * hour);
    const foc = h.receiver.eventsOf(created.orderId).find((event) => event.type === "FOC");
    expect(foc).toMatchObject({
      sequence: 2,
      focAt: requestedFocAt,
      focDate: "2026-03-12",
      occurredAt: "2026-03-09T18:00:00.000Z",
    });

    const early = await h.sim("POST", `/v1/orders/${created.orderId}/activate`, {});
    expect(early.status).toBe(400); // no idempotency key
    await expect(h.client.activateOrder(created.orderId, {}, { idempotencyKey: "act-early" })).rejects.toMatchObject({
      status: 409,
      code: "TOO_EARLY",
    });
    await h.setClock(requestedFocAt);
    const activation = await h.client.activateOrder(created.orderId, {}, { idempotencyKey: h.nextKey("act") });
    expect(activation.tns).toEqual(order.tns);
    await h.advance(0);
    const activated = h.receiver.eventsOf(created.orderId).filter((event) => event.type === "ACTIVATED");
    expect(activated).toHaveLength(1);
    expect(activated[0]).toMatchObject({ tns: order.tns, remainingTns: 0, sequence: 3 });
    const state = await h.getOrder(created.orderId);
    expect(state).toMatchObject({ status: "ACTIVATED", lastSequence: 3, focAt: requestedFocAt });
    expect(state.tns.every((tn) => tn.status === "ACTIVATED")).toBe(true);
    expect(state.events.map((event) => event.eventId)).toEqual(
      h.receiver.eventsOf(created.orderId).map((e) => e.eventId),
    );
    expect(h.receiver.received.every((entry) => entry.verification.ok)).toBe(true);
  });

  it("ON_NET: the LSP's ID format, faster timeline, LSP-style texts, activation of a list then the rest", async () => {
    const tns = Array.from({ length: 30 }, (_, index) => `3125550${String(300 + index)}`);
    const order = makeOrder(h.receiver, {
      portType: "ON_NET",
      tns,
      btn: tns[0],
      losingCarrier: { spid: "5123", name: "AT&T Illinois", type: "WIRELINE" },
    });
    const created = await h.create(order);
    expect(created.orderId).toMatch(/^ON5123-\d{7}$/);
    await h.advance(3 * minute);
    expect(h.receiver.typesOf(created.orderId)).toEqual(["CSR_RETURNED"]);
    await h.advance(2 * hour);
    expect(h.receiver.typesOf(created.orderId)).toEqual(["CSR_RETURNED", "FOC"]);
    await h.setClock("2026-03-12T09:00:00Z"); // 05:00 ET on the FOC day: activation is open
    await h.client.activateOrder(created.orderId, { tns: tns.slice(0, 2) }, { idempotencyKey: h.nextKey("act") });
    await h.advance(0);
    expect((await h.getOrder(created.orderId)).status).toBe("PARTIALLY_ACTIVATED");
    const rest = await h.client.activateOrder(created.orderId, {}, { idempotencyKey: h.nextKey("act") });
    expect(rest.tns).toHaveLength(28);
    await h.advance(0);
    const activated = pickEvents(h.receiver.eventsOf(created.orderId), "ACTIVATED");
    // 2, then 28 in batches of 25 and 3.
    expect(activated.map((event) => event.tns.length)).toEqual([2, 25, 3]);
    expect(activated.map((event) => event.remainingTns)).toEqual([28, 3, 0]);
    expect((await h.getOrder(created.orderId)).status).toBe("ACTIVATED");
    await expect(
      h.client.activateOrder(created.orderId, {}, { idempotencyKey: h.nextKey("act") }),
    ).rejects.toMatchObject({
      code: "INVALID_STATE",
    });
  });

  it("a requested FOC that is already past moves to the earliest weekday at the same ET time", async () => {
    const created = await h.create(makeOrder(h.receiver, { requestedFocAt: "2026-03-09T15:00:00.000Z" }));
    await h.advance(5 * hour);
    const foc = pickEvents(h.receiver.eventsOf(created.orderId), "FOC")[0];
    expect(foc?.focAt).toBe("2026-03-10T15:00:00.000Z");
    expect(foc?.rawText).toContain("EARLIEST DUE DATE");
  });
});

describe("CSR and carrier behaviour", () => {
  it("a reseller SPID (X...) never returns a CSR, and the order still gets its FOC", async () => {
    const created = await h.create(
      makeOrder(h.receiver, { losingCarrier: { spid: "X123", name: "Resold", type: "VOIP" } }),
    );
    await h.advance(5 * hour);
    expect(h.receiver.typesOf(created.orderId)).toEqual(["CSR_UNAVAILABLE", "FOC"]);
    expect(h.receiver.eventsOf(created.orderId)[0]).toMatchObject({ reason: "NOT_SUPPORTED" });
  });

  it("account number ending 9920: the CSR request times out", async () => {
    const created = await h.create(makeOrder(h.receiver, { accountNumber: "55-9920" }));
    await h.advance(10 * minute);
    expect(h.receiver.eventsOf(created.orderId)[0]).toMatchObject({ type: "CSR_UNAVAILABLE", reason: "NO_RESPONSE" });
  });

  it("account number ending 993N: the CSR lists N more TNs than ordered (partial port)", async () => {
    const order = makeOrder(h.receiver, { accountNumber: "4410-9933" });
    const created = await h.create(order);
    await h.advance(10 * minute);
    const csr = pickEvents(h.receiver.eventsOf(created.orderId), "CSR_RETURNED")[0]?.csr;
    expect(csr?.tns).toHaveLength(order.tns.length + 3);
    expect(csr?.tns.slice(0, 2)).toEqual(order.tns);
  });

  it("SPIDs ending in 8 or 9 take one or two more business days to FOC (over the weekend)", async () => {
    await h.setClock("2026-03-13T14:00:00Z"); // Friday
    const slow = await h.create(
      makeOrder(h.receiver, {
        losingCarrier: { spid: "6529", name: "Slow Tel", type: "WIRELINE" },
        requestedFocAt: "2026-03-19T15:30:00Z",
      }),
    );
    await h.advance(5 * hour);
    expect(h.receiver.typesOf(slow.orderId)).toEqual(["CSR_RETURNED"]);
    await h.advance(2 * 24 * hour); // Sunday evening: still nothing
    expect(h.receiver.typesOf(slow.orderId)).toEqual(["CSR_RETURNED"]);
    await h.advance(24 * hour); // Monday evening: one business day
    expect(h.receiver.typesOf(slow.orderId)).toEqual(["CSR_RETURNED"]);
    await h.advance(24 * hour); // Tuesday: the second business day
    expect(pickEvents(h.receiver.eventsOf(slow.orderId), "FOC")[0]?.occurredAt).toBe("2026-03-17T18:00:00.000Z");
  });
});
