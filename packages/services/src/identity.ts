/** Who is calling: resolved from the session of one portal. */
export interface CustomerIdentity {
  kind: "customer";
  userId: string;
  name: string;
  email: string;
  role: "admin" | "member";
  accountId: string;
}

export interface StaffIdentity {
  kind: "staff";
  userId: string;
  name: string;
  email: string;
  role: "analyst" | "lead";
}

export type Identity = CustomerIdentity | StaffIdentity;
