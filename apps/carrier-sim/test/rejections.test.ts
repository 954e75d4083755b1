import { reasonOfRejectionCode } from "@portway/domain";
import type { CreateOrderRequest, Csr, OrderChanges } from "@portway/partner";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Harness, hour, makeOrder, minute, pickEvents, startHarness } from "./harness";

let h: Harness;

beforeAll(async () => {
  h = await startHarness("sim_rejections");
});
afterAll(() => h.close());
beforeEach(() => h.reset());

interface Case {
  name: string;
  order: (base: CreateOrderRequest) => Partial<CreateOrderRequest>;
  codes: string[];
  /** The CHANGE that fixes it, built from the order and the CSR the LSP returned. */
  fix: (order: CreateOrderRequest, csr: Csr) => OrderChanges | { reschedule: string };
}

const wireless = { spid: "6006", name: "Verizon Wireless", type: "WIRELESS" } as const;
const resubmit = (order: CreateOrderRequest): OrderChanges => ({ authorizingPerson: order.authorizingPerson });

const cases: Case[] = [
  {
    name: "account ending 9901",
    order: () => ({ accountNumber: "A-9901" }),
    codes: ["SERVICE_ADDRESS_MISMATCH"],
    fix: (_o, csr) => ({ serviceAddress: csr.serviceAddress }),
  },
  {
    name: "service ZIP 99999",
    order: (o) => ({ serviceAddress: { ...o.serviceAddress, zip: "99999" } }),
    codes: ["ZIP_MISMATCH"],
    fix: (_o, csr) => ({ serviceAddress: csr.serviceAddress }),
  },
  {
    name: "account ending 9902",
    order: () => ({ accountNumber: "A-9902" }),
    codes: ["END_USER_NAME_MISMATCH"],
    fix: (_o, csr) => ({ subscriber: csr.subscriber }),
  },
  {
    name: "account ending 9902, residential",
    order: () => ({ accountNumber: "A-9902", subscriber: { type: "RESIDENTIAL", firstName: "Jane", lastName: "Doe" } }),
    codes: ["END_USER_NAME_MISMATCH"],
    fix: (_o, csr) => ({ subscriber: csr.subscriber }),
  },
  {
    name: "account ending 9903",
    order: () => ({ accountNumber: "A-9903" }),
    codes: ["ACCOUNT_NUMBER_MISMATCH"],
    fix: (o, csr) => ({ account: { accountNumber: csr.accountNumber, pin: o.pin } }),
  },
  {
    name: "account ending 9904",
    order: () => ({ accountNumber: "A-9904" }),
    codes: ["PIN_INVALID"],
    fix: (o) => ({ account: { accountNumber: o.accountNumber, pin: "7777" } }),
  },
  {
    name: "account ending 9905",
    order: () => ({ accountNumber: "A-9905" }),
    codes: ["BTN_MISMATCH"],
    fix: (_o, csr) => ({ btn: csr.btn }),
  },
  { name: "account ending 9906", order: () => ({ accountNumber: "A-9906" }), codes: ["PENDING_ORDER"], fix: resubmit },
  { name: "account ending 9907", order: () => ({ accountNumber: "A-9907" }), codes: ["LSP_FREEZE"], fix: resubmit },
  {
    name: "account ending 9908",
    order: () => ({ accountNumber: "A-9908" }),
    codes: ["TN_NOT_PORTABLE"],
    fix: (o) => ({ tns: o.tns.slice(1) }),
  },
  {
    name: "account ending 9909",
    order: () => ({ accountNumber: "A-9909" }),
    codes: ["FOC_DATE_REFUSED"],
    fix: () => ({ reschedule: "2026-03-13T15:30:00.000Z" }),
  },
  { name: "account ending 9910", order: () => ({ accountNumber: "A-9910" }), codes: ["LOA_INVALID"], fix: resubmit },
  { name: "account ending 9911", order: () => ({ accountNumber: "A-9911" }), codes: ["OTHER"], fix: resubmit },
  {
    name: "account ending 9912",
    order: () => ({ accountNumber: "A-9912" }),
    codes: ["SERVICE_ADDRESS_MISMATCH", "ACCOUNT_NUMBER_MISMATCH"],
    fix: (o, csr) => ({
      serviceAddress: csr.serviceAddress,
      account: { accountNumber: csr.accountNumber, pin: o.pin },
    }),
  },
  {
    name: "account ending 9913",
    order: () => ({ accountNumber: "A-9913" }),
    codes: ["END_USER_NAME_MISMATCH", "BTN_MISMATCH"],
    fix: (_o, csr) => ({ subscriber: csr.subscriber, btn: csr.btn }),
  },
  {
    name: "account ending 9914",
    order: () => ({ accountNumber: "A-9914" }),
    codes: ["PENDING_ORDER", "LSP_FREEZE"],
    fix: resubmit,
  },
  {
    name: "wireless PIN 0000",
    order: () => ({ losingCarrier: wireless, pin: "0000" }),
    codes: ["PIN_INVALID"],
    fix: (o) => ({ account: { accountNumber: o.accountNumber, pin: "2468" } }),
  },
  {
    name: "wireless without PIN",
    order: () => ({ losingCarrier: wireless, pin: null }),
    codes: ["PIN_REQUIRED"],
    fix: (o) => ({ account: { accountNumber: o.accountNumber, pin: "2468" } }),
  },
  {
    name: "wireless without account number",
    order: () => ({ losingCarrier: wireless, accountNumber: null }),
    codes: ["ACCOUNT_NUMBER_REQUIRED"],
    fix: (o) => ({ account: { accountNumber: "8812-0001", pin: o.pin } }),
  },
  {
    name: "partial port of the BTN without replacement",
    order: () => ({ partialPort: true }),
    codes: ["REPLACEMENT_BTN_REQUIRED"],
    fix: () => ({ replacementBtn: "2015559990" }),
  },
];

