import { and, asc, count, desc, eq, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import {
  authUsers,
  type EmailPreference,
  emails,
  mailCaptures,
  notificationPreferences,
  notifications,
  portOrders,
} from "../schema/index";
import { insertRows } from "./bulk";

export async function insertNotifications(db: DbOrTx, rows: (typeof notifications.$inferInsert)[]) {
  await insertRows(db, notifications, rows);
}

/** A user's notifications, newest first, with the order's reference and PON for the link text. */
export async function findNotifications(
  db: DbOrTx,
  where: { recipientId: string; unreadOnly?: boolean; limit: number; offset?: number },
) {
  const filters = [eq(notifications.recipientId, where.recipientId)];
  if (where.unreadOnly) {
    filters.push(isNull(notifications.readAt));
  }
  return db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      title: notifications.title,
      body: notifications.body,
      orderId: notifications.orderId,
      accountId: notifications.accountId,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
      customerReference: portOrders.customerReference,
      pon: portOrders.pon,
    })
    .from(notifications)
    .leftJoin(portOrders, eq(portOrders.id, notifications.orderId))
    .where(and(...filters))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(where.limit)
    .offset(where.offset ?? 0);
}

export async function countNotifications(db: DbOrTx, recipientId: string) {
  const [row] = await db
    .select({
      total: count(),
      unread: sql<number>`count(*) filter (where ${notifications.readAt} is null)`.mapWith(Number),
    })
    .from(notifications)
    .where(eq(notifications.recipientId, recipientId));
  return { total: row?.total ?? 0, unread: row?.unread ?? 0 };
}

/** Marks the given notifications (or all) of one recipient read; another user's IDs are left alone. */
export async function markNotificationsRead(db: DbOrTx, where: { recipientId: string; ids?: string[] }, at: Date) {
  const filters = [eq(notifications.recipientId, where.recipientId), isNull(notifications.readAt)];
  if (where.ids) {
    filters.push(inArray(notifications.id, where.ids));
  }
  const rows = await db
    .update(notifications)
    .set({ readAt: at })
    .where(and(...filters))
    .returning({ id: notifications.id });
  return rows.length;
}

const recipientColumns = {
  id: authUsers.id,
  name: authUsers.name,
  email: authUsers.email,
  kind: authUsers.kind,
  role: authUsers.role,
  emailPreference: notificationPreferences.email,
};

/** The users of a customer account with their email preference (null: the default). */
export async function findAccountRecipients(db: DbOrTx, accountId: string) {
  return db
    .select(recipientColumns)
    .from(authUsers)
    .leftJoin(notificationPreferences, eq(notificationPreferences.userId, authUsers.id))
    .where(eq(authUsers.accountId, accountId))
    .orderBy(asc(authUsers.email));
}

/** The porting team with their email preference (null: the default). */
export async function findStaffRecipients(db: DbOrTx) {
  return db
    .select(recipientColumns)
    .from(authUsers)
    .leftJoin(notificationPreferences, eq(notificationPreferences.userId, authUsers.id))
    .where(eq(authUsers.kind, "staff"))
    .orderBy(asc(authUsers.email));
}

export async function findNotificationPreference(db: DbOrTx, userId: string) {
  const rows = await db
    .select()
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId))
    .limit(1);
  return rows[0] ?? null;
}

export async function upsertNotificationPreference(db: DbOrTx, userId: string, email: EmailPreference, at: Date) {
  await db
    .insert(notificationPreferences)
    .values({ userId, email, updatedAt: at })
    .onConflictDoUpdate({ target: notificationPreferences.userId, set: { email, updatedAt: at } });
}

export async function insertEmails(db: DbOrTx, rows: (typeof emails.$inferInsert)[]) {
  await insertRows(db, emails, rows);
}

/**
 * Claims due emails: pushes their next attempt past a lease so another worker (or this one after a crash) only
 * takes them again once the lease ran out.
 */
