import { z } from "zod";

/**
 * The canonical reasons of SPEC section 9. Every rejection code the partner sends belongs to one of them; an
 * unknown code (the partner may add some) belongs to OTHER, so a new code never blocks an order.
 */
export const rejectionCategories = [
  "ADDRESS_MISMATCH",
  "NAME_MISMATCH",
  "ACCOUNT_NUMBER",
  "PIN",
  "BTN",
  "PENDING_ORDER",
  "FREEZE",
  "NOT_PORTABLE",
  "FOC_DATE_REFUSED",
  "LOA",
  "OTHER",
] as const;
export type RejectionCategory = (typeof rejectionCategories)[number];

interface RejectionCodeInfo {
  category: RejectionCategory;
  description: string;
}

/** Stable rejection code strings. Callback payloads carry them as plain strings (see categorizeRejectionCode). */
export const rejectionCodeInfo = {
  SERVICE_ADDRESS_MISMATCH: {
    category: "ADDRESS_MISMATCH",
    description: "The service address (house number, street, unit, city, state) differs from the LSP's record.",
  },
  ZIP_MISMATCH: { category: "ADDRESS_MISMATCH", description: "The service ZIP code differs from the LSP's record." },
  END_USER_NAME_MISMATCH: {
    category: "NAME_MISMATCH",
    description: "The business name or the subscriber's first and last name differ from the LSP's record.",
  },
  ACCOUNT_NUMBER_MISMATCH: {
    category: "ACCOUNT_NUMBER",
    description: "The account number does not match the account at the LSP.",
  },
  ACCOUNT_NUMBER_REQUIRED: {
    category: "ACCOUNT_NUMBER",
    description: "The losing carrier requires an account number and none was sent.",
  },
  PIN_INVALID: { category: "PIN", description: "The PIN or passcode is wrong." },
  PIN_REQUIRED: { category: "PIN", description: "The losing carrier requires a PIN and none was sent." },
  BTN_MISMATCH: { category: "BTN", description: "The billing telephone number is not the account's BTN." },
  REPLACEMENT_BTN_REQUIRED: {
    category: "BTN",
    description: "A partial port that moves the BTN needs a replacement BTN that stays with the LSP.",
  },
  PENDING_ORDER: {
    category: "PENDING_ORDER",
    description: "The account has an open order at the LSP; the end user must clear it with the LSP.",
  },
  LSP_FREEZE: {
    category: "FREEZE",
    description: "The end user has a local service freeze; the end user must lift it with the LSP.",
  },
  TN_NOT_PORTABLE: { category: "NOT_PORTABLE", description: "One or more TNs cannot be ported (listed in tns)." },
  FOC_DATE_REFUSED: {
    category: "FOC_DATE_REFUSED",
    description: "The requested FOC date is not available; request another date.",
  },
  LOA_INVALID: {
    category: "LOA",
    description: "The LOA is missing, illegible, too old, or signed by someone not authorized on the account.",
  },
  OTHER: { category: "OTHER", description: "Any other reason; read the raw text." },
} as const satisfies Record<string, RejectionCodeInfo>;

export type RejectionCode = keyof typeof rejectionCodeInfo;
export const rejectionCodes = Object.keys(rejectionCodeInfo) as RejectionCode[];
export const rejectionCodeSchema = z.enum(rejectionCodes as [RejectionCode, ...RejectionCode[]]);

export function isKnownRejectionCode(code: string): code is RejectionCode {
  return Object.hasOwn(rejectionCodeInfo, code);
}

/** Maps any code the partner sends to its canonical reason; unknown codes are OTHER. */
export function categorizeRejectionCode(code: string): RejectionCategory {
  return isKnownRejectionCode(code) ? rejectionCodeInfo[code].category : "OTHER";
}

/** Why a SUPP was refused (SUPP_REJECTED callbacks). Also plain strings on the wire. */
export const suppRejectionCodes = [
  "SUPP_LIMIT_EXCEEDED",
  "DATE_NOT_AVAILABLE",
  "NOT_ALLOWED_AFTER_FOC",
  "OTHER",
] as const;
export type SuppRejectionCode = (typeof suppRejectionCodes)[number];
