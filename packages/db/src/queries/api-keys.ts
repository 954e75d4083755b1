import { and, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { apiKeys, authUsers } from "../schema/index";

export async function insertApiKey(db: DbOrTx, row: typeof apiKeys.$inferInsert) {
  const [inserted] = await db.insert(apiKeys).values(row).returning();
  if (!inserted) {
    throw new Error("API key not inserted");
  }
  return inserted;
}

/** An account's keys (never their hash), newest first, with who created each. */
export async function findApiKeys(db: DbOrTx, accountId: string) {
  return db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      role: apiKeys.role,
      createdAt: apiKeys.createdAt,
      createdByName: authUsers.name,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .leftJoin(authUsers, eq(authUsers.id, apiKeys.createdBy))
    .where(eq(apiKeys.accountId, accountId))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
}

/** Revokes one key of one account; another account's key (or an already revoked one) answers null. */
export async function revokeApiKey(db: DbOrTx, where: { accountId: string; keyId: string }, by: string, at: Date) {
  const [row] = await db
    .update(apiKeys)
    .set({ revokedAt: at, revokedBy: by })
    .where(and(eq(apiKeys.id, where.keyId), eq(apiKeys.accountId, where.accountId), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  return row ?? null;
}

/** Revokes every live key a user created (when the user is deactivated); answers how many. */
export async function revokeApiKeysCreatedBy(db: DbOrTx, userId: string, at: Date) {
  const rows = await db
    .update(apiKeys)
    .set({ revokedAt: at, revokedBy: userId })
    .where(and(eq(apiKeys.createdBy, userId), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  return rows.length;
}

/** The key's creator can still sign in (a deactivated user's keys are not live). */
export const creatorActive = sql<boolean>`exists (select 1 from auth_accounts c where c.user_id = ${apiKeys.createdBy} and c.provider_id = 'credential')`;

/**
 * The role a key acts with: its own, but never more than its creator's today (an admin key of an admin since demoted
 * to member acts as a member).
 */
export const effectiveKeyRole = sql<
  "admin" | "member"
>`case when ${apiKeys.role} = 'admin' and ${authUsers.role} = 'admin' then 'admin' else 'member' end`;

/** What a live key's lookup answers: the key, its creator's email and the role it acts with. */
export const liveApiKeyColumns = {
  id: apiKeys.id,
  accountId: apiKeys.accountId,
  name: apiKeys.name,
  createdBy: apiKeys.createdBy,
  creatorEmail: authUsers.email,
  role: effectiveKeyRole,
  lastUsedAt: apiKeys.lastUsedAt,
};

/** The live key with this hash, with the user who created it; a deactivated creator's key is not live. */
export async function findActiveApiKeyByHash(db: DbOrTx, hash: string) {
  const rows = await db
    .select(liveApiKeyColumns)
    .from(apiKeys)
    .leftJoin(authUsers, eq(authUsers.id, apiKeys.createdBy))
    .where(and(eq(apiKeys.hash, hash), isNull(apiKeys.revokedAt), creatorActive))
    .limit(1);
  return rows[0] ?? null;
}

/** Records use at most once a minute per key, so a busy integration does not write on every call. */
export async function touchApiKey(db: DbOrTx, keyId: string, at: Date) {
  await db
    .update(apiKeys)
    .set({ lastUsedAt: at })
    .where(
      and(
        eq(apiKeys.id, keyId),
        or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, new Date(at.getTime() - 60_000))),
      ),
    );
}
