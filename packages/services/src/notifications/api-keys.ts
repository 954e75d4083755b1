import { createHash, randomBytes } from "node:crypto";
import { type Db, findActiveApiKeyByHash, findApiKeys, insertApiKey, revokeApiKey, touchApiKey } from "@portway/db";
import { idInput, textInput } from "@portway/domain";
import { z } from "zod";
import type { Clock } from "../clock";
import { notFound } from "../errors";
import { type CustomerIdentity, requireAccountAdmin } from "../identity";

export const createApiKeyInput = z.object({
  name: textInput(80, "A key name").pipe(
    z.string().min(1, { message: "Name the key after what uses it (e.g. “billing sync”)." }),
  ),
});
export const apiKeyRef = z.object({ keyId: idInput("The key id") });

const keyPattern = /^pwk_([a-z0-9]{8})_([A-Za-z0-9_-]{32,64})$/;

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** A new key: shown once in the answer, stored only as its SHA-256 hash and a prefix that identifies it in lists. */
export async function createApiKey(
  db: Db,
  clock: Clock,
  who: CustomerIdentity,
  input: z.infer<typeof createApiKeyInput>,
) {
  requireAccountAdmin(who, "manage API keys");
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
    createdBy: who.userId,
    createdAt: clock.now(),
  });
  return { id: row.id, name: row.name, prefix: row.prefix, key };
}

export async function listApiKeys(db: Db, who: CustomerIdentity) {
  requireAccountAdmin(who, "manage API keys");
  return findApiKeys(db, who.accountId);
}

export async function revokeApiKeyOf(db: Db, clock: Clock, who: CustomerIdentity, input: z.infer<typeof apiKeyRef>) {
  requireAccountAdmin(who, "manage API keys");
  const revoked = await revokeApiKey(db, { accountId: who.accountId, keyId: input.keyId }, who.userId, clock.now());
  if (!revoked) {
    throw notFound("The API key");
  }
  return revoked;
}

/**
 * The identity an API key stands for: a member of its account (never an admin, so a leaked key cannot manage keys or
 * webhooks), acting in the name of the admin who created it. Revoked or unknown keys answer null.
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
    apiKey: { id: row.id, name: row.name },
  };
}
