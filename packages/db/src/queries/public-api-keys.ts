import { sql } from "drizzle-orm";
import type { DbOrTx } from "../client";

export interface LiveApiKey {
  id: string;
  accountId: string;
  name: string;
  createdBy: string | null;
  creatorEmail: string | null;
  /** The key's role, never more than its creator's today. */
  role: "admin" | "member";
}

/**
 * findActiveApiKeyByHash and touchApiKey in one round trip, for the public API where every request resolves its key:
 * the live key with this hash (not revoked, its creator still able to sign in), its last use recorded at most once a
 * minute.
 */
export async function findAndTouchLiveApiKey(db: DbOrTx, hash: string, now: Date): Promise<LiveApiKey | null> {
  const result = await db.execute<{
    id: string;
    account_id: string;
    name: string;
    created_by: string | null;
    creator_email: string | null;
    role: "admin" | "member";
  }>(sql`
    with found as (
      select k.id, k.account_id, k.name, k.created_by, u.email as creator_email,
        case when k.role = 'admin' and u.role = 'admin' then 'admin' else 'member' end as role
      from api_keys k
      left join auth_users u on u.id = k.created_by
      where k.hash = ${hash}
        and k.revoked_at is null
        and exists (select 1 from auth_accounts c where c.user_id = k.created_by and c.provider_id = 'credential')
      limit 1
    ), touched as (
      update api_keys set last_used_at = ${now}
      where id in (select id from found)
        and (last_used_at is null or last_used_at < ${new Date(now.getTime() - 60_000)})
      returning id
    )
    select found.* from found left join touched on touched.id = found.id
  `);
  const row = result.rows[0];
  return row
    ? {
        id: row.id,
        accountId: row.account_id,
        name: row.name,
        createdBy: row.created_by,
        creatorEmail: row.creator_email,
        role: row.role === "admin" ? "admin" : "member",
      }
    : null;
}
