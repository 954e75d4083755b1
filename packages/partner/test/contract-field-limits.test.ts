import {
  buildBusinessCalendar,
  DEFAULT_PORT_LIMITS,
  type OrderDraft,
  PARTNER_FIELD_LIMITS,
  validateSubmission,
} from "@portway/domain";
import { describe, expect, it } from "vitest";
import { type CreateOrderRequest, createOrderRequestSchema, partnerFieldLimits } from "../src/index";
import { sampleOrder } from "./fixtures";

/** Not annotated, so that it fits the submission context whichever optional inputs it has. */
const context = {
  now: "2026-01-05T15:00:00Z",
  onNet: false,
  carrier: { type: "WIRELINE" as const, requiresAccountNumber: false, requiresPin: false, minBusinessDays: 0 },
  calendar: buildBusinessCalendar([2025, 2026, 2027]),
  limits: DEFAULT_PORT_LIMITS,
  onNetOnly: false,
};

function draft(overrides: Partial<OrderDraft> = {}): OrderDraft {
  return {
    tns: ["+17182340001", "+17182340002"],
    btn: "+17182340001",
    partialPort: false,
    subscriber: { type: "BUSINESS", businessName: "Tom's Bass Shop" },
    accountNumber: "88123",
    pin: "4821",
    serviceAddress: {
      houseNumber: "12",
      street: "Main St",
      unit: "Ste 4",
      city: "Brooklyn",
      state: "NY",
      zip: "11201",
    },
    loaAuthorizingPerson: "Tom Bass",
    onDemandActivation: false,
    customerOrderRef: "REF-1",
    documents: [{ documentId: "00000000-0000-4000-8000-0000000000d1", kind: "LOA", signedOn: "2025-12-20" }],
    requestedFoc: "2026-01-14T16:00:00Z",
    ...overrides,
  };
}

type LimitedField = keyof typeof PARTNER_FIELD_LIMITS;

/** The draft and the partner request with `field` set to `value`: the same field on both sides of the contract. */
function withValue(field: LimitedField, value: string): { draft: OrderDraft; request: CreateOrderRequest } {
  const base = draft();
  const address = base.serviceAddress ?? {};
  const residential = { type: "RESIDENTIAL" as const, firstName: "Tom", lastName: "Bass" };
  switch (field) {
    case "subscriber.businessName":
      return {
        draft: draft({ subscriber: { type: "BUSINESS", businessName: value } }),
        request: { ...sampleOrder, subscriber: { type: "BUSINESS", businessName: value } },
      };
    case "subscriber.firstName":
      return {
        draft: draft({ subscriber: { ...residential, firstName: value } }),
        request: { ...sampleOrder, subscriber: { ...residential, firstName: value } },
      };
    case "subscriber.lastName":
      return {
        draft: draft({ subscriber: { ...residential, lastName: value } }),
        request: { ...sampleOrder, subscriber: { ...residential, lastName: value } },
      };
    case "accountNumber":
      return { draft: draft({ accountNumber: value }), request: { ...sampleOrder, accountNumber: value } };
    case "pin":
      return { draft: draft({ pin: value }), request: { ...sampleOrder, pin: value } };
    case "loaAuthorizingPerson":
      return { draft: draft({ loaAuthorizingPerson: value }), request: { ...sampleOrder, authorizingPerson: value } };
    case "serviceAddress.houseNumber":
      return {
        draft: draft({ serviceAddress: { ...address, houseNumber: value } }),
        request: { ...sampleOrder, serviceAddress: { ...sampleOrder.serviceAddress, houseNumber: value } },
      };
    case "serviceAddress.street":
      return {
        draft: draft({ serviceAddress: { ...address, street: value } }),
        request: { ...sampleOrder, serviceAddress: { ...sampleOrder.serviceAddress, streetName: value } },
      };
    case "serviceAddress.unit":
      return {
        draft: draft({ serviceAddress: { ...address, unit: value } }),
        request: { ...sampleOrder, serviceAddress: { ...sampleOrder.serviceAddress, unit: value } },
      };
    case "serviceAddress.city":
      return {
        draft: draft({ serviceAddress: { ...address, city: value } }),
        request: { ...sampleOrder, serviceAddress: { ...sampleOrder.serviceAddress, city: value } },
      };
  }
}

const fields = Object.entries(PARTNER_FIELD_LIMITS) as [LimitedField, number][];

describe("one table of field limits for Portway and the partner (issue 14, finding 18)", () => {
  it("has the values the partner enforces", () => {
    expect(PARTNER_FIELD_LIMITS).toMatchObject({
      accountNumber: 30,
      "serviceAddress.street": 60,
      "serviceAddress.unit": 20,
    });
    expect(partnerFieldLimits).toMatchObject({ accountNumber: 30, streetName: 60, unit: 20 });
  });

  it.each(fields)("%s: one over %i is refused by Portway naming the field, and by the partner", (field, limit) => {
    const over = withValue(field, "7".repeat(limit + 1));
    const result = validateSubmission(over.draft, { ...context, requestTns: over.draft.tns ?? [] });
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors).toContainEqual(expect.objectContaining({ field, code: "TOO_LONG_FOR_PARTNER" }));
    expect(errors.find((e) => e.field === field)?.message).toContain(String(limit));
    expect(createOrderRequestSchema.safeParse(over.request).success).toBe(false);
  });

  it.each(fields)("%s: a value of exactly %i passes Portway's validation and the partner's schema", (field, limit) => {
    const at = withValue(field, "7".repeat(limit));
    const result = validateSubmission(at.draft, { ...context, requestTns: at.draft.tns ?? [] });
    expect(result.ok ? [] : result.errors).toEqual([]);
    const wire = createOrderRequestSchema.safeParse(at.request);
    expect(wire.success ? [] : wire.error.issues).toEqual([]);
  });
});
