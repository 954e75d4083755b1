import {
  addDays,
  earliestFocDate,
  easternDate,
  easternToInstant,
  isBusinessDay,
  latestFocDate,
  portingHolidays,
} from "@portway/domain";
import { type CreateOrderRequest, createOrderRequestSchema } from "@portway/partner";
import { describe, expect, it } from "vitest";
import { deriveAccountRecord } from "../src/behaviour/account-record";
import { decideFoc } from "../src/behaviour/review";

const base: CreateOrderRequest = {
  portType: "AUTOMATED",
  clientOrderId: "ord_foc",
  tns: ["2015557001", "2015557002"],
  btn: "2015557001",
  partialPort: false,
  replacementBtn: null,
  subscriber: { type: "BUSINESS", businessName: "Acme Plumbing" },
  accountNumber: "77312-0042",
  pin: "4821",
  serviceAddress: { houseNumber: "123", streetName: "Main St", unit: null, city: "Newark", state: "NJ", zip: "07102" },
  authorizingPerson: "John Smith",
  requestedFocAt: "2026-03-12T15:30:00.000Z",
  onDemandActivation: false,
  losingCarrier: { spid: "6214", name: "Verizon New Jersey", type: "WIRELINE" },
  callbackUrl: "http://127.0.0.1:9/callbacks",
};

function decide(requestedFocAt: string, issuedAt: string, strict = false) {
  const order = createOrderRequestSchema.parse({ ...base, requestedFocAt });
  return decideFoc(order, deriveAccountRecord(order), new Date(issuedAt), { strict });
}

const at = (date: string, time: string) => easternToInstant(date, time) ?? "";

/** Every date the domain offers from `now`: business days from the earliest to the latest FOC date. */
function offeredDates(now: string): string[] {
  const dates: string[] = [];
  for (let d = earliestFocDate({ portType: "AUTOMATED", now }); d <= latestFocDate(now); d = addDays(d, 1)) {
    if (isBusinessDay(d)) {
      dates.push(d);
    }
  }
  return dates;
}

describe("the simulator's FOC limits are the domain's calendar (issue 14, finding 20)", () => {
  // Before and across the change to daylight saving time, before Memorial Day, Independence Day and Thanksgiving.
  it.each([
    "2026-03-02T15:00:00.000Z",
    "2026-03-09T14:00:00.000Z",
    "2026-05-11T13:00:00.000Z",
    "2026-06-22T20:00:00.000Z",
    "2026-11-02T15:00:00.000Z",
  ])("from %s, accepts every date the domain offers, as requested, at both ends of the window", (now) => {
    const dates = offeredDates(now);
    expect(dates.at(-1)).toBe(latestFocDate(now));
    for (const date of dates) {
      for (const time of ["06:00", "21:59"]) {
        const requested = at(date, time);
        const decision = decide(requested, now);
        expect({ date, time, decision }).toEqual({
          date,
          time,
          decision: { ok: true, focAt: new Date(requested), moved: false },
        });
      }
    }
  });

  it("refuses the day after the latest FOC date", () => {
    const now = "2026-03-09T14:00:00.000Z";
    const decision = decide(at(addDays(latestFocDate(now), 1), "11:30"), now);
    expect(decision.ok).toBe(false);
  });

  it.each(portingHolidays(2026).filter((date) => date > "2026-01-10"))(
    "refuses the porting holiday %s, as the domain never offers it",
    (holiday) => {
      const now = at(addDays(holiday, -10), "10:00");
      const decision = decide(at(holiday, "11:30"), now);
      expect(decision.ok).toBe(false);
      expect(decision.ok ? "" : decision.rawText).toContain("NOT A BUSINESS DAY");
    },
  );

  it("moves a too-soon FOC to the next business day, past a holiday, and commits it there", () => {
    // Thursday 2 July 2026 at 21:30 ET asks for 22:00 the same day; Friday 3 July is Independence Day observed.
    const decision = decide(at("2026-07-02", "22:00"), at("2026-07-02", "21:30"));
    expect(decision.ok && decision.moved).toBe(true);
    const committed = decision.ok ? easternDate(decision.focAt.toISOString()) : null;
    expect(committed).toBe("2026-07-06");
  });
});
