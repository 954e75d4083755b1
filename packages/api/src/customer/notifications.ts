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
import { customerProcedure, router } from "../trpc";

const me = (ctx: { user: { userId: string } }) => ({ userId: ctx.user.userId, kind: "customer" as const });

export const customerNotificationsRouter = router({
  list: customerProcedure
    .input(notificationListInput)
    .query(({ ctx, input }) => listNotifications(ctx.db, me(ctx), input)),
  unreadCount: customerProcedure.query(({ ctx }) => unreadNotificationCount(ctx.db, me(ctx))),
  markRead: customerProcedure
    .input(markReadInput)
    .mutation(({ ctx, input }) => markNotificationsReadFor(ctx.db, ctx.clock, me(ctx), input)),
  preference: customerProcedure.query(({ ctx }) => getEmailPreference(ctx.db, me(ctx))),
  setPreference: customerProcedure
    .input(emailPreferenceInput)
    .mutation(({ ctx, input }) => setEmailPreference(ctx.db, ctx.clock, me(ctx), input)),
});
