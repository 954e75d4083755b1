import type { PartnerRejectionCode } from "@portway/domain";
import type { CreateOrderData, Csr, PartnerPortType, Subscriber } from "@portway/partner";
import { formatEtDateTime } from "../et-time";
import type { AccountRecord } from "./account-record";

/**
 * Raw texts as the two kinds of counterpart write them: the partner (Level 3/Lumen-like, numbered codes with an
 * internal code in brackets) for AUTOMATED orders, the losing carrier's LSR system (jeopardy codes) for ON_NET.
 */
const rejectionTexts: Record<PartnerRejectionCode, { partner: string; jeopardy: string; text: string }> = {
  SERVICE_ADDRESS_MISMATCH: {
    partner: "6410: (00016)",
    jeopardy: "1P",
    text: "SERVICE ADDRESS DOES NOT MATCH CSR (SANO/SASN/CITY)",
  },
  ZIP_MISMATCH: { partner: "6411: (00017)", jeopardy: "1P", text: "SERVICE ZIP CODE DOES NOT MATCH CSR" },
  END_USER_NAME_MISMATCH: { partner: "6420: (00021)", jeopardy: "2C", text: "END USER NAME DOES NOT MATCH ACCOUNT" },
  ACCOUNT_NUMBER_MISMATCH: { partner: "6430: (00031)", jeopardy: "E6", text: "ACCOUNT NUMBER INVALID FOR BTN" },
  ACCOUNT_NUMBER_REQUIRED: { partner: "6431: (00032)", jeopardy: "E6", text: "ACCOUNT NUMBER REQUIRED" },
  PIN_INVALID: { partner: "6440: (00041)", jeopardy: "E8", text: "PASSCODE/PIN INVALID" },
  PIN_REQUIRED: { partner: "6441: (00042)", jeopardy: "E8", text: "PASSCODE/PIN REQUIRED FOR THIS ACCOUNT" },
  BTN_MISMATCH: { partner: "6450: (00051)", jeopardy: "E6h", text: "BTN DOES NOT MATCH ACCOUNT" },
  REPLACEMENT_BTN_REQUIRED: {
    partner: "6451: (00052)",
    jeopardy: "E6h",
    text: "PORTING BTN WITH SERVICES REMAINING - NEW BTN REQUIRED",
  },
  PENDING_ORDER: { partner: "6460: (00061)", jeopardy: "1N", text: "PENDING SERVICE ORDER ON ACCOUNT" },
  LSP_FREEZE: { partner: "6470: (00071)", jeopardy: "3L", text: "LOCAL SERVICE FREEZE ON ACCOUNT" },
  TN_NOT_PORTABLE: { partner: "6480: (00081)", jeopardy: "E37", text: "TN NOT PORTABLE / NOT ACTIVE ON ACCOUNT" },
  FOC_DATE_REFUSED: { partner: "6490: (00091)", jeopardy: "1D", text: "REQUESTED DUE DATE NOT AVAILABLE" },
  LOA_INVALID: { partner: "6510: (00101)", jeopardy: "2A", text: "LOA ILLEGIBLE OR AUTHORIZATION NOT VALID" },
  OTHER: { partner: "6579: (00999)", jeopardy: "99", text: "ORDER CANNOT BE PROCESSED - CONTACT LSP" },
};

export function writeRejectionText(portType: PartnerPortType, code: PartnerRejectionCode, detail?: string): string {
  const entry = rejectionTexts[code];
  const suffix = detail ? ` - ${detail}` : "";
  return portType === "AUTOMATED"
    ? `${entry.partner} ${entry.text}${suffix}`
    : `REJECT ${entry.jeopardy}: ${entry.text}${suffix}`;
}

function formatTn(tn: string): string {
  return `${tn.slice(0, 3)}-${tn.slice(3, 6)}-${tn.slice(6)}`;
}

export function writeAccountName(subscriber: Subscriber): string {
  return subscriber.type === "BUSINESS" ? subscriber.businessName : `${subscriber.firstName} ${subscriber.lastName}`;
}

/** A CSR as a TRAM-style text response; the structured fields say the same thing. */
export function writeCsr(order: CreateOrderData, record: AccountRecord, pulledAt: Date): Csr {
  const carrier = order.losingCarrier;
  const address = record.serviceAddress;
  const accountName = writeAccountName(record.subscriber);
  const header =
    order.portType === "AUTOMATED"
      ? `CSR RESPONSE - LEVEL 3 COMMUNICATIONS TRAM GATEWAY`
      : `CUSTOMER SERVICE RECORD - ${carrier.name.toUpperCase()}`;
  const lines = [
    header,
    `LSP: ${carrier.name.toUpperCase()}  SPID: ${carrier.spid}  TYPE: ${carrier.type}`,
    `PULLED: ${formatEtDateTime(pulledAt)}`,
    `ACCOUNT NUMBER: ${record.accountNumber ?? "NONE ON FILE"}`,
    `BTN: ${formatTn(record.btn)}`,
    `ACCOUNT TYPE: ${record.subscriber.type === "BUSINESS" ? "BUS" : "RES"}`,
    `BILLING NAME: ${accountName.toUpperCase()}`,
    `SERVICE ADDRESS: ${address.houseNumber} ${address.streetName}${address.unit ? ` ${address.unit}` : ""}`.toUpperCase(),
    `CITY/STATE/ZIP: ${address.city}, ${address.state} ${address.zip}`.toUpperCase(),
    `AUTHORIZED CONTACT: ${record.authorizedName.toUpperCase()}`,
    `WORKING TELEPHONE NUMBERS: ${record.tns.length}`,
    ...record.tns.map((tn, index) => {
      const role = tn === record.btn ? "BTN " : "    ";
      const features = index % 3 === 1 ? "1FB  HNT" : "1FB";
      return `  ${formatTn(tn)}  ${role} ${features}`;
    }),
    `FEATURES: ${record.tns.length > 1 ? "ESX HNT CREX" : "ESX CREX"}`,
    `PIC/LPIC: 0288/5123  PIC FREEZE: ${record.conditions.includes("LSP_FREEZE") ? "Y" : "N"}`,
    `PENDING ORDERS: ${record.conditions.includes("PENDING_ORDER") ? "C-ORDER DUE 5 DAYS" : "NONE"}`,
    `END OF CSR`,
  ];
  return {
    rawText: lines.join("\n"),
    accountNumber: record.accountNumber,
    btn: record.btn,
    accountName,
    subscriber: record.subscriber,
    serviceAddress: record.serviceAddress,
    authorizedName: record.authorizedName,
    tns: record.tns,
  };
}

export function writeCsrUnavailableText(portType: PartnerPortType, reason: "NOT_SUPPORTED" | "NO_RESPONSE"): string {
  if (reason === "NOT_SUPPORTED") {
    return portType === "AUTOMATED"
      ? "6105: (00005) CSR NOT AVAILABLE - LSP DOES NOT SUPPORT CSR REQUESTS (RESELLER ACCOUNT)"
      : "CSR NOT PROVIDED: RESOLD SERVICE, CONTACT THE RESELLER";
  }
  return portType === "AUTOMATED"
    ? "6106: (00006) CSR REQUEST TIMED OUT AT LSP - PROCEEDING WITHOUT CSR"
    : "CSR REQUEST NOT ANSWERED WITHIN INTERVAL";
}
