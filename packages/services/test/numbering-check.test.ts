import { customerAccounts, type DbHandle, holidays, portOrders, portOrderTns } from "@portway/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ServiceError } from "../src/errors";
import { type CheckedNumber, checkNumbers, sampleTns, seedNumberingData } from "../src/numbering/index";
import { createNumberingDatabase } from "./numbering-helpers";

let handle: DbHandle;
let accountA: string;
let accountB: string;
let orderOfA: string;
let orderOfB: string;

// Tuesday 24 November 2026, 10:00 ET: Thanksgiving (26th) is a porting holiday, Bluewave Mobile also stops on the 27th.
const now = new Date("2026-11-24T15:00:00Z");
const inOtherAccount = "+13122864100";
const inOwnOrder = "+13122864101";
const inactive = "+13122864102";

beforeAll(async () => {
  handle = await createNumberingDatabase("check");
  await seedNumberingData(handle.db);
  const accounts = await handle.db
    .insert(customerAccounts)
    .values([
      { name: "Check A", slug: "numbering-check-a" },
      { name: "Check B", slug: "numbering-check-b" },
    ])
    .returning();
  accountA = accounts[0]?.id ?? "";
  accountB = accounts[1]?.id ?? "";
  const orders = await handle.db
    .insert(portOrders)
    .values([
      { accountId: accountA, customerReference: "A-1", status: "SUBMITTED" },
      { accountId: accountB, customerReference: "B-1", status: "FOC" },
      { accountId: accountA, customerReference: "A-OLD", status: "CANCELLED" },
    ])
    .returning();
  orderOfA = orders[0]?.id ?? "";
  orderOfB = orders[1]?.id ?? "";
  await handle.db.insert(portOrderTns).values([
    { orderId: orderOfA, accountId: accountA, tn: inOwnOrder },
    { orderId: orderOfB, accountId: accountB, tn: inOtherAccount },
    { orderId: orders[2]?.id ?? "", accountId: accountA, tn: inactive, active: false },
  ]);
});
afterAll(async () => {
  await handle.close();
});

async function checkOne(input: string, at = now): Promise<CheckedNumber> {
  const result = await checkNumbers(handle.db, { input, accountId: accountA, now: at });
  const first = result.numbers[0];
  if (first === undefined || result.numbers.length !== 1) {
    throw new Error(`expected one answer for ${input}, got ${result.numbers.length}`);
  }
  return first;
}

