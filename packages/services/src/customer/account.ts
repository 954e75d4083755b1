import { type Db, type DbOrTx, findAdminAccountUsers } from "@portway/db";
import type { z } from "zod";
import {
  changeCustomerUserRole,
  changeRoleInput,
  createCustomerUser,
  createUserInput,
  deactivateCustomerUser,
  deactivateUserInput,
} from "../admin/index";
import { ServiceError } from "../errors";
import { type CustomerIdentity, requireAccountAdmin } from "../identity";

/** The users of the customer's own account, their roles and whether they can still sign in (SPEC 12). */
export async function listAccountUsers(db: DbOrTx, accountId: string) {
  const rows = await findAdminAccountUsers(db, accountId);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role as "admin" | "member",
    active: row.active,
    createdAt: row.createdAt,
  }));
}

/** What an account admin gives to add a user to their own account. */
export const addAccountUserInput = createUserInput.omit({ accountId: true });
export const changeAccountUserRoleInput = changeRoleInput.omit({ accountId: true });
export const deactivateAccountUserInput = deactivateUserInput.omit({ accountId: true });

/** An account admin adds a user to their account, with a first password they hand over. */
export async function addAccountUser(db: Db, who: CustomerIdentity, input: z.infer<typeof addAccountUserInput>) {
  requireAccountAdmin(who, "add users");
  return createCustomerUser(db, { ...input, accountId: who.accountId });
}

/** An account admin makes a user of their account admin or member; the account keeps at least one admin. */
export async function changeAccountUserRole(
  db: Db,
  who: CustomerIdentity,
  input: z.infer<typeof changeAccountUserRoleInput>,
) {
  requireAccountAdmin(who, "change roles");
  return changeCustomerUserRole(db, { ...input, accountId: who.accountId });
}

/** An account admin deactivates another user of their account: signed out and unable to sign in again. */
export async function deactivateAccountUser(
  db: Db,
  who: CustomerIdentity,
  input: z.infer<typeof deactivateAccountUserInput>,
) {
  requireAccountAdmin(who, "deactivate users");
  if (input.userId === who.userId) {
    throw new ServiceError(
      "PRECONDITION",
      "SELF",
      "You cannot deactivate your own sign-in; ask another admin of the account.",
      "userId",
    );
  }
  return deactivateCustomerUser(db, { ...input, accountId: who.accountId });
}
