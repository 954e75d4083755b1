import {
  emailPreferenceInput,
  getEmailPreference,
  listNotifications,
  markNotificationsReadFor,
  markReadInput,
  notificationListInput,
  setEmailPreference,
  unreadNotificationCount,
} from "@portway/services";
import { router, staffProcedure } from "../trpc";

const me = (ctx: { staff: { userId: string } }) => ({ userId: ctx.staff.userId, kind: "staff" as const });

export const adminNotificationsRouter = router({
  list: staffProcedure
    .input(notificationListInput)
    .query(({ ctx, input }) => listNotifications(ctx.db, me(ctx), input)),
  unreadCount: staffProcedure.query(({ ctx }) => unreadNotificationCount(ctx.db, me(ctx))),
  markRead: staffProcedure
    .input(markReadInput)
    .mutation(({ ctx, input }) => markNotificationsReadFor(ctx.db, ctx.clock, me(ctx), input)),
  preference: staffProcedure.query(({ ctx }) => getEmailPreference(ctx.db, me(ctx))),
  setPreference: staffProcedure
    .input(emailPreferenceInput)
    .mutation(({ ctx, input }) => setEmailPreference(ctx.db, ctx.clock, me(ctx), input)),
});
