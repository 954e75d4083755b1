import { countNumberingRows, createDb, type DbHandle } from "@portway/db";
import { createTestDatabase } from "@portway/db/testing";
import { fixedClock, type Identity, sampleTns, seedNumberingData } from "@portway/services";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { adminNumberingRouter } from "../src/admin/numbering";
import { customerNumbersRouter } from "../src/customer/numbers";
import { type Context, createCallerFactory, router } from "../src/trpc";

// A database of its own: the sample seed loads only into an empty carriers table.
let handle: DbHandle;

const testRouter = router({ numbers: customerNumbersRouter, numbering: adminNumberingRouter });
const createCaller = createCallerFactory(testRouter);

beforeAll(async () => {
  const database = await createTestDatabase("numbering_api", inject("databaseUrl"));
  handle = createDb(database.url, { max: 4 });
  await seedNumberingData(handle.db);
});
afterAll(async () => {
  await handle.close();
});

function callerAs(identity: Identity | null) {
  const context: Context = {
    db: handle.db,
    clock: fixedClock(new Date("2026-11-24T15:00:00Z")),
    identity,
    config: { partnerUrl: "http://127.0.0.1:9" },
  };
  return createCaller(context);
}

const customer: Identity = {
  kind: "customer",
  userId: "numbering-customer",
  name: "C",
  email: "c@numbering.test",
  role: "member",
  accountId: crypto.randomUUID(),
};
const analyst: Identity = { kind: "staff", userId: "na", name: "A", email: "a@numbering.test", role: "analyst" };
const lead: Identity = { kind: "staff", userId: "nl", name: "L", email: "l@numbering.test", role: "lead" };

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    return error instanceof TRPCError ? error.code : "OTHER";
  }
}

const header =
  "npa,nxx,rate_center,state,lata,time_zone,carrier_name,carrier_spid,carrier_type,on_net,partner_supported";
const goodCsv = `${header}\n339,271,Woburn,MA,128,America/New_York,Router Test Telephone,R001,WIRELINE,true,false\n`;
const badCsv = [
  header,
  "339,272,Woburn,MA,128,America/New_York,Router Test Telephone,R001,WIRELINE,true,false",
  "339,073,Woburn,MA,128,America/New_York,Router Test Telephone,R001,WIRELINE,true,false",
  "339,274,Woburn,MA,12,America/New_York,Router Test Telephone,R001,WIRELINE,true,false",
].join("\n");

describe("customer numbers.check", () => {
  it("answers per number with the clock of the context", async () => {
    const result = await callerAs(customer).numbers.check({ input: `${sampleTns.onNet}\n${sampleTns.uncovered}\nabc` });
    expect(result.summary).toMatchObject({ entered: 3, portable: 1, invalid: 1 });
    expect(result.numbers[0]).toMatchObject({ tn: sampleTns.onNet, portType: "ON_NET", earliestFocDate: "2026-11-27" });
    expect(result.numbers[1]?.notPortableReason?.code).toBe("NO_COVERAGE");
  });

  it("needs a customer session", async () => {
    expect(await codeOf(callerAs(null).numbers.check({ input: sampleTns.onNet }))).toBe("UNAUTHORIZED");
    expect(await codeOf(callerAs(lead).numbers.check({ input: sampleTns.onNet }))).toBe("UNAUTHORIZED");
  });

  it("refuses oversized input with BAD_REQUEST naming the field", async () => {
    const tooLong = callerAs(customer).numbers.check({ input: "3".repeat(2_000_001) });
    await expect(tooLong).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const ranges = Array.from({ length: 6 }, (_, i) => `312${286 + i}0000-9999`).join("\n");
    const tooMany = await callerAs(customer)
      .numbers.check({ input: ranges })
      .catch((error: unknown) => error);
    expect(tooMany).toBeInstanceOf(TRPCError);
    expect(tooMany).toMatchObject({ code: "BAD_REQUEST", cause: { code: "TOO_MANY_NUMBERS", field: "input" } });
  });
});

describe("admin numbering", () => {
  it("lets only a lead preview or apply an import", async () => {
    const before = await countNumberingRows(handle.db);
    for (const call of [
      (c: ReturnType<typeof callerAs>) => c.numbering.previewImport({ csv: goodCsv }),
      (c: ReturnType<typeof callerAs>) => c.numbering.applyImport({ csv: goodCsv }),
    ]) {
      expect(await codeOf(call(callerAs(analyst)))).toBe("FORBIDDEN");
      expect(await codeOf(call(callerAs(customer)))).toBe("UNAUTHORIZED");
      expect(await codeOf(call(callerAs(null)))).toBe("UNAUTHORIZED");
    }
    expect(await countNumberingRows(handle.db)).toEqual(before);
    await expect(callerAs(lead).numbering.previewImport({ csv: goodCsv })).resolves.toMatchObject({ ok: true });
    expect(await countNumberingRows(handle.db)).toEqual(before);
  });

  it("applies a good file for a lead and writes nothing for a file with bad rows", async () => {
    const before = await countNumberingRows(handle.db);
    const bad = await callerAs(lead).numbering.applyImport({ csv: badCsv });
    expect(bad).toMatchObject({ ok: false, applied: false });
    expect(bad.rows.filter((r) => r.status === "error").map((r) => [r.row, r.issues[0]?.field])).toEqual([
      [3, "nxx"],
      [4, "lata"],
    ]);
    expect(await countNumberingRows(handle.db)).toEqual(before);
    const good = await callerAs(lead).numbering.applyImport({ csv: goodCsv });
    expect(good).toMatchObject({ ok: true, applied: true, summary: { blocks: { create: 1 } } });
    expect((await countNumberingRows(handle.db)).blocks).toBe(before.blocks + 1);
  });

  it("lists carriers with their rules for any staff member, not for customers", async () => {
    const carriers = await callerAs(analyst).numbering.carriers();
    expect(carriers.find((c) => c.spid === "6101")).toMatchObject({
      name: "Summit Wireless",
      type: "WIRELESS",
      requiresPin: true,
      blockCount: expect.any(Number),
    });
    expect(carriers.find((c) => c.spid === "6101")?.blockCount).toBeGreaterThan(0);
    expect(await codeOf(callerAs(customer).numbering.carriers())).toBe("UNAUTHORIZED");
  });
});