describe("rejection triggers", () => {
  it.each(cases)("$name -> $codes, then the fixed order gets its FOC", async ({ order: overrides, codes, fix }) => {
    const base = makeOrder(h.receiver);
    const order = { ...base, ...overrides(base) };
    const { orderId } = await h.create(order);
    await h.advance(5 * hour);
    const rejected = pickEvents(h.receiver.eventsOf(orderId), "REJECTED");
    expect(rejected).toHaveLength(1);
    const rejections = rejected[0]?.rejections ?? [];
    expect(rejections.map((rejection) => rejection.code)).toEqual(codes);
    for (const rejection of rejections) {
      expect(rejection.rawText).toMatch(/^6\d{3}: \(\d{5}\) [A-Z]/);
      // Every code the simulator sends is a known one: only OTHER files under OTHER.
      expect(reasonOfRejectionCode(rejection.code) === "OTHER").toBe(rejection.code === "OTHER");
    }
    expect((await h.getOrder(orderId)).status).toBe("REJECTED");

    const csr = pickEvents(h.receiver.eventsOf(orderId), "CSR_RETURNED")[0]?.csr;
    if (!csr) {
      throw new Error("expected a CSR");
    }
    const change = fix(order, csr);
    const request =
      "reschedule" in change
        ? ({ type: "RESCHEDULE", requestedFocAt: change.reschedule } as const)
        : ({ type: "CHANGE", changes: change } as const);
    await h.client.submitSupp(orderId, request, { idempotencyKey: h.nextKey("fix") });
    await h.advance(30 * minute + 5 * hour);
    const after = h.receiver.typesOf(orderId).slice(-3);
    expect(after).toEqual(["SUPP_ACCEPTED", "CSR_RETURNED", "FOC"]);
    expect((await h.getOrder(orderId)).status).toBe("FOC");
  });

  it("writes ON_NET rejections in the losing carrier's jeopardy style", async () => {
    const { orderId } = await h.create(makeOrder(h.receiver, { portType: "ON_NET", accountNumber: "A-9901" }));
    await h.advance(2 * hour);
    const rejection = pickEvents(h.receiver.eventsOf(orderId), "REJECTED")[0]?.rejections[0];
    expect(rejection?.rawText).toBe("REJECT 1P: SERVICE ADDRESS DOES NOT MATCH CSR (SANO/SASN/CITY)");
  });

  it("a CHANGE that does not fix the problem is rejected again; the condition codes lift with any CHANGE", async () => {
    const base = makeOrder(h.receiver, { accountNumber: "A-9912" });
    const { orderId } = await h.create(base);
    await h.advance(3 * hour);
    await h.client.submitSupp(
      orderId,
      { type: "CHANGE", changes: { btn: base.btn, requestedFocAt: "2026-03-13T15:30:00.000Z" } },
      { idempotencyKey: h.nextKey("fix") },
    );
    await h.advance(3 * hour);
    expect(pickEvents(h.receiver.eventsOf(orderId), "REJECTED")).toHaveLength(2);
  });
});
