import { authAccounts, authUsers, customerAccounts, type Db } from "@portway/db";
import { hashPassword } from "better-auth/crypto";
import { eq } from "drizzle-orm";
import { demoAccounts, demoPassword, demoUsers } from "./credentials";

export class DemoSeedRefused extends Error {}

/**
 * Creates the demo accounts and users when they do not exist yet. Idempotent, one transaction.
 * Refused in production: demo passwords are public.
 */
export async function seedDemoData(db: Db, options: { production: boolean }): Promise<{ created: boolean }> {
  if (options.production) {
    throw new DemoSeedRefused("Demo data is refused when NODE_ENV=production (its passwords are public).");
  }
  const passwordHash = await hashPassword(demoPassword);
  return db.transaction(async (tx) => {
    const existing = await tx
      .select({ id: customerAccounts.id })
      .from(customerAccounts)
      .where(eq(customerAccounts.slug, "acme-voice"));
    if (existing.length > 0) {
      return { created: false };
    }
    const accounts = await tx
      .insert(customerAccounts)
      .values(demoAccounts.map((a) => ({ ...a })))
      .returning();
    const accountIdBySlug = new Map(accounts.map((a) => [a.slug, a.id]));
    for (const user of demoUsers) {
      const id = `demo-${user.email.split("@")[0]}-${user.email.split("@")[1]?.split(".")[0]}`;
      await tx.insert(authUsers).values({
        id,
        name: user.name,
        email: user.email,
        emailVerified: true,
        kind: user.kind,
        role: user.role,
        accountId: user.account ? (accountIdBySlug.get(user.account) ?? null) : null,
      });
      await tx.insert(authAccounts).values({
        id: `${id}-credential`,
        accountId: id,
        providerId: "credential",
        userId: id,
        password: passwordHash,
      });
    }
    return { created: true };
  });
}
