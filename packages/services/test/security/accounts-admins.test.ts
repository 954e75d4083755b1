import { randomUUID } from "node:crypto";
import { apiKeys, countAccountAdmins, createDb, type DbHandle } from "@portway/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { fixedClock } from "../../src/clock";
import {
  changeCustomerUserRole,
  createApiKey,
  createCustomerAccount,
  createCustomerUser,
  deactivateCustomerUser,
  resolveApiKey,
} from "../../src/index";

let handle: DbHandle;

beforeAll(() => {
  handle = createDb(inject("databaseUrl"));
});
afterAll(async () => {
  await handle.close();
});

async function accountWithAdmins(count: number) {
  const slug = `sec-${randomUUID().slice(0, 8)}`;
  const account = await createCustomerAccount(handle.db, { name: `Security ${slug}`, slug, onNetOnly: false });
  const admins: { id: string; email: string }[] = [];
  for (let i = 0; i < count; i++) {
    const email = `admin${i}@${slug}.test`;
    const { id } = await createCustomerUser(handle.db, {
      accountId: account.id,
      name: `Admin ${i}`,
      email,
      role: "admin",
      password: "correct horse battery staple",
    });
    admins.push({ id, email });
  }
  return { accountId: account.id, admins };
}

describe("a deactivated admin's API keys (H3)", () => {
  it("stop working the moment the admin is deactivated, and are revoked in the same step", async () => {
    const { accountId, admins } = await accountWithAdmins(2);
    const [creator] = admins;
    if (!creator) {
      throw new Error("no admin");
    }
    const who = {
      kind: "customer" as const,
      userId: creator.id,
      name: "Admin 0",
      email: creator.email,
      role: "admin" as const,
      accountId,
    };
    const { id, key } = await createApiKey(handle.db, fixedClock(new Date()), who, { name: "billing sync" });
    expect(await resolveApiKey(handle.db, `Bearer ${key}`, new Date())).not.toBeNull();

    await deactivateCustomerUser(handle.db, { accountId, userId: creator.id });

    expect(await resolveApiKey(handle.db, `Bearer ${key}`, new Date())).toBeNull();
    const [row] = await handle.db.select().from(apiKeys).where(eq(apiKeys.id, id));
    expect(row?.revokedAt).not.toBeNull();
  });
});

describe("two admins demoting each other at once (M3)", () => {
  it("always leaves the account an admin, over 50 trials", async () => {
    let zeroAdmins = 0;
    let refused = 0;
    for (let trial = 0; trial < 50; trial++) {
      const { accountId, admins } = await accountWithAdmins(2);
      const results = await Promise.allSettled(
        admins.map((a) => changeCustomerUserRole(handle.db, { accountId, userId: a.id, role: "member" })),
      );
      refused += results.filter((r) => r.status === "rejected").length;
      if ((await countAccountAdmins(handle.db, accountId)) === 0) {
        zeroAdmins += 1;
      }
    }
    console.info(`admin race: 50 trials, ${zeroAdmins} left without an admin, ${refused} demotions refused`);
    expect(zeroAdmins).toBe(0);
    expect(refused).toBe(50);
  });
});
