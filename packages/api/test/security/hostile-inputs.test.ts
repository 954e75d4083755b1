import type { DbHandle } from "@portway/db";
import { textInput } from "@portway/domain";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdminCaller } from "../../src/admin";
import { createCustomerCaller } from "../../src/customer";
import { acmeCustomer, analyst, contextFor, openSeededDb } from "../helpers";

let handle: DbHandle;

beforeAll(async () => {
  handle = await openSeededDb();
});
afterAll(async () => {
  await handle.close();
});

async function codeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return "OK";
  } catch (error) {
    return error instanceof TRPCError ? error.code : "THROWN";
  }
}

describe("hostile inputs get a typed 4xx (M6)", () => {
  it("refuses a queue sort of __proto__ or constructor with 400", async () => {
    const admin = createAdminCaller(contextFor(handle, analyst));
    for (const sort of ["__proto__", "constructor", "toString"]) {
      expect(await codeOf(admin.queues.exceptions({ sort } as never)), sort).toBe("BAD_REQUEST");
      expect(await codeOf(admin.queues.tickets({ sort } as never)), sort).toBe("BAD_REQUEST");
    }
  });

  it("refuses NUL and lone surrogates in text with 400 and stores nothing", async () => {
    const customer = createCustomerCaller(contextFor(handle, await acmeCustomer(handle)));
    const before = (await handle.pool.query("select count(*)::int as n from api_keys")).rows[0].n;
    for (const name of ["nul\u0000name", "lone \uD800 high", "lone \uDC00 low"]) {
      expect(await codeOf(customer.apiKeys.create({ name })), JSON.stringify(name)).toBe("BAD_REQUEST");
    }
    expect((await handle.pool.query("select count(*)::int as n from api_keys")).rows[0].n).toBe(before);
  });

  it("the shared text schema keeps whole emoji and refuses broken ones", () => {
    expect(textInput(10).safeParse("ok 👍").success).toBe(true);
    expect(textInput(10).safeParse("\uD83D").success).toBe(false);
    expect(textInput(3).safeParse("abcd").success).toBe(false);
  });
});
