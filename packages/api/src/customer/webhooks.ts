import { idInput } from "@portway/domain";
import {
  createWebhookEndpoint,
  deliveryLogInput,
  endpointEnabledInput,
  endpointRef,
  getWebhookEndpoint,
  getWebhookEventPayload,
  listWebhookEndpoints,
  replayInput,
  replayWebhookEvent,
  rotateWebhookSecret,
  sendWebhookTestEvent,
  setWebhookEndpointEnabled,
  updateWebhookEndpointOf,
  webhookDeliveryLog,
  webhookEndpointInput,
  webhookEndpointUpdateInput,
  webhookEventDescriptions,
  webhookEventTypes,
} from "@portway/services";
import { z } from "zod";
import { customerProcedure, router } from "../trpc";

export const customerWebhooksRouter = router({
  /** The event types an endpoint can subscribe to, with what each means. */
  eventTypes: customerProcedure.query(() =>
    webhookEventTypes.map((type) => ({ type, description: webhookEventDescriptions[type] })),
  ),
  list: customerProcedure.query(({ ctx }) => listWebhookEndpoints(ctx.db, ctx.user)),
  get: customerProcedure.input(endpointRef).query(({ ctx, input }) => getWebhookEndpoint(ctx.db, ctx.user, input)),
  create: customerProcedure
    .input(webhookEndpointInput)
    .mutation(({ ctx, input }) => createWebhookEndpoint(ctx.db, ctx.clock, ctx.user, input)),
  update: customerProcedure
    .input(webhookEndpointUpdateInput)
    .mutation(({ ctx, input }) => updateWebhookEndpointOf(ctx.db, ctx.clock, ctx.user, input)),
  rotateSecret: customerProcedure
    .input(endpointRef)
    .mutation(({ ctx, input }) => rotateWebhookSecret(ctx.db, ctx.clock, ctx.user, input)),
  setEnabled: customerProcedure
    .input(endpointEnabledInput)
    .mutation(({ ctx, input }) => setWebhookEndpointEnabled(ctx.db, ctx.clock, ctx.user, input)),
  sendTest: customerProcedure
    .input(endpointRef)
    .mutation(({ ctx, input }) => sendWebhookTestEvent(ctx.db, ctx.clock, ctx.user, input)),
  replay: customerProcedure
    .input(replayInput)
    .mutation(({ ctx, input }) => replayWebhookEvent(ctx.db, ctx.clock, ctx.user, input)),
  deliveries: customerProcedure
    .input(deliveryLogInput)
    .query(({ ctx, input }) => webhookDeliveryLog(ctx.db, ctx.user, input)),
  event: customerProcedure
    .input(z.object({ eventId: idInput("The event id") }))
    .query(({ ctx, input }) => getWebhookEventPayload(ctx.db, ctx.user, input)),
});
