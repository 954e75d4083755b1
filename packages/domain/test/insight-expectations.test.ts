import { describe, expect, it } from "vitest";
import { likelyMovedBefore } from "../src/insight/rejection-risk";
import { buildBusinessCalendar } from "../src/schedule/business-days";

describe("FOC dates likely to be moved", () => {
  it("counts the carrier's median in business days from today, skipping weekends and porting holidays", () => {
    // Thursday 2026-12-17 + 4 business days: Fri 18, Mon 21, Tue 22, Wed 23.
    expect(likelyMovedBefore("2026-12-17", { focSample: 212, focMedianDays: 4 }, 20)).toBe("2026-12-23");
    // Over Christmas: Wed 23, Thu 24, (Fri 25 holiday), Mon 28.
    const calendar = buildBusinessCalendar([2026]);
    expect(likelyMovedBefore("2026-12-22", { focSample: 50, focMedianDays: 3 }, 20, calendar)).toBe("2026-12-28");
  });

  it("rounds a fractional median up", () => {
    expect(likelyMovedBefore("2026-12-14", { focSample: 30, focMedianDays: 2.5 }, 20)).toBe("2026-12-17");
  });

  it("marks nothing below the minimum sample, without a median or with a median of zero", () => {
    expect(likelyMovedBefore("2026-12-14", { focSample: 19, focMedianDays: 4 }, 20)).toBeNull();
    expect(likelyMovedBefore("2026-12-14", { focSample: 40, focMedianDays: null }, 20)).toBeNull();
    expect(likelyMovedBefore("2026-12-14", { focSample: 40, focMedianDays: 0 }, 20)).toBeNull();
  });
});
