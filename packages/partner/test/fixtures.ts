import type { CreateOrderRequest, PartnerEvent } from "../src/index";

export const sampleOrder: CreateOrderRequest = {
  portType: "AUTOMATED",
  clientOrderId: "ord_123",
  tns: ["2015550142", "2015550143"],
  btn: "2015550142",
  partialPort: false,
  replacementBtn: null,
  subscriber: { type: "BUSINESS", businessName: "Acme Plumbing" },
  accountNumber: "77312-0042",
  pin: "4821",
  serviceAddress: {
    houseNumber: "123",
    streetName: "Main St",
    unit: "Ste 4",
    city: "Newark",
    state: "NJ",
    zip: "07102",
  },
  authorizingPerson: "John Smith",
  requestedFocAt: "2026-03-12T15:30:00.000Z",
  onDemandActivation: false,
  losingCarrier: { spid: "6214", name: "Verizon New Jersey", type: "WIRELINE" },
  callbackUrl: "http://127.0.0.1:3002/partner/callbacks",
};

const base = {
  orderId: "412345678",
  clientOrderId: "ord_123",
  portType: "AUTOMATED" as const,
  occurredAt: "2026-03-09T14:05:00.000Z",
};

/** One sample of every callback event type, in a plausible order. */
export const sampleEvents: PartnerEvent[] = [
  {
    ...base,
    eventId: "e1",
    sequence: 1,
    type: "CSR_RETURNED",
    csr: {
      rawText: "CUSTOMER SERVICE RECORD\nACCOUNT NUMBER: 77312-0042\n",
      accountNumber: "77312-0042",
      btn: "2015550142",
      accountName: "ACME PLUMBING",
      subscriber: { type: "BUSINESS", businessName: "ACME PLUMBING" },
      serviceAddress: {
        houseNumber: "123",
        streetName: "MAIN ST",
        unit: "STE 4",
        city: "NEWARK",
        state: "NJ",
        zip: "07102",
      },
      authorizedName: "JOHN SMITH",
      tns: ["2015550142", "2015550143", "2015550144"],
    },
  },
  { ...base, eventId: "e2", sequence: 2, type: "CSR_UNAVAILABLE", reason: "NOT_SUPPORTED", rawText: "NO CSR" },
  {
    ...base,
    eventId: "e3",
    sequence: 3,
    type: "REJECTED",
    rejections: [
      { code: "SERVICE_ADDRESS_MISMATCH", rawText: "6410: (00016) SERVICE ADDRESS DOES NOT MATCH CSR" },
      { code: "TN_NOT_PORTABLE", rawText: "6455: TN NOT PORTABLE", tns: ["2015550143"] },
    ],
  },
  { ...base, eventId: "e4", sequence: 4, type: "SUPP_ACCEPTED", suppId: "s1", suppType: "CHANGE" },
  {
    ...base,
    eventId: "e5",
    sequence: 5,
    type: "FOC",
    focAt: "2026-03-12T15:30:00.000Z",
    focDate: "2026-03-12",
    requestedFocAt: "2026-03-12T15:30:00.000Z",
    rawText: "FOC CONFIRMED",
  },
  {
    ...base,
    eventId: "e6",
    sequence: 6,
    type: "SUPP_REJECTED",
    suppId: "s2",
    suppType: "RESCHEDULE",
    reason: { code: "SUPP_LIMIT_EXCEEDED", rawText: "MAX SUPPS AFTER FOC" },
  },
  {
    ...base,
    eventId: "e7",
    sequence: 7,
    type: "ACTIVATED",
    activationId: "a1",
    tns: ["2015550142"],
    activatedAt: "2026-03-12T15:31:00.000Z",
    remainingTns: 1,
  },
  { ...base, eventId: "e8", sequence: 8, type: "CANCELLED", suppId: "s3", rawText: "ORDER CANCELLED" },
];
