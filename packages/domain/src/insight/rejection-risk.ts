import type { RejectionReason } from "../rejections/rejection-reasons";
import { type BusinessCalendar, isBusinessDay } from "../schedule/business-days";
import { addDays } from "../schedule/civil-date";

/** Rejection reasons that an order field can cause, with the field the customer fills and its advice. */
export const FIELD_RISK_REASONS = {
  ADDRESS_MISMATCH: {
    field: "serviceAddress",
    label: "a service address that does not match its records",
    advice: "copy the address from the customer's bill or the CSR",
  },
  NAME_MISMATCH: {
    field: "endUserName",
    label: "a name that does not match its records",
    advice: "use the name exactly as it appears on the bill, suffixes such as LLC included",
  },
  ACCOUNT_NUMBER: {
    field: "accountNumber",
    label: "a missing or wrong account number",
    advice: "take the account number from a recent bill of that carrier",
  },
  PIN: { field: "pin", label: "a missing or wrong PIN", advice: "ask the end user for the account PIN or passcode" },
  BTN: {
    field: "btn",
    label: "a billing telephone number problem",
    advice: "check the BTN against the bill and name a replacement BTN on a partial port",
  },
} as const satisfies Partial<Record<RejectionReason, { field: string; label: string; advice: string }>>;
export type FieldRiskReason = keyof typeof FIELD_RISK_REASONS;

/** A warning before submission: never an error, the customer may still submit. */
export interface RejectionRiskWarning {
  field: string;
  reason: RejectionReason;
  /** HISTORY: from our rejection statistics; RULE: the carrier's data predicts the rejection with certainty. */
  source: "HISTORY" | "RULE";
  carrierName: string;
  /** Share of the sample rejected for this reason (0 to 1); null for a rule. */
  rate: number | null;
  sample: number | null;
  message: string;
}

export interface RiskCarrier {
  name: string;
  type: "WIRELINE" | "WIRELESS" | "VOIP";
  requiresPin: boolean;
  /** Account number lengths the carrier uses, where its format is known; empty when unknown. */
  accountNumberLengths: readonly number[];
}

export interface RiskThresholds {
  /** Nothing is shown for a carrier with fewer submitted orders than this. */
  minSample: number;
  /** A reason is shown when at least this percentage of the sample was rejected for it. */
  thresholdPercent: number;
}

export const DEFAULT_RISK_THRESHOLDS: Readonly<RiskThresholds> = { minSample: 20, thresholdPercent: 20 };

/** Rules that predict a rejection with certainty from the carrier's data. */
export function predictCertainRejections(
  carrier: RiskCarrier,
  order: { accountNumber?: string | null; pin?: string | null },
): RejectionRiskWarning[] {
  const warnings: RejectionRiskWarning[] = [];
  const pin = order.pin?.trim() ?? "";
  if ((carrier.type === "WIRELESS" || carrier.requiresPin) && pin === "") {
    warnings.push({
      field: "pin",
      reason: "PIN",
      source: "RULE",
      carrierName: carrier.name,
      rate: null,
      sample: null,
      message: `${carrier.name} rejects every ${carrier.type === "WIRELESS" ? "wireless " : ""}port without the account PIN: ask the end user for it`,
    });
  }
  const account = order.accountNumber?.replace(/[\s-]/g, "") ?? "";
  const lengths = carrier.accountNumberLengths;
  if (account !== "" && lengths.length > 0 && !lengths.includes(account.length)) {
    warnings.push({
      field: "accountNumber",
      reason: "ACCOUNT_NUMBER",
      source: "RULE",
      carrierName: carrier.name,
      rate: null,
      sample: null,
      message: `${carrier.name} account numbers have ${lengths.join(" or ")} characters; this one has ${account.length}: take it from a recent bill`,
    });
  }
  return warnings;
}

/** Warnings from the carrier's rejection history: a reason at or above the threshold, over a large enough sample. */
export function warnFromHistory(
  carrierName: string,
  stats: { ordersSubmitted: number; periodDays: number; rejectedOrdersByReason: Readonly<Record<string, number>> },
  thresholds: RiskThresholds,
): RejectionRiskWarning[] {
  if (stats.ordersSubmitted < thresholds.minSample || stats.ordersSubmitted === 0) {
    return [];
  }
  const warnings: RejectionRiskWarning[] = [];
  for (const [reason, meta] of Object.entries(FIELD_RISK_REASONS) as [
    FieldRiskReason,
    (typeof FIELD_RISK_REASONS)[FieldRiskReason],
  ][]) {
    const rejected = stats.rejectedOrdersByReason[reason] ?? 0;
    const rate = rejected / stats.ordersSubmitted;
    if (rejected > 0 && rate * 100 >= thresholds.thresholdPercent) {
      warnings.push({
        field: meta.field,
        reason,
        source: "HISTORY",
        carrierName,
        rate,
        sample: stats.ordersSubmitted,
        message: `${carrierName} rejected ${Math.round(rate * 100)}% of ${stats.ordersSubmitted} orders in the last ${stats.periodDays} days for ${meta.label}: ${meta.advice}`,
      });
    }
  }
  return warnings;
}

/** Business days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function countBusinessDays(from: string, to: string, calendar?: BusinessCalendar): number {
  let count = 0;
  let current = from;
  while (current < to) {
    current = addDays(current, 1);
    if (isBusinessDay(current, calendar)) {
      count++;
    }
  }
  return count;
}

/** The nearest-rank percentile (0 < p <= 100) of values given with their counts; null without values. */
export function weightedPercentile(values: readonly { value: number; count: number }[], p: number): number | null {
  const total = values.reduce((sum, v) => sum + v.count, 0);
  if (total === 0) {
    return null;
  }
  const rank = Math.max(1, Math.ceil((p / 100) * total));
  const sorted = [...values].sort((a, b) => a.value - b.value);
  let seen = 0;
  for (const v of sorted) {
    seen += v.count;
    if (seen >= rank) {
      return v.value;
    }
  }
  return sorted[sorted.length - 1]?.value ?? null;
}

/** "Great Lakes Bell usually commits FOC in 4 business days (median of 212 orders; 9 at the 90th percentile)". */
export function describeFocExpectation(
  carrierName: string,
  stats: { focSample: number; focMedianDays: number | null; focP90Days: number | null },
  minSample: number,
): string | null {
  if (stats.focSample < minSample || stats.focMedianDays === null || stats.focP90Days === null) {
    return null;
  }
  return `${carrierName} usually commits FOC in ${stats.focMedianDays} business days (median of ${stats.focSample} orders; ${stats.focP90Days} at the 90th percentile)`;
}

/**
 * The first FOC date the carrier usually meets: its median business days after today (ET). Dates before it are
 * likely to be moved by the losing carrier; null below the minimum sample or without a median.
 */
export function likelyMovedBefore(
  today: string,
  stats: { focSample: number; focMedianDays: number | null },
  minSample: number,
  calendar?: BusinessCalendar,
): string | null {
  if (stats.focSample < minSample || stats.focMedianDays === null || stats.focMedianDays <= 0) {
    return null;
  }
  let date = today;
  let counted = 0;
  while (counted < Math.ceil(stats.focMedianDays)) {
    date = addDays(date, 1);
    if (isBusinessDay(date, calendar)) {
      counted++;
    }
  }
  return date;
}
