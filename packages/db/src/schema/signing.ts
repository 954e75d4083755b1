import { sql } from "drizzle-orm";
import { check, customType, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { customerAccounts } from "./accounts";
import { authUsers } from "./auth";
import { documents } from "./collaboration";
import { portOrders } from "./orders";

const bytea = customType<{ data: Buffer }>({ dataType: () => "bytea" });

/**
 * A link sent to the authorizing person to sign an order's (or a draft's) LOA online. Only the SHA-256 of the link's
 * token is kept, nowhere the token itself; the LOA the signer sees is frozen here, so the signed copy's audit page can name its hash.
 */
export const signingRequests = pgTable(
  "signing_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => customerAccounts.id),
    orderId: uuid("order_id").references(() => portOrders.id),
    /** No foreign key: a draft is deleted when it is submitted, and its orders are found by it (port_requests.draft_id). */
    draftId: uuid("draft_id"),
    /**
     * Null until the email goes out: the token is drawn when the link is sent (never kept in the email's row) and
     * drawn again on a retried send, so only the latest sent link works.
     */
    tokenSha256: text("token_sha256"),
    signerName: text("signer_name").notNull(),
    signerEmail: text("signer_email").notNull(),
    signerTitle: text("signer_title"),
    /** PENDING, SIGNED or REVOKED (an expired link stays PENDING past `expires_at`). */
    status: text("status").notNull().default("PENDING"),
    unsignedPdf: bytea("unsigned_pdf").notNull(),
    unsignedSha256: text("unsigned_sha256").notNull(),
    fileName: text("file_name").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdBy: text("created_by").references(() => authUsers.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    signedAt: timestamp("signed_at", { withTimezone: true }),
    signedName: text("signed_name"),
    signerIp: text("signer_ip"),
    signerUserAgent: text("signer_user_agent"),
    signedDocumentId: uuid("signed_document_id").references(() => documents.id, { onDelete: "set null" }),
  },
  (t) => [
    uniqueIndex("signing_requests_token_uq").on(t.tokenSha256),
    index("signing_requests_order_idx").on(t.orderId),
    index("signing_requests_draft_idx").on(t.draftId),
    index("signing_requests_account_idx").on(t.accountId, t.createdAt),
    check("signing_requests_status", sql`${t.status} in ('PENDING', 'SIGNED', 'REVOKED')`),
  ],
);
