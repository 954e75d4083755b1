import type { Actor } from "@portway/domain";
import { ServiceError } from "./errors";

/** Who is calling: resolved from the session of one portal. */
export interface CustomerIdentity {
  kind: "customer";
  userId: string;
  name: string;
  email: string;
  role: "admin" | "member";
  accountId: string;
  /**
   * Set when the caller is an API key (acting with its creator's account, as a member): its id, name and role; an
   * admin key also manages the account's webhooks.
   */
  apiKey?: { id: string; name: string; role?: "admin" | "member" };
}

export interface StaffIdentity {
  kind: "staff";
  userId: string;
  name: string;
  email: string;
  role: "analyst" | "lead";
}

export type Identity = CustomerIdentity | StaffIdentity;

/** Account admins manage the account's users, API keys and webhooks; members may not (`what` names the task). */
export function requireAccountAdmin(who: CustomerIdentity, what: string) {
  if (who.role !== "admin") {
    throw new ServiceError("FORBIDDEN", "ADMIN_ONLY", `Only an account admin may ${what}.`);
  }
}

/**
 * How a customer caller acts on orders, in one place for the portal's API and the public API: a person as the user, an
 * API key as the key (so the history says which integration did it, not the admin who once created the key). `owner`
 * scopes what the caller creates to its account and names the user it is created for.
 */
export function customerActing(who: CustomerIdentity): {
  acting: { actor: Actor; accountId: string };
  owner: { accountId: string; userId: string; apiKeyId?: string };
} {
  const actor: Actor = who.apiKey ? { kind: "API_KEY", id: who.apiKey.id } : { kind: "USER", id: who.userId };
  return {
    acting: { actor, accountId: who.accountId },
    owner: { accountId: who.accountId, userId: who.userId, ...(who.apiKey ? { apiKeyId: who.apiKey.id } : {}) },
  };
}
