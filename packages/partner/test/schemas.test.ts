import { PARTNER_REJECTION_CODES, REJECTION_REASONS, reasonOfRejectionCode } from "@portway/domain";
import { describe, expect, it } from "vitest";
import {
  activateRequestSchema,
  createOrderRequestSchema,
  parsePartnerEvent,
  partnerEventTypes,
  partnerOrderIdSchema,
  suppRequestSchema,
} from "../src/index";
import { sampleEvents, sampleOrder } from "./fixtures";

describe("callback event schemas", () => {
  it("has a sample for every event type", () => {
    expect(new Set(sampleEvents.map((event) => event.type))).toEqual(new Set(partnerEventTypes));
    expect(partnerEventTypes).toHaveLength(8);
  });

  it.each(sampleEvents.map((event) => [event.type, event] as const))(
    "parses %s after a JSON round trip",
    (_type, event) => {
      const parsed = parsePartnerEvent(JSON.parse(JSON.stringify(event)));
      expect(parsed).toEqual({ ok: true, event });
    },
  );

  it("refuses an event without its sequence, with an unknown type, or with an empty rejection list", () => {
    const [first] = sampleEvents;
    const { sequence: _dropped, ...withoutSequence } = first ?? {};
    expect(parsePartnerEvent(withoutSequence).ok).toBe(false);
    expect(parsePartnerEvent({ ...first, type: "SOMETHING_ELSE" }).ok).toBe(false);
    const rejected = sampleEvents.find((event) => event.type === "REJECTED");
    expect(parsePartnerEvent({ ...rejected, rejections: [] }).ok).toBe(false);
    expect(parsePartnerEvent({ ...first, sequence: 0 }).ok).toBe(false);
  });

  it("keeps an unknown rejection code and files it under OTHER", () => {
    const rejected = sampleEvents.find((event) => event.type === "REJECTED");
    const parsed = parsePartnerEvent({ ...rejected, rejections: [{ code: "NEW_CODE_7", rawText: "?" }] });
    expect(parsed.ok).toBe(true);
    expect(reasonOfRejectionCode("NEW_CODE_7")).toBe("OTHER");
  });

  it("files every partner rejection code under one of the domain's canonical reasons, all of which are used", () => {
    const used = new Set(PARTNER_REJECTION_CODES.map(reasonOfRejectionCode));
    expect(used).toEqual(new Set(REJECTION_REASONS));
    expect(reasonOfRejectionCode("ZIP_MISMATCH")).toBe("ADDRESS_MISMATCH");
    expect(reasonOfRejectionCode("PIN_REQUIRED")).toBe("PIN");
  });
});

describe("request schemas", () => {
  it("accepts a complete order and fills clientOrderId with null when absent", () => {
    const { clientOrderId: _omit, ...withoutReference } = sampleOrder;
    const parsed = createOrderRequestSchema.parse(withoutReference);
    expect(parsed.clientOrderId).toBeNull();
  });

  it("refuses E.164 TNs, repeated TNs, more than 600 TNs for AUTOMATED, and a non-HTTP callback", () => {
    expect(createOrderRequestSchema.safeParse({ ...sampleOrder, tns: ["+12015550142"] }).success).toBe(false);
    expect(createOrderRequestSchema.safeParse({ ...sampleOrder, tns: ["2015550142", "2015550142"] }).success).toBe(
      false,
    );
    const many = Array.from({ length: 601 }, (_, index) => `201555${String(index).padStart(4, "0")}`);
    expect(createOrderRequestSchema.safeParse({ ...sampleOrder, tns: many }).success).toBe(false);
    expect(createOrderRequestSchema.safeParse({ ...sampleOrder, portType: "ON_NET", tns: many }).success).toBe(true);
    expect(createOrderRequestSchema.safeParse({ ...sampleOrder, callbackUrl: "ftp://x" }).success).toBe(false);
  });

  it("parses the three SUPP types and refuses an empty CHANGE or a lone PIN", () => {
    expect(suppRequestSchema.parse({ type: "CANCEL" })).toEqual({ type: "CANCEL", reason: null });
    expect(suppRequestSchema.safeParse({ type: "RESCHEDULE", requestedFocAt: "2026-03-13T15:30:00Z" }).success).toBe(
      true,
    );
    expect(suppRequestSchema.safeParse({ type: "CHANGE", changes: {} }).success).toBe(false);
    expect(suppRequestSchema.safeParse({ type: "CHANGE", changes: { account: { pin: "1234" } } }).success).toBe(false);
    expect(
      suppRequestSchema.safeParse({ type: "CHANGE", changes: { account: { accountNumber: "1", pin: "1234" } } })
        .success,
    ).toBe(true);
  });

  it("accepts activation of all TNs or of a list", () => {
    expect(activateRequestSchema.parse({})).toEqual({});
    expect(activateRequestSchema.safeParse({ tns: [] }).success).toBe(false);
  });

  it("knows both order ID formats", () => {
    expect(partnerOrderIdSchema.safeParse("412345678").success).toBe(true);
    expect(partnerOrderIdSchema.safeParse("ON6214-0000042").success).toBe(true);
    expect(partnerOrderIdSchema.safeParse("41234567").success).toBe(false);
  });
});
