import { type CarrierType, carrierRequirements } from "@portway/domain";

export interface CarrierRequirements {
  accountNumber: boolean;
  pin: boolean;
}

/**
 * Whether an order against this losing carrier needs the LSP account number and PIN. The rule (SPEC 5: wireless
 * carriers need both; others when their rules say so) lives in the domain, with the submission check that applies it.
 */
export function findCarrierRequirements(carrier: {
  type: CarrierType;
  requiresAccountNumber?: boolean;
  requiresPin?: boolean;
  minBusinessDays?: number;
}): CarrierRequirements {
  return carrierRequirements(carrier);
}
