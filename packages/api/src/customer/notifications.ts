import { notificationsRouter } from "../notifications-procedures";
import { customerProcedure } from "../trpc";

export const customerNotificationsRouter = notificationsRouter(
  customerProcedure.use(({ ctx, next }) =>
    next({ ctx: { recipient: { userId: ctx.user.userId, kind: "customer" as const } } }),
  ),
);
