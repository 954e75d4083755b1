import { type Db, findLiveApiKey, touchApiKey } from "@portway/db";
import type { CustomerIdentity } from "../identity";
import { hashApiKey } from "../notifications/api-keys";

/**
 * resolveApiKey for the public API, which resolves a key on every request: the same identity (a member of the key's
 * account acting for its creator), null for an unknown, revoked or orphaned key. One prepared read-only statement;
 * the last use is written only when the one recorded is a minute old (at most once a minute per key).
 */
export async function resolveApiKeyOnce(
  db: Db,
  authorization: string | null,
  now: Date,
): Promise<CustomerIdentity | null> {
  const key = /^Bearer\s+(pwk_[a-z0-9]{8}_[A-Za-z0-9_-]{32,64})$/.exec(authorization ?? "")?.[1];
  if (!key) {
    return null;
  }
  const row = await findLiveApiKey(db, hashApiKey(key));
  if (!row?.createdBy) {
    return null;
  }
  if (!row.lastUsedAt || row.lastUsedAt.getTime() < now.getTime() - 60_000) {
    await touchApiKey(db, row.id, now);
  }
  return {
    kind: "customer",
    userId: row.createdBy,
    name: `API key “${row.name}”`,
    email: row.creatorEmail ?? "",
    role: "member",
    accountId: row.accountId,
    apiKey: { id: row.id, name: row.name, role: row.role },
  };
}
