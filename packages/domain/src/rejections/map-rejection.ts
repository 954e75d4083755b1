import type { RejectionInput } from "../lifecycle/order";
import { REJECTION_PLAYBOOKS, type RejectionActor, type RejectionReason } from "./rejection-reasons";

/**
 * The codes the porting partner (and the LSPs behind it) documents for a rejection, as its callbacks carry them:
 * the one list the partner client and the carrier simulator use. Each has its canonical reason below; the
 * partner's catch-all `OTHER` is the only one filed under OTHER. Callbacks keep the code a plain string, so a code
 * the partner adds later still parses (and files under OTHER until it is mapped here).
 */
export const PARTNER_REJECTION_CODES = [
  "SERVICE_ADDRESS_MISMATCH",
  "ZIP_MISMATCH",
  "END_USER_NAME_MISMATCH",
  "ACCOUNT_NUMBER_MISMATCH",
  "ACCOUNT_NUMBER_REQUIRED",
  "PIN_INVALID",
  "PIN_REQUIRED",
  "BTN_MISMATCH",
  "REPLACEMENT_BTN_REQUIRED",
  "PENDING_ORDER",
  "LSP_FREEZE",
  "TN_NOT_PORTABLE",
  "FOC_DATE_REFUSED",
  "LOA_INVALID",
  "OTHER",
] as const;
export type PartnerRejectionCode = (typeof PARTNER_REJECTION_CODES)[number];

/**
 * Partner and LSP rejection codes (after normalisation: upper case, separators as `_`) and their canonical reason.
 * Codes follow the industry lists in reference/lnp-rules.md (REJ-3); anything else is OTHER with the raw text kept.
 */
export const REJECTION_CODE_MAP: Readonly<Record<string, RejectionReason>> = {
  SERVICE_ADDRESS_MISMATCH: "ADDRESS_MISMATCH",
  ADDRESS_MISMATCH: "ADDRESS_MISMATCH",
  ZIP_MISMATCH: "ADDRESS_MISMATCH",
  INVALID_ADDRESS: "ADDRESS_MISMATCH",
  AUTH_NAME_MISMATCH: "NAME_MISMATCH",
  BUSINESS_NAME_MISMATCH: "NAME_MISMATCH",
  END_USER_NAME_MISMATCH: "NAME_MISMATCH",
  NAME_MISMATCH: "NAME_MISMATCH",
  INVALID_AUTHORIZED_NAME: "NAME_MISMATCH",
  ACCOUNT_NUMBER_MISMATCH: "ACCOUNT_NUMBER",
  ACCOUNT_NUMBER_REQUIRED: "ACCOUNT_NUMBER",
  INVALID_ACCOUNT_NUMBER: "ACCOUNT_NUMBER",
  DIFFERENT_ACCOUNTS: "ACCOUNT_NUMBER",
  PIN_REQUIRED: "PIN",
  PIN_INVALID: "PIN",
  PIN_MISMATCH: "PIN",
  PASSCODE_INVALID: "PIN",
  BTN_ATN_MISMATCH: "BTN",
  BTN_MISMATCH: "BTN",
  PARTIAL_PORT: "BTN",
  NEW_BTN_REQUIRED: "BTN",
  REPLACEMENT_BTN_REQUIRED: "BTN",
  PENDING_ORDER: "PENDING_ORDER",
  PENDING_ORDER_AT_LSP: "PENDING_ORDER",
  LSP_FREEZE: "FREEZE",
  ACCOUNT_FROZEN: "FREEZE",
  FREEZE: "FREEZE",
  NOT_PORTABLE: "NOT_PORTABLE",
  TN_NOT_PORTABLE: "NOT_PORTABLE",
  TN_NOT_ACTIVE: "NOT_PORTABLE",
  TN_DISCONNECTED: "NOT_PORTABLE",
  DIFFERENT_RATE_CENTERS: "NOT_PORTABLE",
  STRANDED_SERVICE: "NOT_PORTABLE",
  FOC_REJECTED: "FOC_DATE_REFUSED",
  FOC_DATE_REFUSED: "FOC_DATE_REFUSED",
  DUE_DATE_INVALID: "FOC_DATE_REFUSED",
  ILLEGIBLE_LOA: "LOA_PROBLEM",
  LOA_EXPIRED: "LOA_PROBLEM",
  LOA_MISSING: "LOA_PROBLEM",
  LOA_INVALID: "LOA_PROBLEM",
  MORE_RECENT_AUTHORIZATION: "LOA_PROBLEM",
};

/** A rejection as the order carries it: the partner's code and text, kept raw, plus the playbook. */
export interface Rejection {
  code: string;
  rawText: string;
  reason: RejectionReason;
  title: string;
  explanation: string;
  actor: RejectionActor;
  fieldsToFix: readonly string[];
  /** The TNs the rejection names (TN_NOT_PORTABLE), E.164; absent when it names none. */
  tns?: readonly string[];
}

const toE164 = (tn: string) => (/^\d{10}$/.test(tn) ? `+1${tn}` : tn);

export function normalizeRejectionCode(code: string): string {
  return code
    .trim()
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

export function reasonOfRejectionCode(code: string): RejectionReason {
  return REJECTION_CODE_MAP[normalizeRejectionCode(code)] ?? "OTHER";
}

/** Maps a partner or LSP rejection to its canonical reason; unknown codes are OTHER, the raw text is kept. */
export function mapRejection(input: RejectionInput): Rejection {
  const playbook = REJECTION_PLAYBOOKS[reasonOfRejectionCode(input.code)];
  return {
    ...(input.tns !== undefined && input.tns.length > 0 ? { tns: input.tns.map(toE164) } : {}),
    code: input.code,
    rawText: input.text ?? "",
    reason: playbook.reason,
    title: playbook.title,
    explanation: playbook.explanation,
    actor: playbook.actor,
    fieldsToFix: playbook.fieldsToFix,
  };
}

/** Several rejections at once; the union of their fields is what the fix form shows. */
export function mapRejections(inputs: readonly RejectionInput[]): {
  rejections: Rejection[];
  fieldsToFix: string[];
} {
  const rejections = inputs.map(mapRejection);
  const fields = new Set<string>();
  for (const rejection of rejections) {
    for (const field of rejection.fieldsToFix) {
      fields.add(field);
    }
  }
  return { rejections, fieldsToFix: [...fields] };
}
