import { asc, count, eq } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { authUsers, customerAccounts } from "../schema/index";

export async function findCustomerAccounts(db: DbOrTx) {
  return db
    .select({
      id: customerAccounts.id,
      name: customerAccounts.name,
      slug: customerAccounts.slug,
      onNetOnly: customerAccounts.onNetOnly,
      createdAt: customerAccounts.createdAt,
      userCount: count(authUsers.id),
    })
    .from(customerAccounts)
    .leftJoin(authUsers, eq(authUsers.accountId, customerAccounts.id))
    .groupBy(customerAccounts.id)
    .orderBy(asc(customerAccounts.name));
}

export async function findCustomerAccount(db: DbOrTx, accountId: string) {
  const rows = await db.select().from(customerAccounts).where(eq(customerAccounts.id, accountId)).limit(1);
  return rows[0] ?? null;
}

export async function findUserById(db: DbOrTx, userId: string) {
  const rows = await db.select().from(authUsers).where(eq(authUsers.id, userId)).limit(1);
  return rows[0] ?? null;
}
