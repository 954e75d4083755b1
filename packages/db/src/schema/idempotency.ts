import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { customerAccounts } from "./accounts";

/**
 * Idempotency keys of the public API: the first answer to a key is kept with a hash of the request it answered,
 * so a retry with the same body gets the same answer and a reuse with another body is refused.
 */
export const apiIdempotencyKeys = pgTable(
  "api_idempotency_keys",
  {
    accountId: uuid("account_id")
      .notNull()
      .references(() => customerAccounts.id),
    key: text("key").notNull(),
    requestHash: text("request_hash").notNull(),
    statusCode: integer("status_code").notNull(),
    response: jsonb("response").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.key] }), index("api_idempotency_keys_created_idx").on(t.createdAt)],
);

export type ApiIdempotencyKeyRow = typeof apiIdempotencyKeys.$inferSelect;
