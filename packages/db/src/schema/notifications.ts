import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { customerAccounts } from "./accounts";
import { authUsers } from "./auth";
import { portOrders } from "./orders";

/** One in-app notification for one user (customer or staff), written with the change that caused it. */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    recipientId: text("recipient_id")
      .notNull()
      .references(() => authUsers.id, { onDelete: "cascade" }),
    /** The customer account the notification is about (null for events with no account). */
    accountId: uuid("account_id").references(() => customerAccounts.id),
    orderId: uuid("order_id").references(() => portOrders.id),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    readAt: timestamp("read_at", { withTimezone: true }),
    /** Set once the notification went out in a daily digest email. */
    digestedAt: timestamp("digested_at", { withTimezone: true }),
  },
  (t) => [
    index("notifications_recipient_idx").on(t.recipientId, t.createdAt.desc(), t.id),
    index("notifications_unread_idx").on(t.recipientId).where(sql`${t.readAt} is null`),
    index("notifications_digest_idx").on(t.recipientId, t.createdAt).where(sql`${t.digestedAt} is null`),
  ],
);

export const emailPreferences = ["IMMEDIATE", "DAILY", "OFF"] as const;
export type EmailPreference = (typeof emailPreferences)[number];

/** How a user wants notification email; users without a row get their kind's default. */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    userId: text("user_id")
      .primaryKey()
      .references(() => authUsers.id, { onDelete: "cascade" }),
    email: text("email").$type<EmailPreference>().notNull(),
    /** Business time of the last daily digest sent to this user. */
    lastDigestAt: timestamp("last_digest_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [check("notification_preferences_email", sql`${t.email} in ('IMMEDIATE', 'DAILY', 'OFF')`)],
);

/** Every email Portway sends: written with its cause, sent by the worker, kept as the log. */
export const emails = pgTable(
  "emails",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    recipientId: text("recipient_id").references(() => authUsers.id, { onDelete: "set null" }),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    bodyText: text("body_text").notNull(),
    /** NOTIFICATION, DIGEST or WEBHOOK_NOTICE. */
    kind: text("kind").notNull(),
    /** PENDING, SENT or FAILED (gave up). */
    status: text("status").notNull().default("PENDING"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull(),
    lastError: text("last_error"),
    messageId: text("message_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    index("emails_pending_idx").on(t.nextAttemptAt).where(sql`${t.status} = 'PENDING'`),
    index("emails_created_idx").on(t.createdAt),
    check("emails_status", sql`${t.status} in ('PENDING', 'SENT', 'FAILED')`),
  ],
);

/** Mail received by the local SMTP capture (development): what a real mailbox would have got. */
export const mailCaptures = pgTable(
  "mail_captures",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    messageId: text("message_id"),
    fromAddress: text("from_address").notNull(),
    toAddresses: text("to_addresses").array().notNull(),
    subject: text("subject").notNull(),
    bodyText: text("body_text").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("mail_captures_received_idx").on(t.receivedAt.desc(), t.id)],
);

/** A customer account's webhook endpoint. Endpoints never expire; only repeated failure, after a notice, disables. */
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => customerAccounts.id),
    url: text("url").notNull(),
    description: text("description").notNull().default(""),
    secret: text("secret").notNull(),
    eventTypes: text("event_types").array().notNull(),
    enabled: boolean("enabled").notNull().default(true),
    failureStreak: integer("failure_streak").notNull().default(0),
    firstFailureAt: timestamp("first_failure_at", { withTimezone: true }),
    lastSuccessAt: timestamp("last_success_at", { withTimezone: true }),
    /** When the account's admins were told the endpoint will be disabled if it keeps failing. */
    disableNoticeAt: timestamp("disable_notice_at", { withTimezone: true }),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    disabledReason: text("disabled_reason"),
    createdBy: text("created_by").references(() => authUsers.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("webhook_endpoints_account_idx").on(t.accountId, t.createdAt)],
);

/** One event as sent to webhooks: its ID and the full payload, kept so any event can be replayed as it was. */
export const webhookEvents = pgTable(
  "webhook_events",
  {
    id: uuid("id").primaryKey(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => customerAccounts.id),
    orderId: uuid("order_id").references(() => portOrders.id),
    type: text("type").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("webhook_events_account_idx").on(t.accountId, t.occurredAt.desc())],
);

/** One event to one endpoint (a replay is a new delivery of the same event), retried until it succeeds. */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => webhookEvents.id),
    endpointId: uuid("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    accountId: uuid("account_id")
      .notNull()
      .references(() => customerAccounts.id),
    /** PENDING (waiting for its next attempt), SUCCEEDED, FAILED (gave up after the last attempt). */
    status: text("status").notNull().default("PENDING"),
    replay: boolean("replay").notNull().default(false),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull(),
    lastStatusCode: integer("last_status_code"),
    lastError: text("last_error"),
    lastDurationMs: integer("last_duration_ms"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
  },
  (t) => [
    index("webhook_deliveries_due_idx").on(t.nextAttemptAt).where(sql`${t.status} = 'PENDING'`),
    index("webhook_deliveries_endpoint_idx").on(t.endpointId, t.createdAt.desc()),
    index("webhook_deliveries_event_idx").on(t.eventId),
    check("webhook_deliveries_status", sql`${t.status} in ('PENDING', 'SUCCEEDED', 'FAILED')`),
  ],
);

/** Every attempt of a delivery: what the endpoint answered and how long it took. */
export const webhookAttempts = pgTable(
  "webhook_attempts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    deliveryId: uuid("delivery_id")
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: "cascade" }),
    attempt: integer("attempt").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    statusCode: integer("status_code"),
    durationMs: integer("duration_ms").notNull(),
    error: text("error"),
  },
  (t) => [index("webhook_attempts_delivery_idx").on(t.deliveryId, t.attempt)],
);

/** Customer API keys: shown once, stored as a SHA-256 hash; the prefix identifies a key in lists. */
export const apiKeyRoles = ["member", "admin"] as const;
export type ApiKeyRole = (typeof apiKeyRoles)[number];

export const apiKeys = pgTable(
  "api_keys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => customerAccounts.id),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    hash: text("hash").notNull(),
    /** Chosen by the account admin who creates the key: a member key works orders; an admin key also manages webhooks. */
    role: text("role").$type<ApiKeyRole>().notNull().default("member"),
    createdBy: text("created_by").references(() => authUsers.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedBy: text("revoked_by"),
  },
  (t) => [
    uniqueIndex("api_keys_hash_uq").on(t.hash),
    index("api_keys_account_idx").on(t.accountId, t.createdAt),
    check("api_keys_role", sql`${t.role} in ('admin', 'member')`),
  ],
);

export type NotificationRow = typeof notifications.$inferSelect;
export type EmailRow = typeof emails.$inferSelect;
export type MailCaptureRow = typeof mailCaptures.$inferSelect;
export type WebhookEndpointRow = typeof webhookEndpoints.$inferSelect;
export type WebhookEventRow = typeof webhookEvents.$inferSelect;
export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;
export type WebhookAttemptRow = typeof webhookAttempts.$inferSelect;
export type ApiKeyRow = typeof apiKeys.$inferSelect;
