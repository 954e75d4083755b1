import { notificationsRouter } from "../notifications-procedures";
import { staffProcedure } from "../trpc";

export const adminNotificationsRouter = notificationsRouter(
  staffProcedure.use(({ ctx, next }) =>
    next({ ctx: { recipient: { userId: ctx.staff.userId, kind: "staff" as const } } }),
  ),
);
