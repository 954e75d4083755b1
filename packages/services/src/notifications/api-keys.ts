import { createHash, randomBytes } from "node:crypto";
import { type Db, findActiveApiKeyByHash, findApiKeys, insertApiKey, revokeApiKey, touchApiKey } from "@portway/db";
import { idInput, textInput } from "@portway/domain";
import { z } from "zod";
import type { Clock } from "../clock";
import { notFound, ServiceError } from "../errors";
import { type CustomerIdentity, requireAccountAdmin } from "../identity";

export const createApiKeyInput = z.object({
  name: textInput(80, "A key name").pipe(
    z.string().min(1, { message: "Name the key after what uses it (e.g. “billing sync”)." }),
  ),
  /** member (the default): checks numbers and works orders; admin: also manages the account's webhooks. */
  role: z.enum(["member", "admin"], { message: "A key's role is member or admin." }).default("member"),
});
export const apiKeyRef = z.object({ keyId: idInput("The key id") });

const keyPattern = /^pwk_([a-z0-9]{8})_([A-Za-z0-9_-]{32,64})$/;

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/**
 * Keys are managed by a signed-in account admin only: a key (even an admin key) cannot mint, list or revoke keys, so a
 * leaked key cannot make itself a successor.
 */
function requireKeyManager(who: CustomerIdentity) {
  if (who.apiKey) {
    throw new ServiceError(
      "FORBIDDEN",
      "ADMIN_ONLY",
      "API keys are managed in the portal by an account admin, not with a key.",
    );
  }
  requireAccountAdmin(who, "manage API keys");
}

/** A new key: shown once in the answer, stored only as its SHA-256 hash and a prefix that identifies it in lists. */
export async function createApiKey(
  db: Db,
  clock: Clock,
  who: CustomerIdentity,
  input: z.input<typeof createApiKeyInput>,
) {
  requireKeyManager(who);
  const prefix = randomBytes(6)
    .toString("base64url")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "x")
    .slice(0, 8);
  const key = `pwk_${prefix}_${randomBytes(32).toString("base64url")}`;
  const row = await insertApiKey(db, {
    accountId: who.accountId,
    name: input.name,
    prefix: `pwk_${prefix}`,
    hash: hashApiKey(key),
    role: input.role ?? "member",
    createdBy: who.userId,
    createdAt: clock.now(),
  });
  return { id: row.id, name: row.name, prefix: row.prefix, role: row.role, key };
}

export async function listApiKeys(db: Db, who: CustomerIdentity) {
  requireKeyManager(who);
  return findApiKeys(db, who.accountId);
}

export async function revokeApiKeyOf(db: Db, clock: Clock, who: CustomerIdentity, input: z.infer<typeof apiKeyRef>) {
  requireKeyManager(who);
  const revoked = await revokeApiKey(db, { accountId: who.accountId, keyId: input.keyId }, who.userId, clock.now());
  if (!revoked) {
    throw notFound("The API key");
  }
  return revoked;
}

/**
 * The identity an API key stands for: a member of its account (never an account admin, so a leaked key cannot manage
 * users or keys), acting in the name of the admin who created it; an admin key (apiKey.role, never more than its
 * creator's role today) also manages webhooks. Revoked or unknown keys answer null.
 */
export async function resolveApiKey(db: Db, authorization: string | null, now: Date): Promise<CustomerIdentity | null> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? "");
  const key = match?.[1];
  if (!key || !keyPattern.test(key)) {
    return null;
  }
  const row = await findActiveApiKeyByHash(db, hashApiKey(key));
  if (!row?.createdBy) {
    return null;
  }
  await touchApiKey(db, row.id, now);
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
