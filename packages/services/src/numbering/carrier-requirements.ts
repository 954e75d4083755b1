import { type CarrierRules, validateSubmission } from "@portway/domain";

export interface CarrierRequirements {
  accountNumber: boolean;
  pin: boolean;
}

// The submission check needs an instant; with no LOA and no requested FOC it does not depend on it.
const PROBE_NOW = "2000-01-03T12:00:00Z";

/**
 * Whether an order against this losing carrier needs the LSP account number and PIN. The rule (SPEC 5: wireless
 * carriers need both; others when their rules say so) lives in the domain's submission check; this asks it with an
 * empty draft instead of restating it here.
 */
export function findCarrierRequirements(carrier: CarrierRules): CarrierRequirements {
  const check = validateSubmission({}, { now: PROBE_NOW, onNet: true, carrier });
  const codes = new Set(check.ok ? [] : check.errors.map((error) => error.code));
  return { accountNumber: codes.has("ACCOUNT_NUMBER_REQUIRED"), pin: codes.has("PIN_REQUIRED") };
}
