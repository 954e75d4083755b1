import { createDb, type DbHandle, portOrders, portRequests } from "@portway/db";
import type { OrderDetails } from "@portway/domain";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { fixedClock } from "../src/clock";
import { previewPortRequest, seedDemoData, seedNumberingData, submitPortRequestOfAccounts } from "../src/index";
import { demoCustomer, failure, mondayMorning, submissionData, tnRange } from "./order-fixtures";

let handle: DbHandle;
let acme: Awaited<ReturnType<typeof demoCustomer>>;
const clock = fixedClock(mondayMorning);

beforeAll(async () => {
  handle = createDb(inject("databaseUrl"));
  await seedDemoData(handle.db, { production: false });
  await seedNumberingData(handle.db);
  acme = await demoCustomer(handle.db, "acme-voice");
});
afterAll(async () => {
  await handle.close();
});

/** Two LSP accounts of on-net Chicago numbers: A with two TNs, B with one, each with its own BTN and details. */
function twoAccounts(first: number, reference: string) {
  const a = submissionData(tnRange("312286", first, 2), reference, { accountNumber: "ACCT-A" });
  const b = submissionData(tnRange("312286", first + 10, 1), reference, {
    accountNumber: "ACCT-B",
    subscriber: { type: "BUSINESS", businessName: "Loop Bagels" },
    loaAuthorizingPerson: "Bo Bagel",
  });
  return [a, b];
}

async function requestsOf(reference: string) {
  return handle.db.select().from(portRequests).where(eq(portRequests.customerReference, reference));
}

describe("a port request of several LSP accounts", () => {
  it("creates one port request with every account's orders, numbered on, each with its own details", async () => {
    const submissions = twoAccounts(8400, "ACCOUNTS-TWO");
    const result = await submitPortRequestOfAccounts(handle.db, clock, acme, {
      reference: "ACCOUNTS-TWO",
      submissions,
    });
    expect(result.created).toBe(true);
    const stored = await handle.db
      .select()
      .from(portOrders)
      .where(eq(portOrders.portRequestId, result.portRequestId))
      .orderBy(asc(portOrders.sequence));
    expect(
      stored.map((o) => {
        const details = o.details as OrderDetails;
        return [
          o.sequence,
          o.customerReference,
          o.btn,
          o.tnCount,
          o.status,
          details.accountNumber,
          details.loaAuthorizingPerson,
        ];
      }),
    ).toEqual([
      [1, "ACCOUNTS-TWO", "+13122868400", 2, "SUBMITTED", "ACCT-A", "Dana Harbor"],
      [2, "ACCOUNTS-TWO", "+13122868410", 1, "SUBMITTED", "ACCT-B", "Bo Bagel"],
    ]);
    expect(await requestsOf("ACCOUNTS-TWO")).toEqual([expect.objectContaining({ tnCount: 3 })]);

    const again = await submitPortRequestOfAccounts(handle.db, clock, acme, { reference: "ACCOUNTS-TWO", submissions });
    expect(again).toMatchObject({ created: false, portRequestId: result.portRequestId });
    expect(again.orders.map((o) => o.id).sort()).toEqual(result.orders.map((o) => o.id).sort());
  });

  it("refuses every account when one has an error, the error naming its account", async () => {
    const [a, b] = twoAccounts(8420, "ACCOUNTS-BAD");
    const broken = { ...b, partialPort: false, btn: "+13122868499" };
    const error = await failure(() =>
      submitPortRequestOfAccounts(handle.db, clock, acme, {
        reference: "ACCOUNTS-BAD",
        submissions: [a ?? {}, broken],
      }),
    );
    expect(error.kind).toBe("INVALID");
    expect(error.issues.map((i) => [i.field, i.code])).toEqual([["submissions.1.btn", "BTN_NOT_PORTED"]]);
    expect(error.issues[0]?.message).toMatch(/^Account 2 \(BTN \+13122868499\): A full port moves every number/);
    expect(await requestsOf("ACCOUNTS-BAD")).toEqual([]);
    expect(await handle.db.select().from(portOrders).where(eq(portOrders.customerReference, "ACCOUNTS-BAD"))).toEqual(
      [],
    );
  });

  it("refuses a number given in two accounts, shown in the preview before anything is created", async () => {
    const [a, b] = twoAccounts(8440, "ACCOUNTS-TWICE");
    const twice = { ...b, tns: [...(b?.tns ?? []), "(312) 286-8441"] };
    const preview = await previewPortRequest(handle.db, clock, acme, { submissions: [a ?? {}, twice] });
    expect(preview.ok).toBe(false);
    expect(preview.requestErrors.map((i) => [i.field, i.code])).toEqual([["submissions.1.tns", "TN_IN_TWO_ACCOUNTS"]]);
    expect(preview.requestErrors[0]?.message).toContain("+13122868441: in account 1 and account 2");
    expect(preview.orders.map((o) => [o.account, o.tns.length])).toEqual([
      [0, 2],
      [1, 2],
    ]);
    const error = await failure(() =>
      submitPortRequestOfAccounts(handle.db, clock, acme, {
        reference: "ACCOUNTS-TWICE",
        submissions: [a ?? {}, twice],
      }),
    );
    expect(error.issues.map((i) => i.code)).toContain("TN_IN_TWO_ACCOUNTS");
    expect(await requestsOf("ACCOUNTS-TWICE")).toEqual([]);
  });
});
