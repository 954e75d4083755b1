import {
  countNotifications,
  type Db,
  emailPreferences,
  findNotificationPreference,
  findNotifications,
  markNotificationsRead,
  upsertNotificationPreference,
} from "@portway/db";
import { idInput } from "@portway/domain";
import { z } from "zod";
import type { Clock } from "../clock";
import { defaultEmailPreference } from "./record";

export const notificationListInput = z.object({
  unreadOnly: z.boolean().default(false),
  page: z.int().min(0).default(0),
  pageSize: z.int().min(1).max(100).default(25),
});
export const markReadInput = z.object({
  ids: z
    .array(idInput("A notification id"))
    .min(1, { message: "Choose at least one notification." })
    .max(500)
    .optional(),
});
export const emailPreferenceInput = z.object({
  email: z.enum(emailPreferences, { message: "Choose immediate, daily digest or off." }),
});

export interface Recipient {
  userId: string;
  kind: "customer" | "staff";
}

/** The signed-in user's notifications, newest first, with the unread count for the bell. */
export async function listNotifications(db: Db, who: Recipient, input: z.infer<typeof notificationListInput>) {
  const [items, counts] = await Promise.all([
    findNotifications(db, {
      recipientId: who.userId,
      unreadOnly: input.unreadOnly,
      limit: input.pageSize,
      offset: input.page * input.pageSize,
    }),
    countNotifications(db, who.userId),
  ]);
  return { items, total: input.unreadOnly ? counts.unread : counts.total, unread: counts.unread };
}

export async function unreadNotificationCount(db: Db, who: Recipient) {
  return (await countNotifications(db, who.userId)).unread;
}

/** Marks some (or, without IDs, all) of the user's notifications read; answers how many changed. */
export async function markNotificationsReadFor(
  db: Db,
  clock: Clock,
  who: Recipient,
  input: z.infer<typeof markReadInput>,
) {
  const changed = await markNotificationsRead(
    db,
    { recipientId: who.userId, ...(input.ids ? { ids: input.ids } : {}) },
    clock.now(),
  );
  return { changed, unread: (await countNotifications(db, who.userId)).unread };
}

export async function getEmailPreference(db: Db, who: Recipient) {
  const row = await findNotificationPreference(db, who.userId);
  return {
    email: row?.email ?? defaultEmailPreference(who.kind),
    isDefault: !row,
    lastDigestAt: row?.lastDigestAt ?? null,
  };
}

export async function setEmailPreference(
  db: Db,
  clock: Clock,
  who: Recipient,
  input: z.infer<typeof emailPreferenceInput>,
) {
  await upsertNotificationPreference(db, who.userId, input.email, clock.now());
  return getEmailPreference(db, who);
}
