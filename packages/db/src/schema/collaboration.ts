import { sql } from "drizzle-orm";
import { bigserial, check, customType, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { customerAccounts } from "./accounts";
import { authUsers } from "./auth";
import { portDrafts, portOrders } from "./orders";

const bytea = customType<{ data: Buffer }>({ dataType: () => "bytea" });

/** Notes on an order: customer-visible or internal (staff only). Partner messages and CSRs arrive as notes. */
export const notes = pgTable(
  "notes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => portOrders.id),
    visibility: text("visibility").notNull(),
    source: text("source").notNull(),
    authorId: text("author_id"),
    authorName: text("author_name").notNull(),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("notes_order_idx").on(t.orderId, t.createdAt),
    check("notes_visibility", sql`${t.visibility} in ('CUSTOMER', 'INTERNAL')`),
  ],
);

/** Documents of an order or a draft (LOA, bill copy, CSR, other), at most 3 MB, type checked by content. */
export const documents = pgTable(
  "documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => customerAccounts.id),
    orderId: uuid("order_id").references(() => portOrders.id),
    draftId: uuid("draft_id").references(() => portDrafts.id, { onDelete: "set null" }),
    kind: text("kind").notNull(),
    fileName: text("file_name").notNull(),
    mediaType: text("media_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    content: bytea("content").notNull(),
    signedAt: timestamp("signed_at", { withTimezone: true }),
    uploadedBy: text("uploaded_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("documents_order_idx").on(t.orderId),
    index("documents_draft_idx").on(t.draftId),
    check("documents_size", sql`${t.size} between 1 and 3145728`),
    check("documents_kind", sql`${t.kind} in ('LOA', 'BILL_COPY', 'CSR', 'OTHER')`),
  ],
);

/** "Talk to the porting team": a thread on an order. */
export const tickets = pgTable(
  "tickets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => customerAccounts.id),
    orderId: uuid("order_id")
      .notNull()
      .references(() => portOrders.id),
    subject: text("subject").notNull(),
    /** OPEN (waiting for the porting team), ANSWERED (waiting for the customer), CLOSED. */
    status: text("status").notNull().default("OPEN"),
    assignedTo: text("assigned_to").references(() => authUsers.id, { onDelete: "set null" }),
    createdBy: text("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("tickets_status_idx").on(t.status, t.updatedAt), index("tickets_order_idx").on(t.orderId)],
);

export const ticketMessages = pgTable(
  "ticket_messages",
  {
    // A serial ID keeps the thread in the order it was written, even for messages of the same instant.
    id: bigserial("id", { mode: "number" }).primaryKey(),
    ticketId: uuid("ticket_id")
      .notNull()
      .references(() => tickets.id),
    authorKind: text("author_kind").notNull(),
    authorId: text("author_id"),
    authorName: text("author_name").notNull(),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("ticket_messages_ticket_idx").on(t.ticketId, t.createdAt)],
);

export type NoteRow = typeof notes.$inferSelect;
export type DocumentRow = typeof documents.$inferSelect;
export type TicketRow = typeof tickets.$inferSelect;
export type TicketMessageRow = typeof ticketMessages.$inferSelect;
