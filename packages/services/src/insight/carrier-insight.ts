import { type DbOrTx, findCarriersBySpids, findLatestCarrierStats, listCarrierWeeklyStats } from "@portway/db";
import { FIELD_RISK_REASONS, type FieldRiskReason, requiredText } from "@portway/domain";
import { z } from "zod";
import { notFound } from "../errors";
import { STATS_PERIOD_DAYS } from "./carrier-stats";
import { readRiskThresholds } from "./config";

export const carrierInsightInput = z.object({ spid: requiredText(16, "The carrier SPID") });

function figures(row: {
  ordersSubmitted: number;
  rejectedOrdersByReason: Record<string, number>;
  firstTimeRight: number;
  focSample: number;
  focMedianDays: number | null;
  focP90Days: number | null;
  focOnRequestedDate: number;
  completeSample: number;
  completeMedianDays: number | null;
  completeP90Days: number | null;
}) {
  const share = (n: number, of: number) => (of > 0 ? n / of : null);
  return {
    ordersSubmitted: row.ordersSubmitted,
    rejectionRates: Object.entries(row.rejectedOrdersByReason)
      .map(([reason, orders]) => ({
        reason,
        field: FIELD_RISK_REASONS[reason as FieldRiskReason]?.field ?? null,
        orders,
        rate: share(orders, row.ordersSubmitted) ?? 0,
      }))
      .sort((a, b) => b.orders - a.orders || a.reason.localeCompare(b.reason)),
    firstTimeRightRate: share(row.firstTimeRight, row.ordersSubmitted),
    focSample: row.focSample,
    focMedianDays: row.focMedianDays,
    focP90Days: row.focP90Days,
    focOnRequestedRate: share(row.focOnRequestedDate, row.focSample),
    completeSample: row.completeSample,
    completeMedianDays: row.completeMedianDays,
    completeP90Days: row.completeP90Days,
  };
}

/**
 * One losing carrier's figures for the porting team: the rolling 90 days per port type (and all), and the weekly
 * trend of every port type together, oldest week first. Read from what the worker's statistics job stored.
 */
export async function getCarrierInsight(db: DbOrTx, input: z.infer<typeof carrierInsightInput>) {
  const [carrier] = await findCarriersBySpids(db, [input.spid]);
  if (!carrier) {
    throw notFound("The carrier");
  }
  const [rolling, weekly] = await Promise.all([
    findLatestCarrierStats(db, [carrier.id]),
    listCarrierWeeklyStats(db, carrier.id),
  ]);
  const all = rolling.find((r) => r.portType === "ALL") ?? null;
  return {
    carrier: { id: carrier.id, spid: carrier.spid, name: carrier.name, type: carrier.type },
    periodDays: STATS_PERIOD_DAYS,
    minSample: readRiskThresholds().minSample,
    computedAt: all?.computedAt ?? null,
    periodFrom: all?.periodFrom ?? null,
    periodTo: all?.periodTo ?? null,
    all: all ? figures(all) : null,
    byPortType: rolling
      .filter((r) => r.portType !== "ALL")
      .sort((a, b) => a.portType.localeCompare(b.portType))
      .map((r) => ({ portType: r.portType, ...figures(r) })),
    weeks: weekly
      .filter((r) => r.portType === "ALL")
      .map((r) => ({ weekFrom: r.periodFrom, weekTo: r.periodTo, ...figures(r) })),
  };
}
