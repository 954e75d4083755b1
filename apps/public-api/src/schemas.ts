import { z } from "@hono/zod-openapi";
import {
  CUSTOMER_ACTIONS,
  DOCUMENT_KINDS,
  ORDER_STATUSES,
  orderDraftSchema,
  PORT_TYPES,
  SUPP_TYPES,
} from "@portway/domain";

/**
 * The wire shapes the API answers with. Requests use the domain's and the services' own zod schemas; these describe
 * what the services return, so the document and a generated client agree with the server.
 */
const instant = z.string().openapi({ format: "date-time" });
const nullableInstant = instant.nullable();

export const orderStatusSchema = z.enum(ORDER_STATUSES).openapi("OrderStatus");
export const portTypeSchema = z.enum(PORT_TYPES).openapi("PortType");
const issueSchema = z.object({ field: z.string().nullable(), code: z.string(), message: z.string() });

export const checkedNumberSchema = z
  .object({
    tn: z.string().nullable(),
    input: z.string(),
    valid: z.boolean(),
    invalidReason: z.object({ code: z.string(), message: z.string() }).nullable(),
    portable: z.boolean(),
    notPortableReason: z.object({ code: z.string(), message: z.string() }).nullable(),
    onNet: z.boolean().nullable(),
    carrier: z.object({ name: z.string(), spid: z.string(), type: z.string() }).nullable(),
    rateCenter: z.object({ name: z.string(), state: z.string(), lata: z.string(), timeZone: z.string() }).nullable(),
    requiresAccountNumber: z.boolean(),
    requiresPin: z.boolean(),
    portType: portTypeSchema.nullable(),
    earliestFocDate: z.string().nullable(),
    activeOrderId: z.string().nullable(),
  })
  .openapi("CheckedNumber");

export const portabilityCheckSchema = z
  .object({
    numbers: z.array(checkedNumberSchema),
    warnings: z.array(z.object({ input: z.string(), code: z.string(), message: z.string() })),
    summary: z.object({
      entered: z.int(),
      valid: z.int(),
      invalid: z.int(),
      portable: z.int(),
      notPortable: z.int(),
      onNet: z.int(),
      offNet: z.int(),
    }),
    grouping: z.object({
      orders: z.array(
        z.object({
          carrierSpid: z.string(),
          carrierName: z.string().nullable(),
          carrierType: z.string().nullable(),
          onNet: z.boolean(),
          portType: portTypeSchema,
          tnCount: z.int(),
          tns: z.array(z.string()),
          requiresAccountNumber: z.boolean(),
          requiresPin: z.boolean(),
          earliestFocDate: z.string(),
        }),
      ),
      totalTns: z.int(),
      errors: z.array(issueSchema),
    }),
  })
  .openapi("PortabilityCheck");

export const orderSummarySchema = z
  .object({
    id: z.string(),
    status: orderStatusSchema,
    portType: z.string().nullable(),
    pon: z.string().nullable(),
    tnCount: z.int().optional(),
  })
  .openapi("OrderRef");

export const riskWarningSchema = z
  .object({
    field: z
      .string()
      .openapi({ description: "The order field the losing carrier often rejects (e.g. serviceAddress)" }),
    reason: z.string().openapi({ description: "The canonical rejection reason" }),
    source: z.enum(["HISTORY", "RULE"]).openapi({
      description: "HISTORY: from the carrier's last 90 days of our orders; RULE: the carrier's data predicts it",
    }),
    carrierName: z.string(),
    rate: z.number().nullable().openapi({ description: "Share of the sample rejected for this reason (HISTORY)" }),
    sample: z.int().nullable().openapi({ description: "Orders in the sample (HISTORY)" }),
    message: z.string(),
  })
  .openapi("RiskWarning", {
    description: "A rejection-risk warning: never an error, the order was submitted (the same as the portal's wizard)",
  });

export const submissionResultSchema = z
  .object({
    portRequestId: z.string(),
    created: z.boolean(),
    orders: z.array(orderSummarySchema),
    riskWarnings: z.array(riskWarningSchema),
  })
  .openapi("PortRequest");

export const draftSchema = z
  .object({
    draftId: z.string(),
    version: z.int(),
    data: orderDraftSchema,
  })
  .openapi("Draft");

export const orderListRowSchema = z
  .object({
    id: z.string(),
    portRequestId: z.string().nullable(),
    status: orderStatusSchema,
    portType: portTypeSchema.nullable(),
    pon: z.string().nullable(),
    customerReference: z.string().nullable(),
    btn: z.string().nullable(),
    tnCount: z.int(),
    requestedFocAt: nullableInstant,
    focAt: nullableInstant,
    suppPending: z.boolean(),
    createdAt: instant,
    updatedAt: instant,
  })
  .openapi("PortInListItem");

