import { ServiceError } from "./errors";

/** Who is calling: resolved from the session of one portal. */
export interface CustomerIdentity {
  kind: "customer";
  userId: string;
  name: string;
  email: string;
  role: "admin" | "member";
  accountId: string;
  /** Set when the caller is an API key (acting with its creator's account, as a member): its id and name. */
  apiKey?: { id: string; name: string };
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
