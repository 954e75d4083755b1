/** Canonical rejection reasons (SPEC 9) and what each asks of whom. */
export const REJECTION_REASONS = [
  "ADDRESS_MISMATCH",
  "NAME_MISMATCH",
  "ACCOUNT_NUMBER",
  "PIN",
  "BTN",
  "PENDING_ORDER",
  "FREEZE",
  "NOT_PORTABLE",
  "FOC_DATE_REFUSED",
  "LOA_PROBLEM",
  "OTHER",
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

/** Who must act: the customer (fix the order), the end user (with the losing carrier) or the porting team. */
export type RejectionActor = "CUSTOMER" | "END_USER" | "PORTING_TEAM";

export interface RejectionPlaybook {
  reason: RejectionReason;
  title: string;
  explanation: string;
  actor: RejectionActor;
  /** Field names of the order schema the fix form shows. */
  fieldsToFix: readonly string[];
}

const ADDRESS_FIELDS = [
  "serviceAddress.houseNumber",
  "serviceAddress.street",
  "serviceAddress.unit",
  "serviceAddress.city",
  "serviceAddress.state",
  "serviceAddress.zip",
] as const;

export const REJECTION_PLAYBOOKS: Readonly<Record<RejectionReason, RejectionPlaybook>> = {
  ADDRESS_MISMATCH: {
    reason: "ADDRESS_MISMATCH",
    title: "Service address does not match",
    explanation:
      "The losing carrier has a different service address on file (where the service is installed, which can differ from the billing address). Copy it exactly from the CSR or a recent bill.",
    actor: "CUSTOMER",
    fieldsToFix: ADDRESS_FIELDS,
  },
  NAME_MISMATCH: {
    reason: "NAME_MISMATCH",
    title: "Name does not match",
    explanation:
      "The end-user or authorizing name differs from the losing carrier's record. Names must match exactly, including suffixes such as LLC. The name is fixed on the LOA; ask the porting team if it must change.",
    actor: "PORTING_TEAM",
    fieldsToFix: [],
  },
  ACCOUNT_NUMBER: {
    reason: "ACCOUNT_NUMBER",
    title: "Account number is missing or wrong",
    explanation: "The losing carrier could not match the account number. Take it from a recent bill of that carrier.",
    actor: "CUSTOMER",
    fieldsToFix: ["accountNumber", "pin"],
  },
  PIN: {
    reason: "PIN",
    title: "PIN is missing or wrong",
    explanation:
      "The losing carrier needs the account PIN or passcode (wireless carriers always do). The end user can get or reset it with that carrier.",
    actor: "CUSTOMER",
    fieldsToFix: ["accountNumber", "pin"],
  },
  BTN: {
    reason: "BTN",
    title: "Billing telephone number problem",
    explanation:
      "The BTN does not match the account, or a partial port moves the BTN without naming a replacement BTN for the numbers that stay.",
    actor: "CUSTOMER",
    fieldsToFix: ["btn", "partialPort", "replacementBtn", "tns"],
  },
  PENDING_ORDER: {
    reason: "PENDING_ORDER",
    title: "Another order is pending at the losing carrier",
    explanation:
      "The account has an open order at the losing carrier (a change, a disconnect or another port). Only the end user can clear it with that carrier; then resubmit.",
    actor: "END_USER",
    fieldsToFix: [],
  },
  FREEZE: {
    reason: "FREEZE",
    title: "The account is frozen",
    explanation:
      "The end user has a local-service freeze on the account. The end user must ask the losing carrier to lift it; then resubmit.",
    actor: "END_USER",
    fieldsToFix: [],
  },
  NOT_PORTABLE: {
    reason: "NOT_PORTABLE",
    title: "Some numbers cannot be ported",
    explanation:
      "The losing carrier reports numbers that are not active or not portable. Remove them from the order or ask the porting team.",
    actor: "CUSTOMER",
    fieldsToFix: ["tns"],
  },
  FOC_DATE_REFUSED: {
    reason: "FOC_DATE_REFUSED",
    title: "Requested date refused",
    explanation: "The losing carrier cannot port on the requested date. Pick a later business day.",
    actor: "CUSTOMER",
    fieldsToFix: ["requestedFoc"],
  },
  LOA_PROBLEM: {
    reason: "LOA_PROBLEM",
    title: "Problem with the LOA",
    explanation:
      "The letter of authorization is illegible, expired, unsigned, missing numbers, or a newer authorization exists. Upload a new LOA signed by the authorized person.",
    actor: "CUSTOMER",
    fieldsToFix: ["documents"],
  },
  OTHER: {
    reason: "OTHER",
    title: "Rejected by the losing carrier",
    explanation: "The porting team will review the carrier's message and tell you what to do.",
    actor: "PORTING_TEAM",
    fieldsToFix: [],
  },
};