export const orderPageSchema = z
  .object({
    data: z.array(orderListRowSchema),
    total: z.int(),
    totalCapped: z.boolean(),
    nextCursor: z.string().nullable(),
  })
  .openapi("PortInPage");

const historyEntrySchema = z.object({
  id: z.union([z.string(), z.int()]),
  version: z.int(),
  at: instant,
  actorKind: z.string(),
  event: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  reason: z.string().nullable(),
  changes: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })),
});
export const historySchema = z.object({ data: z.array(historyEntrySchema) }).openapi("History");

const noteSchema = z.object({
  id: z.string(),
  visibility: z.string(),
  source: z.string(),
  authorName: z.string().nullable(),
  body: z.string(),
  createdAt: instant,
});
export const noteViewSchema = noteSchema.openapi("Note");
export const notesSchema = z.object({ data: z.array(noteSchema) }).openapi("Notes");

const documentSchema = z.object({
  id: z.string(),
  kind: z.enum(DOCUMENT_KINDS),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.int(),
  signedAt: nullableInstant,
  createdAt: instant,
});
export const documentViewSchema = documentSchema.openapi("Document");
export const documentsSchema = z.object({ data: z.array(documentSchema) }).openapi("Documents");

const ticketSchema = z.object({
  id: z.string(),
  subject: z.string(),
  status: z.string(),
  createdAt: instant,
  updatedAt: instant,
  messages: z.array(
    z.object({
      id: z.string(),
      authorKind: z.string(),
      authorName: z.string().nullable(),
      body: z.string(),
      createdAt: instant,
    }),
  ),
});
export const ticketViewSchema = ticketSchema.openapi("Ticket");
export const ticketsSchema = z.object({ data: z.array(ticketSchema) }).openapi("Tickets");

export const portInSchema = z
  .object({
    id: z.string(),
    portRequestId: z.string().nullable(),
    status: orderStatusSchema,
    portType: portTypeSchema.nullable(),
    pon: z.string().nullable(),
    version: z.int().openapi({ description: "The order's version; its ETag is this number in quotes." }),
    customerReference: z.string().nullable(),
    focAt: nullableInstant,
    requestedFocAt: nullableInstant,
    shortNoticeCutoff: z.string().nullable(),
    supp: z
      .object({ type: z.enum(SUPP_TYPES) })
      .passthrough()
      .nullable(),
    activationDueAt: nullableInstant,
    activationHeld: z.boolean(),
    onNet: z.boolean().nullable(),
    carrier: z.object({ name: z.string(), spid: z.string(), type: z.string() }).nullable(),
    createdAt: instant,
    updatedAt: instant,
    details: orderDraftSchema.extend({ pin: z.string().nullable().optional() }),
    actions: z.array(
      z.object({
        action: z.enum(CUSTOMER_ACTIONS),
        allowed: z.boolean(),
        reason: z.string().nullable(),
        manual: z.boolean(),
      }),
    ),
    tns: z.array(
      z.object({
        tn: z.string(),
        status: z.string(),
        excludedReason: z.string().nullable(),
        activatedAt: nullableInstant,
      }),
    ),
    rejections: z.array(
      z.object({
        id: z.union([z.string(), z.int()]),
        code: z.string(),
        reason: z.string(),
        receivedAt: instant,
        resolvedAt: nullableInstant,
      }),
    ),
  })
  .openapi("PortIn");

export const actionResultSchema = z
  .object({ id: z.string(), status: orderStatusSchema, version: z.int() })
  .openapi("ActionResult");

export const focOptionsSchema = z
  .object({
    now: instant,
    portType: portTypeSchema,
    dates: z.array(z.string()),
    earliest: z.string(),
    latest: z.string(),
    window: z.object({ from: z.string(), to: z.string() }).nullable(),
    times: z.array(z.object({ time: z.string(), outsideSupportHours: z.boolean() })),
    supportHours: z.object({ from: z.string(), to: z.string() }),
  })
  .openapi("FocOptions");

/**
 * What a service returned, as the schema that documents it: dates travel as ISO strings and the services' string
 * columns hold the schema's enum values. The document, not this cast, is the contract the tests check.
 */
export function wire<S extends z.ZodType>(_schema: S, value: unknown): z.infer<S> {
  return value as z.infer<S>;
}
