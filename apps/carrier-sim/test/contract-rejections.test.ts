import { mapRejection, PARTNER_REJECTION_CODES, type RejectionActor, type RejectionReason } from "@portway/domain";
import { type CreateOrderData, type CreateOrderRequest, createOrderRequestSchema } from "@portway/partner";
import { describe, expect, it } from "vitest";
import { accountNumberTriggers, deriveAccountRecord } from "../src/behaviour/account-record";
import { decideFoc, findRejections } from "../src/behaviour/review";

const base: CreateOrderRequest = {
  portType: "AUTOMATED",
  clientOrderId: "ord_contract",
  tns: ["2015557001", "2015557002"],
  btn: "2015557001",
  partialPort: false,
  replacementBtn: null,
  subscriber: { type: "BUSINESS", businessName: "Acme Plumbing" },
  accountNumber: "77312-0042",
  pin: "4821",
  serviceAddress: { houseNumber: "123", streetName: "Main St", unit: null, city: "Newark", state: "NJ", zip: "07102" },
  authorizingPerson: "John Smith",
  requestedFocAt: "2026-03-12T15:30:00.000Z",
  onDemandActivation: false,
  losingCarrier: { spid: "6214", name: "Verizon New Jersey", type: "WIRELINE" },
  callbackUrl: "http://127.0.0.1:9/callbacks",
};
const wireless = { spid: "6006", name: "Verizon Wireless", type: "WIRELESS" } as const;

function order(overrides: Partial<CreateOrderRequest>): CreateOrderData {
  return createOrderRequestSchema.parse({ ...base, ...overrides });
}

/** Every way the simulated LSP rejects an order: each sandbox trigger and each rule of its review. */
function emittedRejections(): { code: string; tns?: string[] }[] {
  const orders: CreateOrderData[] = [
    ...Object.keys(accountNumberTriggers).map((trigger) => order({ accountNumber: `A-${trigger}` })),
    order({ serviceAddress: { ...base.serviceAddress, zip: "99999" } }),
    order({ partialPort: true }),
    order({ losingCarrier: wireless, accountNumber: null, pin: null }),
    order({ losingCarrier: wireless, pin: "0000" }),
  ];
  const found = orders.flatMap((o) => findRejections(o, deriveAccountRecord(o)));
  const refused = order({ accountNumber: "A-9909" });
  const decision = decideFoc(refused, deriveAccountRecord(refused), new Date("2026-03-09T14:00:00.000Z"));
  expect(decision.ok).toBe(false);
  return [...found, { code: "FOC_DATE_REFUSED" }];
}

const ADDRESS = [
  "serviceAddress.houseNumber",
  "serviceAddress.street",
  "serviceAddress.unit",
  "serviceAddress.city",
  "serviceAddress.state",
  "serviceAddress.zip",
];

/** The contract: each partner code, its canonical reason, who acts and what the fix form shows. */
const expected: Record<string, [RejectionReason, RejectionActor, string[]]> = {
  SERVICE_ADDRESS_MISMATCH: ["ADDRESS_MISMATCH", "CUSTOMER", ADDRESS],
  ZIP_MISMATCH: ["ADDRESS_MISMATCH", "CUSTOMER", ADDRESS],
  END_USER_NAME_MISMATCH: ["NAME_MISMATCH", "PORTING_TEAM", []],
  ACCOUNT_NUMBER_MISMATCH: ["ACCOUNT_NUMBER", "CUSTOMER", ["accountNumber", "pin"]],
  ACCOUNT_NUMBER_REQUIRED: ["ACCOUNT_NUMBER", "CUSTOMER", ["accountNumber", "pin"]],
  PIN_INVALID: ["PIN", "CUSTOMER", ["accountNumber", "pin"]],
  PIN_REQUIRED: ["PIN", "CUSTOMER", ["accountNumber", "pin"]],
  BTN_MISMATCH: ["BTN", "CUSTOMER", ["btn", "partialPort", "replacementBtn", "tns"]],
  REPLACEMENT_BTN_REQUIRED: ["BTN", "CUSTOMER", ["btn", "partialPort", "replacementBtn", "tns"]],
  PENDING_ORDER: ["PENDING_ORDER", "END_USER", []],
  LSP_FREEZE: ["FREEZE", "END_USER", []],
  TN_NOT_PORTABLE: ["NOT_PORTABLE", "CUSTOMER", ["tns"]],
  FOC_DATE_REFUSED: ["FOC_DATE_REFUSED", "CUSTOMER", ["requestedFoc"]],
  LOA_INVALID: ["LOA_PROBLEM", "CUSTOMER", ["documents"]],
  OTHER: ["OTHER", "PORTING_TEAM", []],
};

describe("one rejection taxonomy for Portway, the partner and the simulator (issue 14, finding 4)", () => {
  const emitted = emittedRejections();
  const codes = [...new Set(emitted.map((rejection) => rejection.code))].sort();

  it("the simulator's rules and triggers emit every code of the domain's partner list, and no other", () => {
    expect(codes).toEqual([...PARTNER_REJECTION_CODES].sort());
    expect(Object.keys(expected).sort()).toEqual(codes);
  });

  it.each(codes)("%s maps to its canonical reason, with its actor and the fields of its fix form", (code) => {
    const mapped = mapRejection({ code, text: "as the partner wrote it" });
    const [reason, actor, fields] = expected[code] ?? ["OTHER", "PORTING_TEAM", []];
    expect({ reason: mapped.reason, actor: mapped.actor, fieldsToFix: [...mapped.fieldsToFix] }).toEqual({
      reason,
      actor,
      fieldsToFix: fields,
    });
    // Only the partner's own catch-all files under OTHER.
    expect(mapped.reason === "OTHER").toBe(code === "OTHER");
  });

  it("keeps the TNs a TN_NOT_PORTABLE rejection names, in E.164", () => {
    const notPortable = emitted.find((rejection) => rejection.code === "TN_NOT_PORTABLE");
    expect(notPortable?.tns).toEqual(["2015557001"]);
    const mapped = mapRejection({ code: "TN_NOT_PORTABLE", text: "", tns: notPortable?.tns ?? [] });
    expect(mapped.tns).toEqual(["+12015557001"]);
  });
});
