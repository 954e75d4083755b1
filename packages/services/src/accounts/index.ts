import { type DbOrTx, findCustomerAccount, findCustomerAccounts } from "@portway/db";

export async function listCustomerAccounts(db: DbOrTx) {
  return findCustomerAccounts(db);
}

export async function getCustomerAccount(db: DbOrTx, accountId: string) {
  return findCustomerAccount(db, accountId);
}
