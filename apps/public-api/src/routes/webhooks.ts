import { createRoute, z } from "@hono/zod-openapi";
import {
  createWebhookEndpoint,
  getWebhookEndpoint,
  getWebhookEventPayload,
  listWebhookEndpoints,
  replayWebhookEvent,
  webhookDeliveryLog,
  webhookEndpointInput,
  webhookEventDescriptions,
  webhookEventTypes,
} from "@portway/services";
import type { ApiRouter } from "../context";
import { problemResponses } from "../problem";
import { wire } from "../schemas";

const json = <T extends z.ZodType>(schema: T) => ({ content: { "application/json": { schema } } });
const uuidParam = (name: string, description: string) => z.uuid().openapi({ param: { name, in: "path" }, description });
const endpointParams = z.object({ endpointId: uuidParam("endpointId", "Webhook endpoint ID") });
const instant = z.string().openapi({ format: "date-time" });

const endpointSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    description: z.string(),
    eventTypes: z.array(z.enum(webhookEventTypes)),
    enabled: z.boolean(),
    createdAt: instant,
  })
  .openapi("WebhookEndpoint");

const deliverySchema = z
  .object({
    id: z.string(),
    eventId: z.string(),
    status: z.string(),
    attempts: z.int(),
    attemptLog: z.array(
      z.object({
        attempt: z.int(),
        at: instant,
        statusCode: z.int().nullable(),
        durationMs: z.int().nullable(),
        error: z.string().nullable(),
      }),
    ),
  })
  .openapi("WebhookDelivery");

const deliveryPageSchema = z.object({ data: z.array(deliverySchema), hasMore: z.boolean() });

export function registerWebhookRoutes(app: ApiRouter) {
  app.openapi(
    createRoute({
      method: "get",
      path: "/v1/webhook-event-types",
      tags: ["Webhooks"],
      summary: "Event types an endpoint can subscribe to",
      responses: {
        200: {
          description: "Event types",
          ...json(z.object({ data: z.array(z.object({ type: z.enum(webhookEventTypes), description: z.string() })) })),
        },
        ...problemResponses(),
      },
    }),
    (c) =>
      c.json({ data: webhookEventTypes.map((type) => ({ type, description: webhookEventDescriptions[type] })) }, 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/v1/webhook-endpoints",
      tags: ["Webhooks"],
      summary: "The account's webhook endpoints",
      description: "For admin API keys (a member key answers 403). The signing secrets are never listed.",
      responses: {
        200: { description: "Endpoints", ...json(z.object({ data: z.array(endpointSchema) })) },
        ...problemResponses(403),
      },
    }),
    async (c) => {
      const { db } = c.get("runtime");
      return c.json(
        wire(z.object({ data: z.array(endpointSchema) }), {
          data: await listWebhookEndpoints(db, c.get("caller").user),
        }),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/v1/webhook-endpoints",
      tags: ["Webhooks"],
      summary: "Add a webhook endpoint",
      description:
        "For admin API keys (a member key answers 403). The answer carries the endpoint's signing secret: the only time it is shown, so store it.",
      request: { body: { required: true, ...json(webhookEndpointInput) } },
      responses: {
        201: { description: "Created", ...json(z.object({ id: z.string(), secret: z.string() })) },
        ...problemResponses(403),
      },
    }),
    async (c) => {
      const { db, clock } = c.get("runtime");
      const created = await createWebhookEndpoint(db, clock, c.get("caller").user, c.req.valid("json"));
      return c.json(created as unknown as { id: string; secret: string }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/v1/webhook-endpoints/{endpointId}",
      tags: ["Webhooks"],
      summary: "One webhook endpoint",
      description: "For admin API keys (a member key answers 403); without its signing secret.",
      request: { params: endpointParams },
      responses: { 200: { description: "The endpoint", ...json(endpointSchema) }, ...problemResponses(403, 404) },
    }),
    async (c) => {
      const { db } = c.get("runtime");
      const endpoint = await getWebhookEndpoint(db, c.get("caller").user, {
        endpointId: c.req.valid("param").endpointId,
      });
      return c.json(wire(endpointSchema, endpoint), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/v1/webhook-endpoints/{endpointId}/deliveries",
      tags: ["Webhooks"],
      summary: "An endpoint's deliveries, newest first, with every attempt",
      description: "For admin API keys (a member key answers 403).",
      request: {
        params: endpointParams,
        query: z.object({
          page: z.coerce.number().int().min(0).default(0),
          pageSize: z.coerce.number().int().min(1).max(100).default(25),
        }),
      },
      responses: {
        200: {
          description: "Deliveries",
          ...json(deliveryPageSchema),
        },
        ...problemResponses(403, 404),
      },
    }),
    async (c) => {
      const { db } = c.get("runtime");
      const log = await webhookDeliveryLog(db, c.get("caller").user, {
        endpointId: c.req.valid("param").endpointId,
        ...c.req.valid("query"),
      });
      return c.json(wire(deliveryPageSchema, { data: log.items, hasMore: log.hasMore }), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/v1/webhook-endpoints/{endpointId}/events/{eventId}/replay",
      tags: ["Webhooks"],
      summary: "Deliver an event to the endpoint again",
      description: "For admin API keys (a member key answers 403).",
      request: {
        params: endpointParams.extend({ eventId: uuidParam("eventId", "Event ID") }),
      },
      responses: {
        202: { description: "Queued", ...json(z.object({ eventId: z.string(), deliveryId: z.string().nullable() })) },
        ...problemResponses(403, 404),
      },
    }),
    async (c) => {
      const { db, clock } = c.get("runtime");
      const replayed = await replayWebhookEvent(db, clock, c.get("caller").user, c.req.valid("param"));
      return c.json(replayed as unknown as { eventId: string; deliveryId: string | null }, 202);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/v1/events/{eventId}",
      tags: ["Webhooks"],
      summary: "One event's payload, as it was delivered",
      request: { params: z.object({ eventId: uuidParam("eventId", "Event ID") }) },
      responses: {
        200: {
          description: "The event",
          ...json(z.object({ id: z.string(), type: z.string(), payload: z.record(z.string(), z.unknown()) })),
        },
        ...problemResponses(404),
      },
    }),
    async (c) => {
      const { db } = c.get("runtime");
      const event = await getWebhookEventPayload(db, c.get("caller").user, { eventId: c.req.valid("param").eventId });
      return c.json(event as { id: string; type: string; payload: Record<string, unknown> }, 200);
    },
  );
}
