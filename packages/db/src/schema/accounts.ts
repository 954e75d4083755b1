import { boolean, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** A customer account: the tenant. Every customer user belongs to exactly one. */
export const customerAccounts = pgTable("customer_accounts", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  slug: text("slug").notNull().unique(),
  onNetOnly: boolean("on_net_only").notNull().default(false),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export type CustomerAccount = typeof customerAccounts.$inferSelect;
