import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { customerAccounts } from "./accounts";
import { portDrafts } from "./orders";

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

/**
 * Drafts that the Bandwidth-compatible API created as submissions still waiting for their LOA
 * (`PENDING_DOCUMENTS`): uploading the LOA submits them. A draft saved as a draft is not listed.
 */
export const apiPendingSubmissions = pgTable("api_pending_submissions", {
  draftId: uuid("draft_id")
    .primaryKey()
    .references(() => portDrafts.id, { onDelete: "cascade" }),
  accountId: uuid("account_id")
    .notNull()
    .references(() => customerAccounts.id),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
});
