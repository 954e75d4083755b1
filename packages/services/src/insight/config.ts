import { DEFAULT_RISK_THRESHOLDS, type RiskThresholds } from "@portway/domain";
import { z } from "zod";

const insightEnv = z.object({
  INSIGHT_MIN_SAMPLE: z.coerce.number().int().min(1).default(DEFAULT_RISK_THRESHOLDS.minSample),
  INSIGHT_WARNING_PERCENT: z.coerce.number().min(0).max(100).default(DEFAULT_RISK_THRESHOLDS.thresholdPercent),
});

/** The warning thresholds: INSIGHT_MIN_SAMPLE orders (default 20) and INSIGHT_WARNING_PERCENT (default 20). */
export function readRiskThresholds(env: Record<string, string | undefined> = process.env): RiskThresholds {
  const parsed = insightEnv.parse(env);
  return { minSample: parsed.INSIGHT_MIN_SAMPLE, thresholdPercent: parsed.INSIGHT_WARNING_PERCENT };
}
