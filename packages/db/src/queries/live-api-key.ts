import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../client";
import { apiKeys, authUsers } from "../schema/index";
import { creatorActive, liveApiKeyColumns } from "./api-keys";

function prepareLiveApiKey(db: Db) {
  return db
    .select(liveApiKeyColumns)
    .from(apiKeys)
    .leftJoin(authUsers, eq(authUsers.id, apiKeys.createdBy))
    .where(and(eq(apiKeys.hash, sql.placeholder("hash")), isNull(apiKeys.revokedAt), creatorActive))
    .limit(1)
    .prepare("public_api_live_key");
}

const prepared = new WeakMap<Db, ReturnType<typeof prepareLiveApiKey>>();

/**
 * The live key with this hash (not revoked, its creator still able to sign in) and when it was last used, for the
 * public API where every request resolves its key: one read-only statement, prepared once per connection (parsed and
 * planned once, where the lookup and the last-use write in one statement were planned on every call).
 */
export async function findLiveApiKey(db: Db, hash: string) {
  let statement = prepared.get(db);
  if (!statement) {
    statement = prepareLiveApiKey(db);
    prepared.set(db, statement);
  }
  const rows = await statement.execute({ hash });
  const row = rows[0];
  return row ? { ...row, role: row.role === "admin" ? ("admin" as const) : ("member" as const) } : null;
}
