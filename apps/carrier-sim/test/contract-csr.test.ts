import { parseCsr } from "@portway/domain";
import { type CreateOrderRequest, type Csr, createOrderRequestSchema } from "@portway/partner";
import { describe, expect, it } from "vitest";
import { deriveAccountRecord } from "../src/behaviour/account-record";
import { writeCsr } from "../src/behaviour/texts";

const base: CreateOrderRequest = {
  portType: "AUTOMATED",
  clientOrderId: "ord_csr",
  tns: ["2015557001", "2015557002", "2015557003"],
  btn: "2015557001",
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
  callbackUrl: "http://127.0.0.1:9/callbacks",
};

/** The CSR the simulator sends for an order, as text and as its structured fields. */
function simulatedCsr(overrides: Partial<CreateOrderRequest>): Csr {
  const order = createOrderRequestSchema.parse({ ...base, ...overrides });
  return writeCsr(order, deriveAccountRecord(order), new Date("2026-03-09T14:05:00.000Z"));
}

const e164 = (tn: string) => `+1${tn}`;

const cases: [string, Partial<CreateOrderRequest>][] = [
  ["a business account with a unit, three lines", {}],
  [
    "a residential account without a unit",
    {
      subscriber: { type: "RESIDENTIAL", firstName: "Jane", lastName: "Doe" },
      serviceAddress: {
        houseNumber: "12B",
        streetName: "Elm Avenue",
        unit: null,
        city: "Jersey City",
        state: "NJ",
        zip: "07302-1234",
      },
    },
  ],
  ["an account with more lines than the order (a partial port)", { accountNumber: "A-9933", tns: ["2015557001"] }],
  ["an account with no account number on file", { accountNumber: null }],
  ["an on-net order, the losing carrier's own CSR", { portType: "ON_NET" }],
];

describe("the domain reads the simulator's CSR text (issue 14, finding 2)", () => {
  it.each(cases)("%s: every field of the text is read and agrees with the structured CSR", (_name, overrides) => {
    const csr = simulatedCsr(overrides);
    const parsed = parseCsr(csr.rawText);
    const address = csr.serviceAddress;
    expect({
      name: parsed.name,
      btn: parsed.btn,
      accountNumber: parsed.accountNumber,
      serviceAddress: parsed.serviceAddress,
      tns: parsed.tns,
    }).toEqual({
      name: csr.accountName.toUpperCase(),
      btn: e164(csr.btn),
      accountNumber: csr.accountNumber,
      serviceAddress: {
        houseNumber: address.houseNumber.toUpperCase(),
        street: address.streetName.toUpperCase(),
        ...(address.unit ? { unit: address.unit.toUpperCase() } : {}),
        city: address.city.toUpperCase(),
        state: address.state,
        zip: address.zip,
      },
      tns: csr.tns.map(e164),
    });
    // What is left unread is what Portway does not keep: the header, the LSP, features, PIC, the end marker.
    for (const line of parsed.unparsed) {
      expect(line).toMatch(
        /^(CSR RESPONSE|CUSTOMER SERVICE RECORD|LSP:|PULLED:|ACCOUNT TYPE:|AUTHORIZED CONTACT:|FEATURES:|PIC\/LPIC:|PENDING ORDERS:|END OF CSR)/,
      );
    }
  });

  it("sees a partial port: the account's lines beyond the order's", () => {
    const csr = simulatedCsr({ accountNumber: "A-9933", tns: ["2015557001"] });
    const parsed = parseCsr(csr.rawText);
    expect(parsed.tns).toHaveLength(4);
    expect(parsed.tns).toContain("+12015557001");
  });
});
