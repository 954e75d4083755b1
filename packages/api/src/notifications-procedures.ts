import {
  emailPreferenceInput,
  getEmailPreference,
  listNotifications,
  markNotificationsReadFor,
  markReadInput,
  notificationListInput,
  type Recipient,
  setEmailPreference,
  unreadNotificationCount,
} from "@portway/services";
import type { TRPCProcedureBuilder, TRPCUnsetMarker } from "@trpc/server";
import { type Context, router } from "./trpc";

/** A signed-in procedure whose context names who the notifications are for. */
export type RecipientProcedure = TRPCProcedureBuilder<
  Context,
  object,
  { recipient: Recipient },
  TRPCUnsetMarker,
  TRPCUnsetMarker,
  TRPCUnsetMarker,
  TRPCUnsetMarker,
  false
>;

/**
 * The notification inbox and email preference of the signed-in user, the same in both portals: each portal passes
 * its own signed-in procedure with the recipient in the context.
 */
export function notificationsRouter(procedure: RecipientProcedure) {
  return router({
    list: procedure
      .input(notificationListInput)
      .query(({ ctx, input }) => listNotifications(ctx.db, ctx.recipient, input)),
    unreadCount: procedure.query(({ ctx }) => unreadNotificationCount(ctx.db, ctx.recipient)),
    markRead: procedure
      .input(markReadInput)
      .mutation(({ ctx, input }) => markNotificationsReadFor(ctx.db, ctx.clock, ctx.recipient, input)),
    preference: procedure.query(({ ctx }) => getEmailPreference(ctx.db, ctx.recipient)),
    setPreference: procedure
      .input(emailPreferenceInput)
      .mutation(({ ctx, input }) => setEmailPreference(ctx.db, ctx.clock, ctx.recipient, input)),
  });
}
