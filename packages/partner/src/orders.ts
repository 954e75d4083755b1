import { checkSuppChange, SUPP_CHANGE_RULE } from "@portway/domain";
import { z } from "zod";
import { partnerEventSchema } from "./events";
import {
  accountCredentialsSchema,
  instantSchema,
  losingCarrierSchema,
  partnerFieldLimits,
  portTypeSchema,
  serviceAddressSchema,
  subscriberSchema,
  tenDigitTnSchema,
  tnListSchema,
} from "./wire";

/**
 * Partner order IDs. AUTOMATED orders get the partner's 9-digit parent order ID (it becomes Portway's PON).
 * ON_NET orders go to the losing carrier, which answers with its own LSR reference: `ON` + the carrier's
 * 4-character SPID + `-` + 7 digits, e.g. `ON6214-0000042` (14 characters, fits a 16-character PON).
 */
export const automatedOrderIdSchema = z.string().regex(/^\d{9}$/);
export const onNetOrderIdSchema = z.string().regex(/^ON[0-9A-Z]{4}-\d{7}$/);
export const partnerOrderIdSchema = z.union([automatedOrderIdSchema, onNetOrderIdSchema]);
export type PartnerOrderId = z.infer<typeof partnerOrderIdSchema>;

/** POST /v1/orders, with the `idempotency-key` header. */
export const createOrderRequestSchema = z
  .object({
    portType: portTypeSchema,
    /** Portway's own order ID, echoed in every callback so a callback can be routed without a lookup. */
    clientOrderId: z.string().min(1).max(partnerFieldLimits.clientOrderId).nullable().default(null),
    tns: tnListSchema,
    btn: tenDigitTnSchema,
    partialPort: z.boolean(),
    replacementBtn: tenDigitTnSchema.nullable(),
    subscriber: subscriberSchema,
    accountNumber: accountCredentialsSchema.shape.accountNumber,
    pin: accountCredentialsSchema.shape.pin,
    serviceAddress: serviceAddressSchema,
    authorizingPerson: z.string().trim().min(1).max(partnerFieldLimits.authorizingPerson),
    requestedFocAt: instantSchema,
    onDemandActivation: z.boolean(),
    losingCarrier: losingCarrierSchema,
    callbackUrl: z.url({ protocol: /^https?$/ }),
  })
  .refine((order) => order.portType === "ON_NET" || order.tns.length <= partnerFieldLimits.automatedMaxTns, {
    message: `an AUTOMATED order holds at most ${partnerFieldLimits.automatedMaxTns} TNs`,
    path: ["tns"],
  });
export type CreateOrderRequest = z.input<typeof createOrderRequestSchema>;
export type CreateOrderData = z.output<typeof createOrderRequestSchema>;

export const partnerOrderStatusSchema = z.enum([
  "SUBMITTED",
  "REJECTED",
  "FOC",
  "PARTIALLY_ACTIVATED",
  "ACTIVATED",
  "CANCELLED",
]);
export type PartnerOrderStatus = z.infer<typeof partnerOrderStatusSchema>;

export const createOrderResponseSchema = z.object({
  orderId: partnerOrderIdSchema,
  portType: portTypeSchema,
  status: partnerOrderStatusSchema,
  createdAt: instantSchema,
  /** True when this answer replays an earlier request with the same idempotency key. */
  replayed: z.boolean(),
});
export type CreateOrderResponse = z.infer<typeof createOrderResponseSchema>;

/** The fields a CHANGE SUPP (SUP 3) may carry; what it must carry is the domain's rule (checkSuppChange). */
export const orderChangesSchema = z
  .object({
    tns: tnListSchema.optional(),
    btn: tenDigitTnSchema.optional(),
    partialPort: z.boolean().optional(),
    replacementBtn: tenDigitTnSchema.nullable().optional(),
    /** Account number and PIN together, even when only one of them changed. */
    account: accountCredentialsSchema.optional(),
    serviceAddress: serviceAddressSchema.optional(),
    requestedFocAt: instantSchema.optional(),
    /** Portway may lock these (SPEC section 8); the partner accepts them so a name mismatch can be fixed. */
    subscriber: subscriberSchema.optional(),
    authorizingPerson: z.string().trim().min(1).max(partnerFieldLimits.authorizingPerson).optional(),
  })
  .refine((changes) => checkSuppChange(changes) === null, SUPP_CHANGE_RULE.message);
export type OrderChanges = z.infer<typeof orderChangesSchema>;

/** POST /v1/orders/:orderId/supps, with the `idempotency-key` header. */
export const suppRequestSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("CANCEL"), reason: z.string().max(200).nullable().default(null) }),
  z.object({ type: z.literal("RESCHEDULE"), requestedFocAt: instantSchema }),
  z.object({ type: z.literal("CHANGE"), changes: orderChangesSchema }),
]);
export type SuppRequest = z.input<typeof suppRequestSchema>;
export type SuppData = z.output<typeof suppRequestSchema>;
export type SuppType = SuppData["type"];
export const suppTypeSchema = z.enum(["CANCEL", "RESCHEDULE", "CHANGE"]);

export const suppResponseSchema = z.object({
  suppId: z.string().min(1),
  orderId: partnerOrderIdSchema,
  type: suppTypeSchema,
  /** Always PENDING: the answer comes as SUPP_ACCEPTED or SUPP_REJECTED (and CANCELLED for a cancel). */
  status: z.literal("PENDING"),
  receivedAt: instantSchema,
});
export type SuppResponse = z.infer<typeof suppResponseSchema>;

/** POST /v1/orders/:orderId/activate, with the `idempotency-key` header. Without `tns`: every pending TN. */
export const activateRequestSchema = z.object({ tns: z.array(tenDigitTnSchema).min(1).optional() });
export type ActivateRequest = z.infer<typeof activateRequestSchema>;

export const activateResponseSchema = z.object({
  activationId: z.string().min(1),
  orderId: partnerOrderIdSchema,
  /** The TNs this activation will confirm with ACTIVATED callbacks. */
  tns: z.array(tenDigitTnSchema),
  receivedAt: instantSchema,
});
export type ActivateResponse = z.infer<typeof activateResponseSchema>;

export const partnerTnStatusSchema = z.object({
  tn: tenDigitTnSchema,
  status: z.enum(["PENDING", "ACTIVATED"]),
  activatedAt: instantSchema.nullable(),
});

/** GET /v1/orders/:orderId: the partner's view for reconciliation, with every event emitted so far. */
export const partnerOrderSchema = z.object({
  orderId: partnerOrderIdSchema,
  clientOrderId: z.string().nullable(),
  portType: portTypeSchema,
  status: partnerOrderStatusSchema,
  focAt: instantSchema.nullable(),
  suppInFlight: z.object({ suppId: z.string(), type: suppTypeSchema }).nullable(),
  tns: z.array(partnerTnStatusSchema),
  /** The order data as the partner holds it now (after accepted CHANGE and RESCHEDULE SUPPs). */
  order: createOrderRequestSchema,
  createdAt: instantSchema,
  updatedAt: instantSchema,
  /** Highest sequence emitted so far (0 when none). */
  lastSequence: z.number().int().min(0),
  /** Every event emitted so far, in sequence order, including those whose callback was never delivered. */
  events: z.array(partnerEventSchema),
});
export type PartnerOrder = z.infer<typeof partnerOrderSchema>;
