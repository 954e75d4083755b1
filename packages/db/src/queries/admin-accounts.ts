import { and, asc, count, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { authAccounts, authSessions, authUsers, type CustomerRole, customerAccounts } from "../schema/index";

/** Whether the user can sign in (has a password credential); table names spelled out, as inside a subquery. */
const hasCredential = sql<boolean>`exists (select 1 from auth_accounts c where c.user_id = auth_users.id and c.provider_id = 'credential')`;

export async function findAccountBySlug(db: DbOrTx, slug: string) {
  const rows = await db.select().from(customerAccounts).where(eq(customerAccounts.slug, slug)).limit(1);
  return rows[0] ?? null;
}

export async function insertCustomerAccount(db: DbOrTx, row: { name: string; slug: string; onNetOnly: boolean }) {
  const rows = await db.insert(customerAccounts).values(row).returning();
  return rows[0] ?? null;
}

export async function updateCustomerAccount(
  db: DbOrTx,
  accountId: string,
  values: { name?: string | undefined; onNetOnly?: boolean | undefined },
) {
  const rows = await db.update(customerAccounts).set(values).where(eq(customerAccounts.id, accountId)).returning();
  return rows[0] ?? null;
}

/** The users of one customer account; a user without a password credential is deactivated. */
export async function findAdminAccountUsers(db: DbOrTx, accountId: string) {
  return db
    .select({
      id: authUsers.id,
      name: authUsers.name,
      email: authUsers.email,
      role: authUsers.role,
      createdAt: authUsers.createdAt,
      active: hasCredential,
    })
    .from(authUsers)
    .where(and(eq(authUsers.accountId, accountId), eq(authUsers.kind, "customer")))
    .orderBy(asc(authUsers.name), asc(authUsers.email));
}

export async function findUserByEmail(db: DbOrTx, email: string) {
  const rows = await db.select().from(authUsers).where(eq(authUsers.email, email)).limit(1);
  return rows[0] ?? null;
}

export async function findAccountUser(db: DbOrTx, accountId: string, userId: string) {
  const rows = await db
    .select()
    .from(authUsers)
    .where(and(eq(authUsers.id, userId), eq(authUsers.accountId, accountId), eq(authUsers.kind, "customer")))
    .limit(1);
  return rows[0] ?? null;
}

/** A customer user with a password credential, in the shape the sign-in library reads. */
export async function insertCustomerUser(
  db: DbOrTx,
  row: { id: string; name: string; email: string; role: CustomerRole; accountId: string; passwordHash: string },
) {
  await db.insert(authUsers).values({
    id: row.id,
    name: row.name,
    email: row.email,
    emailVerified: true,
    kind: "customer",
    role: row.role,
    accountId: row.accountId,
  });
  await db.insert(authAccounts).values({
    id: `${row.id}-credential`,
    accountId: row.id,
    providerId: "credential",
    userId: row.id,
    password: row.passwordHash,
  });
}

export async function updateUserRole(db: DbOrTx, userId: string, role: CustomerRole) {
  const rows = await db
    .update(authUsers)
    .set({ role, updatedAt: new Date() })
    .where(and(eq(authUsers.id, userId), eq(authUsers.kind, "customer")))
    .returning({ id: authUsers.id });
  return rows.length === 1;
}

/** Deactivates a user: the password credential and every session go; history keeps the user's name. */
export async function deactivateUser(db: DbOrTx, userId: string) {
  await db.delete(authSessions).where(eq(authSessions.userId, userId));
  const removed = await db
    .delete(authAccounts)
    .where(and(eq(authAccounts.userId, userId), eq(authAccounts.providerId, "credential")))
    .returning({ id: authAccounts.id });
  return removed.length;
}

/** Locks the account row until the transaction ends: changes to its users' roles then run one after another. */
export async function lockCustomerAccount(db: DbOrTx, accountId: string) {
  await db
    .select({ id: customerAccounts.id })
    .from(customerAccounts)
    .where(eq(customerAccounts.id, accountId))
    .for("update");
}

export async function countAccountAdmins(db: DbOrTx, accountId: string) {
  const rows = await db
    .select({ n: count() })
    .from(authUsers)
    .where(and(eq(authUsers.accountId, accountId), eq(authUsers.role, "admin"), hasCredential));
  return rows[0]?.n ?? 0;
}
