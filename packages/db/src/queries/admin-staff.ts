import { and, asc, count, eq, exists, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { authAccounts, authUsers, type StaffRole, staffPasswordChanges } from "../schema/index";

/** A user is active while they hold a password credential; deactivation removes it with every session. */
const active: SQL = exists(
  sql`(select 1 from ${authAccounts} where ${authAccounts.userId} = ${authUsers.id} and ${authAccounts.providerId} = 'credential')`,
);

export async function findStaffUsers(db: DbOrTx) {
  return db
    .select({
      id: authUsers.id,
      name: authUsers.name,
      email: authUsers.email,
      role: authUsers.role,
      active: sql<boolean>`${active}`,
      mustChangePassword: sql<boolean>`exists (select 1 from ${staffPasswordChanges} where ${staffPasswordChanges.userId} = ${authUsers.id})`,
      createdAt: authUsers.createdAt,
    })
    .from(authUsers)
    .where(eq(authUsers.kind, "staff"))
    .orderBy(asc(authUsers.name));
}

export async function findStaffUser(db: DbOrTx, userId: string) {
  const rows = await db
    .select({
      id: authUsers.id,
      name: authUsers.name,
      email: authUsers.email,
      role: authUsers.role,
      active: sql<boolean>`${active}`,
    })
    .from(authUsers)
    .where(and(eq(authUsers.id, userId), eq(authUsers.kind, "staff")))
    .limit(1);
  return rows[0] ?? null;
}

/**
 * Serialises changes to the porting team's roster until the transaction ends, so two leads demoting or deactivating
 * each other cannot both pass the last-lead check.
 */
export async function lockStaffRoster(db: DbOrTx) {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext('portway.staff-roster'))`);
}

export async function countActiveLeads(db: DbOrTx) {
  const rows = await db
    .select({ n: count() })
    .from(authUsers)
    .where(and(eq(authUsers.kind, "staff"), eq(authUsers.role, "lead"), active));
  return rows[0]?.n ?? 0;
}

/** A new staff user with a first password, which they must change at their first sign-in. */
export async function insertStaffUser(
  db: DbOrTx,
  row: { id: string; name: string; email: string; role: StaffRole; passwordHash: string },
) {
  await db.insert(authUsers).values({
    id: row.id,
    name: row.name,
    email: row.email,
    emailVerified: true,
    kind: "staff",
    role: row.role,
    accountId: null,
  });
  await db.insert(authAccounts).values({
    id: `${row.id}-credential`,
    accountId: row.id,
    providerId: "credential",
    userId: row.id,
    password: row.passwordHash,
  });
  await db.insert(staffPasswordChanges).values({ userId: row.id });
}

export async function updateStaffRole(db: DbOrTx, userId: string, role: StaffRole) {
  const rows = await db
    .update(authUsers)
    .set({ role, updatedAt: new Date() })
    .where(and(eq(authUsers.id, userId), eq(authUsers.kind, "staff")))
    .returning({ id: authUsers.id });
  return rows.length === 1;
}

export async function isPasswordChangeRequired(db: DbOrTx, userId: string) {
  const rows = await db
    .select({ userId: staffPasswordChanges.userId })
    .from(staffPasswordChanges)
    .where(eq(staffPasswordChanges.userId, userId))
    .limit(1);
  return rows.length === 1;
}

export async function findPasswordHash(db: DbOrTx, userId: string) {
  const rows = await db
    .select({ password: authAccounts.password })
    .from(authAccounts)
    .where(and(eq(authAccounts.userId, userId), eq(authAccounts.providerId, "credential")))
    .limit(1)
    .for("update");
  return rows[0]?.password ?? null;
}

/** Sets a new password and clears the change requirement. */
export async function replaceStaffPassword(db: DbOrTx, userId: string, passwordHash: string) {
  await db
    .update(authAccounts)
    .set({ password: passwordHash, updatedAt: new Date() })
    .where(and(eq(authAccounts.userId, userId), eq(authAccounts.providerId, "credential")));
  await db.delete(staffPasswordChanges).where(eq(staffPasswordChanges.userId, userId));
}
