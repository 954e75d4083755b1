import {
  type DbOrTx,
  findCarrierAccountFormats,
  findCarriersBySpids,
  findLatestCarrierStats,
  findOrderCarriers,
} from "@portway/db";
import {
  describeFocExpectation,
  easternDate,
  likelyMovedBefore,
  predictCertainRejections,
  type RejectionRiskWarning,
  type RiskThresholds,
  requiredText,
  textInput,
  warnFromHistory,
} from "@portway/domain";
import { z } from "zod";
import { loadRuleContexts } from "../orders/rule-context";
import { STATS_PERIOD_DAYS } from "./carrier-stats";
import { readRiskThresholds } from "./config";

export const rejectionRiskInput = z.object({
  /** The orders a submission splits into: each one's losing carrier (SPID) and port type. */
  orders: z
    .array(
      z.object({
        carrierSpid: requiredText(16, "The carrier SPID"),
        portType: textInput(20, "The port type").optional(),
      }),
    )
    .max(100),
  accountNumber: textInput(200, "The account number", { trim: false }).nullish(),
  pin: textInput(200, "The PIN", { trim: false }).nullish(),
});
export type RejectionRiskInput = z.infer<typeof rejectionRiskInput>;

export interface CarrierExpectation {
  carrierSpid: string;
  carrierName: string;
  focSample: number;
  focMedianDays: number | null;
  focP90Days: number | null;
  message: string | null;
  /** FOC dates before this one (ET) are earlier than the carrier's median: likely to be moved. */
  likelyMovedBefore: string | null;
}

/**
 * The rejection-risk warnings of an order before it is submitted (warnings, never errors) and each losing
 * carrier's FOC expectation, from the statistics the worker keeps (one indexed read) and the carrier's rules.
 * The same function serves the wizard and the create APIs.
 */
export async function rejectionRiskWarnings(
  db: DbOrTx,
  input: { accountId: string; now: Date } & RejectionRiskInput,
  thresholds: RiskThresholds = readRiskThresholds(),
): Promise<{ warnings: RejectionRiskWarning[]; expectations: CarrierExpectation[] }> {
  const carriers = await findCarriersBySpids(db, [...new Set(input.orders.map((o) => o.carrierSpid))]);
  const ids = carriers.map((c) => c.id);
  const [stats, formats, contextOf] = await Promise.all([
    findLatestCarrierStats(db, ids),
    findCarrierAccountFormats(db, ids),
    loadRuleContexts(db, ids, input.now),
  ]);
  const warnings: RejectionRiskWarning[] = [];
  const expectations: CarrierExpectation[] = [];
  const today = easternDate(input.now.toISOString()) ?? input.now.toISOString().slice(0, 10);
  for (const carrier of carriers) {
    const lengths = formats.find((f) => f.carrierId === carrier.id)?.lengths ?? [];
    warnings.push(
      ...predictCertainRejections(
        { name: carrier.name, type: carrier.type, requiresPin: carrier.requiresPin, accountNumberLengths: lengths },
        { accountNumber: input.accountNumber ?? null, pin: input.pin ?? null },
      ),
    );
    const all = stats.find((s) => s.carrierId === carrier.id && s.portType === "ALL");
    if (all) {
      warnings.push(...warnFromHistory(carrier.name, { ...all, periodDays: STATS_PERIOD_DAYS }, thresholds));
    }
    const focSample = all?.focSample ?? 0;
    const focMedianDays = all?.focMedianDays ?? null;
    const focP90Days = all?.focP90Days ?? null;
    const focStats = { focSample, focMedianDays, focP90Days };
    expectations.push({
      carrierSpid: carrier.spid,
      carrierName: carrier.name,
      focSample,
      focMedianDays,
      focP90Days,
      message: describeFocExpectation(carrier.name, focStats, thresholds.minSample),
      likelyMovedBefore: likelyMovedBefore(today, focStats, thresholds.minSample, contextOf(carrier.id).calendar),
    });
  }
  return { warnings, expectations };
}

/**
 * The same warnings for orders just created (the create APIs answer them beside the orders): each order's losing
 * carrier and port type as stored, with the submission's account number and PIN.
 */
export async function createdOrdersRiskWarnings(
  db: DbOrTx,
  input: {
    accountId: string;
    now: Date;
    orderIds: readonly string[];
    accountNumber?: string | null;
    pin?: string | null;
  },
) {
  const orders = await findOrderCarriers(db, input.accountId, input.orderIds);
  return rejectionRiskWarnings(db, {
    accountId: input.accountId,
    now: input.now,
    orders: orders.map((o) => ({ carrierSpid: o.carrierSpid, portType: o.portType ?? "AUTOMATED" })),
    accountNumber: input.accountNumber ?? null,
    pin: input.pin ?? null,
  });
}
