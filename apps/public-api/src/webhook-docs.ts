import { z } from "@hono/zod-openapi";
import { webhookEventDescriptions, webhookEventTypes } from "@portway/services";
import type { ApiRouter } from "./context";
import { orderStatusSchema } from "./schemas";

const instant = z.string().openapi({ format: "date-time" });

/** The order as every order event carries it: enough to act without fetching it again. */
const webhookOrderSchema = z
  .object({
    id: z.string(),
    status: orderStatusSchema,
    portType: z.string().nullable(),
    pon: z.string().nullable(),
    focAt: instant.nullable(),
    customerReference: z.string().nullable(),
    version: z.int(),
    tnCount: z.int(),
    tns: z.array(z.object({ tn: z.string(), status: z.string(), excludedReason: z.string().nullable() })),
    rejections: z.array(z.object({ code: z.string(), reason: z.string(), title: z.string(), text: z.string() })),
    updatedAt: instant,
  })
  .openapi("WebhookOrder");

const dataByType: Record<(typeof webhookEventTypes)[number], z.ZodType> = {
  "order.status_changed": z.object({
    order: webhookOrderSchema,
    change: z.object({ event: z.string(), from: orderStatusSchema, to: orderStatusSchema }),
  }),
  "order.rejected": z.object({ order: webhookOrderSchema }).passthrough(),
  "order.foc": z.object({ order: webhookOrderSchema }).passthrough(),
  "order.note_added": z.object({
    order: webhookOrderSchema,
    note: z.object({ id: z.string(), body: z.string(), source: z.string(), author: z.string().nullable() }),
  }),
  "ticket.replied": z
    .object({
      order: webhookOrderSchema.optional(),
      ticket: z.object({
        id: z.string(),
        subject: z.string(),
        status: z.string(),
        message: z.object({ body: z.string(), author: z.string().nullable(), at: instant }),
      }),
    })
    .passthrough(),
  "manual_request.resolved": z.object({ order: webhookOrderSchema.optional() }).passthrough(),
  "loa.signed": z.object({
    order: webhookOrderSchema.optional(),
    draftId: z.string().optional(),
    loa: z.object({
      documentId: z.string(),
      signingRequestId: z.string(),
      signedBy: z.string(),
      signedAt: instant,
      unsignedSha256: z.string(),
    }),
  }),
};

const signatureHeaders = z.object({
  "webhook-id": z.string().openapi({ description: "Standard Webhooks: the event's ID (the same on every retry)" }),
  "webhook-timestamp": z.string().openapi({ description: "Standard Webhooks: unix seconds of this attempt" }),
  "webhook-signature": z.string().openapi({
    description:
      "Standard Webhooks: `v1,<base64 HMAC-SHA256 of id.timestamp.body>` with the endpoint's whsec_ secret; verify with any standardwebhooks library.",
  }),
});

/** The document's `webhooks` section: one entry per event type, with its payload and signature headers. */
export function registerWebhookDocs(app: ApiRouter) {
  for (const type of webhookEventTypes) {
    const name = `Webhook_${type.replace(/[^a-z]+/g, "_")}`;
    app.openAPIRegistry.registerWebhook({
      method: "post",
      path: type,
      summary: type,
      description: webhookEventDescriptions[type],
      tags: ["Webhooks"],
      request: {
        headers: signatureHeaders,
        body: {
          required: true,
          content: {
            "application/json": {
              schema: z
                .object({
                  id: z.string(),
                  type: z.literal(type),
                  occurredAt: instant,
                  accountId: z.string(),
                  data: dataByType[type],
                })
                .openapi(name),
            },
          },
        },
      },
      responses: { 200: { description: "Any 2xx acknowledges the event; anything else is retried." } },
    });
  }
}