export async function claimDueEmails(db: DbOrTx, now: Date, leaseUntil: Date, limit: number) {
  const due = db
    .select({ id: emails.id })
    .from(emails)
    .where(and(eq(emails.status, "PENDING"), lte(emails.nextAttemptAt, now)))
    .orderBy(asc(emails.nextAttemptAt))
    .limit(limit)
    .for("update", { skipLocked: true });
  return db
    .update(emails)
    .set({ nextAttemptAt: leaseUntil, attempts: sql`${emails.attempts} + 1` })
    .where(inArray(emails.id, due))
    .returning();
}

/** Marks an email sent; `bodyText` replaces the stored body (what the log keeps once it went out). */
export async function markEmailSent(
  db: DbOrTx,
  id: string,
  result: { messageId: string | null; at: Date; bodyText?: string },
) {
  await db
    .update(emails)
    .set({
      status: "SENT",
      sentAt: result.at,
      messageId: result.messageId,
      lastError: null,
      ...(result.bodyText === undefined ? {} : { bodyText: result.bodyText }),
    })
    .where(eq(emails.id, id));
}

export async function markEmailFailed(db: DbOrTx, id: string, result: { error: string; retryAt: Date | null }) {
  await db
    .update(emails)
    .set(
      result.retryAt
        ? { lastError: result.error, nextAttemptAt: result.retryAt }
        : { lastError: result.error, status: "FAILED" },
    )
    .where(eq(emails.id, id));
}

/** Users on the daily digest whose last digest is older than `before` (or who never had one). */
export async function findDigestRecipients(db: DbOrTx, before: Date) {
  return db
    .select({ id: authUsers.id, name: authUsers.name, email: authUsers.email, kind: authUsers.kind })
    .from(notificationPreferences)
    .innerJoin(authUsers, eq(authUsers.id, notificationPreferences.userId))
    .where(
      and(
        eq(notificationPreferences.email, "DAILY"),
        or(isNull(notificationPreferences.lastDigestAt), lt(notificationPreferences.lastDigestAt, before)),
      ),
    );
}

export async function findUndigestedNotifications(db: DbOrTx, recipientId: string, until: Date) {
  return db
    .select({
      id: notifications.id,
      title: notifications.title,
      body: notifications.body,
      orderId: notifications.orderId,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .where(
      and(
        eq(notifications.recipientId, recipientId),
        isNull(notifications.digestedAt),
        lte(notifications.createdAt, until),
      ),
    )
    .orderBy(asc(notifications.createdAt));
}

export async function markDigested(db: DbOrTx, recipientId: string, ids: string[], at: Date) {
  if (ids.length > 0) {
    await db.update(notifications).set({ digestedAt: at }).where(inArray(notifications.id, ids));
  }
  await db
    .update(notificationPreferences)
    .set({ lastDigestAt: at })
    .where(eq(notificationPreferences.userId, recipientId));
}

export async function insertMailCapture(db: DbOrTx, row: typeof mailCaptures.$inferInsert) {
  const [inserted] = await db.insert(mailCaptures).values(row).returning({ id: mailCaptures.id });
  return inserted;
}

export async function findMailCaptures(db: DbOrTx, where: { limit: number; offset: number; to?: string }) {
  const filter = where.to ? sql`${where.to} = any(${mailCaptures.toAddresses})` : undefined;
  const [rows, total] = await Promise.all([
    db
      .select()
      .from(mailCaptures)
      .where(filter)
      .orderBy(desc(mailCaptures.receivedAt), desc(mailCaptures.id))
      .limit(where.limit)
      .offset(where.offset),
    db.select({ total: count() }).from(mailCaptures).where(filter),
  ]);
  return { rows, total: total[0]?.total ?? 0 };
}

export async function findEmailsTo(db: DbOrTx, toAddress: string) {
  return db.select().from(emails).where(eq(emails.toAddress, toAddress)).orderBy(desc(emails.createdAt));
}
