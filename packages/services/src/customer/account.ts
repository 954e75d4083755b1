import { type DbOrTx, findAccountUsers } from "@portway/db";

/** The users of the customer's own account and their roles (SPEC 12, account page). */
export async function listAccountUsers(db: DbOrTx, accountId: string) {
  const rows = await findAccountUsers(db, accountId);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role as "admin" | "member",
    createdAt: row.createdAt,
  }));
}
