import { describe, expect, it } from "vitest";
import {
  countBusinessDays,
  DEFAULT_RISK_THRESHOLDS,
  describeFocExpectation,
  predictCertainRejections,
  warnFromHistory,
  weightedPercentile,
} from "../src/insight/rejection-risk";

const wireless = { name: "Cascade Mobile", type: "WIRELESS" as const, requiresPin: false, accountNumberLengths: [] };

describe("rejection risk", () => {
  it("predicts a PIN rejection for a wireless port without a PIN, not with one", () => {
    expect(predictCertainRejections(wireless, { pin: " " }).map((w) => w.reason)).toEqual(["PIN"]);
    expect(predictCertainRejections(wireless, { pin: "1234" })).toEqual([]);
  });

  it("predicts an account number rejection only for a carrier whose format is known", () => {
    const known = {
      name: "Atlantic Telephone",
      type: "WIRELINE" as const,
      requiresPin: false,
      accountNumberLengths: [10],
    };
    expect(predictCertainRejections(known, { accountNumber: "12345" })[0]?.field).toBe("accountNumber");
    expect(predictCertainRejections(known, { accountNumber: "123-456-7890" })).toEqual([]);
    expect(predictCertainRejections({ ...known, accountNumberLengths: [] }, { accountNumber: "12345" })).toEqual([]);
  });

  it("warns at the threshold and not below it, and never under the minimum sample", () => {
    const stats = (submitted: number, address: number) => ({
      ordersSubmitted: submitted,
      periodDays: 90,
      rejectedOrdersByReason: { ADDRESS_MISMATCH: address },
    });
    const above = warnFromHistory("Atlantic Telephone", stats(140, 31), DEFAULT_RISK_THRESHOLDS);
    expect(above).toHaveLength(1);
    expect(above[0]?.message).toBe(
      "Atlantic Telephone rejected 22% of 140 orders in the last 90 days for a service address that does not match its records: copy the address from the customer's bill or the CSR",
    );
    expect(warnFromHistory("Atlantic Telephone", stats(140, 27), DEFAULT_RISK_THRESHOLDS)).toEqual([]);
    expect(warnFromHistory("Atlantic Telephone", stats(19, 19), DEFAULT_RISK_THRESHOLDS)).toEqual([]);
    expect(warnFromHistory("Atlantic Telephone", stats(140, 14), { minSample: 20, thresholdPercent: 10 })).toHaveLength(
      1,
    );
  });

  it("counts business days with the porting holidays and takes nearest-rank percentiles", () => {
    expect(countBusinessDays("2026-12-24", "2026-12-28")).toBe(1);
    expect(countBusinessDays("2026-12-21", "2026-12-21")).toBe(0);
    const values = [
      { value: 3, count: 5 },
      { value: 1, count: 4 },
      { value: 9, count: 1 },
    ];
    expect(weightedPercentile(values, 50)).toBe(3);
    expect(weightedPercentile(values, 90)).toBe(3);
    expect(weightedPercentile(values, 100)).toBe(9);
    expect(weightedPercentile([], 50)).toBeNull();
    expect(describeFocExpectation("Great Lakes Bell", { focSample: 212, focMedianDays: 4, focP90Days: 9 }, 20)).toBe(
      "Great Lakes Bell usually commits FOC in 4 business days (median of 212 orders; 9 at the 90th percentile)",
    );
    expect(
      describeFocExpectation("Great Lakes Bell", { focSample: 5, focMedianDays: 4, focP90Days: 9 }, 20),
    ).toBeNull();
  });
});
