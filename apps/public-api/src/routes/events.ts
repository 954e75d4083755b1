import { createRoute, z } from "@hono/zod-openapi";
import { listAccountEvents, webhookEventTypes } from "@portway/services";
import type { ApiRouter } from "../context";
import { problemResponses } from "../problem";
import { wire } from "../schemas";

const json = <T extends z.ZodType>(schema: T) => ({ content: { "application/json": { schema } } });

const eventSchema = z
  .object({
    id: z.string().openapi({ description: "The event ID: the webhook-id header of its deliveries" }),
    type: z.enum(webhookEventTypes),
    orderId: z.string().nullable(),
    occurredAt: z.string().openapi({ format: "date-time" }),
    payload: z.record(z.string(), z.unknown()).openapi({ description: "The body its webhooks carry" }),
  })
  .openapi("Event");

const eventPageSchema = z
  .object({
    data: z.array(eventSchema),
    nextCursor: z
      .string()
      .nullable()
      .openapi({ description: "Pass as cursor for the next (older) page; null at the end" }),
  })
  .openapi("EventPage");

const eventQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional().openapi({ description: "nextCursor of the previous page" }),
  type: z.enum(webhookEventTypes).optional().openapi({ description: "Only events of this type" }),
  orderId: z.uuid().optional().openapi({ description: "Only the events of this order" }),
});

/** The account's event log: what its webhooks carry, kept to read back and to replay (per endpoint). */
export function registerEventRoutes(app: ApiRouter) {
  app.openapi(
    createRoute({
      method: "get",
      path: "/v1/events",
      tags: ["Webhooks"],
      summary: "The account's event log, newest first",
      description:
        "Every event recorded for the account's webhook endpoints, with the payload they carry, newest first; follow nextCursor for older events (events recorded meanwhile never shift a page). Replay one to an endpoint with POST /v1/webhook-endpoints/{endpointId}/events/{eventId}/replay.",
      request: { query: eventQuery },
      responses: { 200: { description: "A page of events", ...json(eventPageSchema) }, ...problemResponses() },
    }),
    async (c) => {
      const { db } = c.get("runtime");
      const query = c.req.valid("query");
      const page = await listAccountEvents(db, c.get("caller"), query);
      return c.json(
        wire(eventPageSchema, {
          data: page.data.map((e) => ({ ...e, occurredAt: e.occurredAt.toISOString() })),
          nextCursor: page.nextCursor,
        }),
        200,
      );
    },
  );
}