describe("checkNumbers: one answer per number", () => {
  it.each([
    ["2125550150", "FICTIONAL_555_01XX"],
    ["312-286-40a0", "LETTERS"],
    ["+44 20 7946 0958", "NON_NANP_COUNTRY_CODE"],
    ["312286400", "INVALID_LENGTH"],
    ["3129114000", "NXX_N11"],
  ])("refuses %s as invalid with %s", async (input, code) => {
    const answer = await checkOne(input);
    expect(answer).toMatchObject({ valid: false, portable: false, tn: null, input });
    expect(answer.invalidReason?.code).toBe(code);
    expect(answer.invalidReason?.message.length).toBeGreaterThan(10);
  });

  it("recognises a toll-free number and refuses it with the RespOrg reason", async () => {
    const answer = await checkOne("1 (800) 234-5678");
    expect(answer).toMatchObject({ valid: true, portable: false, tn: sampleTns.tollFree });
    expect(answer.notPortableReason?.code).toBe("TOLL_FREE");
    expect(answer.notPortableReason?.message).toContain("RespOrg");
  });

  it("refuses a number outside the numbering plan and one in a rate center nobody serves", async () => {
    expect((await checkOne(sampleTns.notInPlan)).notPortableReason?.code).toBe("NOT_IN_PLAN");
    const uncovered = await checkOne(sampleTns.uncovered);
    expect(uncovered).toMatchObject({ valid: true, portable: false, onNet: null, earliestFocDate: null });
    expect(uncovered.notPortableReason?.code).toBe("NO_COVERAGE");
    expect(uncovered.rateCenter).toMatchObject({ name: "Anchorage", state: "AK", timeZone: "America/Anchorage" });
  });

  it("answers an on-net number with carrier, rate center and the earliest FOC around Thanksgiving", async () => {
    const answer = await checkOne("(312) 286-4000");
    expect(answer).toMatchObject({
      tn: sampleTns.onNet,
      valid: true,
      portable: true,
      notPortableReason: null,
      onNet: true,
      carrier: { name: "Great Lakes Bell", spid: "9201", type: "WIRELINE" },
      rateCenter: { name: "Chicago", state: "IL", lata: "358", timeZone: "America/Chicago" },
      requiresAccountNumber: false,
      requiresPin: false,
      portType: "ON_NET",
      // ON_NET: 2 business days after Tue 24th, Thanksgiving skipped: Wed 25th, Fri 27th.
      earliestFocDate: "2026-11-27",
    });
  });

  it("prefers on-net where both we and the partner serve the rate center", async () => {
    expect(await checkOne(sampleTns.onNetAndPartner)).toMatchObject({ onNet: true, portType: "ON_NET" });
  });

  it("answers an off-net number as AUTOMATED through the partner, 3 business days out", async () => {
    expect(await checkOne(sampleTns.offNet)).toMatchObject({
      portable: true,
      onNet: false,
      portType: "AUTOMATED",
      carrier: { spid: "9202", type: "WIRELINE" },
      requiresAccountNumber: true,
      requiresPin: false,
      earliestFocDate: "2026-11-30",
    });
  });

  it("says a wireless losing carrier needs account number and PIN", async () => {
    expect(await checkOne(sampleTns.wirelessPin)).toMatchObject({
      portable: true,
      carrier: { name: "Summit Wireless", type: "WIRELESS" },
      requiresAccountNumber: true,
      requiresPin: true,
    });
  });

  it("pushes the earliest FOC out for a carrier with a longer minimum interval", async () => {
    // 5 business days: 25th, 27th, 30th, 1st, 2nd (the partner's 3 alone would give the 30th).
    expect((await checkOne(sampleTns.longInterval)).earliestFocDate).toBe("2026-12-02");
    expect(await checkOne(sampleTns.wirelessLongInterval)).toMatchObject({
      portType: "ON_NET",
      earliestFocDate: "2026-12-02",
    });
  });

  it("respects the losing carrier's own holiday", async () => {
    // Bluewave Mobile does not port on the day after Thanksgiving: 25th, then Monday 30th.
    expect(await checkOne(sampleTns.carrierHoliday)).toMatchObject({
      onNet: true,
      carrier: { name: "Bluewave Mobile", type: "WIRELESS" },
      earliestFocDate: "2026-11-30",
    });
  });

  it("respects a company-wide holiday from the holidays table", async () => {
    const march = new Date("2027-03-02T15:00:00Z");
    expect((await checkOne(sampleTns.onNet, march)).earliestFocDate).toBe("2027-03-04");
    await handle.db.insert(holidays).values({ date: "2027-03-03", name: "Company offsite" });
    expect((await checkOne(sampleTns.onNet, march)).earliestFocDate).toBe("2027-03-05");
  });

  it("refuses numbers in active orders, not saying whose when it is another account's", async () => {
    const result = await checkNumbers(handle.db, {
      input: [inOtherAccount, inOwnOrder, inactive].join("\n"),
      accountId: accountA,
      now,
    });
    const [other, own, free] = result.numbers;
    expect(other).toMatchObject({ portable: false, activeOrderId: null });
    expect(other?.notPortableReason?.code).toBe("IN_ACTIVE_ORDER_OTHER_ACCOUNT");
    expect(own).toMatchObject({ portable: false, activeOrderId: orderOfA });
    expect(own?.notPortableReason?.code).toBe("IN_ACTIVE_ORDER_SAME_ACCOUNT");
    expect(free).toMatchObject({ portable: true, tn: inactive });
    const text = JSON.stringify(result);
    expect(text).not.toContain(accountB);
    expect(text).not.toContain(orderOfB);
    expect(text).not.toContain("Check B");
  });

  it("keeps warnings (duplicates) apart from answers", async () => {
    const result = await checkNumbers(handle.db, {
      input: `${sampleTns.onNet}, 312.286.4000`,
      accountId: accountA,
      now,
    });
    expect(result.numbers).toHaveLength(1);
    expect(result.warnings.map((w) => w.code)).toEqual(["DUPLICATE"]);
  });
});

describe("checkNumbers: grouping and size", () => {
  it("proposes one order per carrier and network with its port type and earliest FOC", async () => {
    const input = ["3122864000-4002", "6172531000-1001", sampleTns.wirelessPin, sampleTns.uncovered, "abc"].join("\n");
    const result = await checkNumbers(handle.db, { input, accountId: accountA, now });
    expect(result.summary).toEqual({
      entered: 8,
      valid: 7,
      invalid: 1,
      portable: 6,
      notPortable: 1,
      onNet: 3,
      offNet: 3,
    });
    expect(
      result.grouping.orders.map((o) => [
        o.carrierSpid,
        o.onNet,
        o.portType,
        o.tnCount,
        o.requiresPin,
        o.earliestFocDate,
      ]),
    ).toEqual([
      ["9201", true, "ON_NET", 3, false, "2026-11-27"],
      ["9202", false, "AUTOMATED", 2, false, "2026-11-30"],
      ["6101", false, "AUTOMATED", 1, true, "2026-11-30"],
    ]);
    expect(result.grouping.errors).toEqual([]);
  });

  it("turns an order over the automated limit into a project port with its longer lead time", async () => {
    const result = await checkNumbers(handle.db, {
      input: "6172531000-1001",
      accountId: accountA,
      now,
      limits: { offNetAutomatedMax: 1 },
    });
    expect(result.grouping.orders.map((o) => o.portType)).toEqual(["PROJECT"]);
    // 10 business days after 24 November, skipping Thanksgiving: 9 December.
    expect(result.numbers[0]).toMatchObject({ portType: "PROJECT", earliestFocDate: "2026-12-09" });
  });

  it("checks 10,000 numbers in one go and keeps one LSP account in one order (the submission refuses it as too large)", async () => {
    const result = await checkNumbers(handle.db, { input: "3122860000-9999", accountId: accountA, now });
    expect(result.summary.portable).toBe(10_000 - 2);
    expect(result.grouping.orders.map((o) => [o.portType, o.tnCount])).toEqual([["PROJECT", 9998]]);
  });

  it("refuses more numbers than one check takes, naming the field", async () => {
    const error = await checkNumbers(handle.db, {
      input: "3122860000-0099",
      accountId: accountA,
      now,
      limits: { maxTns: 50 },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).toMatchObject({ kind: "INVALID", code: "TOO_MANY_NUMBERS", field: "input" });
  });
});
