import { z } from "zod";
import { instantSchema, portTypeSchema, serviceAddressSchema, subscriberSchema, tenDigitTnSchema } from "./wire";

/**
 * Callbacks. Each POST carries one event as its JSON body. `sequence` starts at 1 and increases by one per
 * order in the order the partner emitted them, so a receiver can apply events in order and spot a gap
 * (then ask GET /v1/orders/:orderId, which lists every event). `eventId` is unique and stays the same when
 * the partner re-delivers, so it is the deduplication key.
 */
const eventBase = {
  eventId: z.string().min(1),
  orderId: z.string().min(1),
  clientOrderId: z.string().nullable(),
  portType: portTypeSchema,
  sequence: z.number().int().min(1),
  occurredAt: instantSchema,
};

/** What the LSP has on file, as pulled by the partner. `rawText` is verbatim; the other fields parse it. */
export const csrSchema = z.object({
  rawText: z.string().min(1),
  accountNumber: z.string().nullable(),
  btn: tenDigitTnSchema,
  /** The billing name as printed on the CSR. */
  accountName: z.string(),
  /** The same name split the way an order carries it, so a CSR value can be adopted in one click. */
  subscriber: subscriberSchema,
  serviceAddress: serviceAddressSchema,
  authorizedName: z.string(),
  /** Working TNs on the account; more than the order holds means a partial port. */
  tns: z.array(tenDigitTnSchema),
});
export type Csr = z.infer<typeof csrSchema>;

export const csrReturnedEventSchema = z.object({ ...eventBase, type: z.literal("CSR_RETURNED"), csr: csrSchema });

export const csrUnavailableEventSchema = z.object({
  ...eventBase,
  type: z.literal("CSR_UNAVAILABLE"),
  reason: z.enum(["NOT_SUPPORTED", "NO_RESPONSE"]),
  rawText: z.string(),
});

export const focEventSchema = z.object({
  ...eventBase,
  type: z.literal("FOC"),
  /** The committed date and time (may be later than requested). */
  focAt: instantSchema,
  /** The FOC date as a calendar date in America/New_York. */
  focDate: z.iso.date(),
  requestedFocAt: instantSchema,
  rawText: z.string(),
});

export const rejectionSchema = z.object({
  /**
   * A code of the domain's PARTNER_REJECTION_CODES (the one taxonomy, with its canonical reasons); kept a plain
   * string so that a code added by the partner still parses.
   */
  code: z.string().min(1),
  rawText: z.string(),
  /** For TN_NOT_PORTABLE: the TNs concerned. */
  tns: z.array(tenDigitTnSchema).optional(),
});
export type Rejection = z.infer<typeof rejectionSchema>;

export const rejectedEventSchema = z.object({
  ...eventBase,
  type: z.literal("REJECTED"),
  rejections: z.array(rejectionSchema).min(1),
});

const suppTypeSchema = z.enum(["CANCEL", "RESCHEDULE", "CHANGE"]);

/** Why a SUPP was refused (SUPP_REJECTED callbacks). Plain strings on the wire, like rejection codes. */
export const suppRejectionCodes = [
  "SUPP_LIMIT_EXCEEDED",
  "DATE_NOT_AVAILABLE",
  "NOT_ALLOWED_AFTER_FOC",
  "OTHER",
] as const;
export type SuppRejectionCode = (typeof suppRejectionCodes)[number];

export const suppAcceptedEventSchema = z.object({
  ...eventBase,
  type: z.literal("SUPP_ACCEPTED"),
  suppId: z.string().min(1),
  suppType: suppTypeSchema,
});

export const suppRejectedEventSchema = z.object({
  ...eventBase,
  type: z.literal("SUPP_REJECTED"),
  suppId: z.string().min(1),
  suppType: suppTypeSchema,
  /** A suppRejectionCodes value, kept a plain string like rejection codes. */
  reason: z.object({ code: z.string().min(1), rawText: z.string() }),
});

export const cancelledEventSchema = z.object({
  ...eventBase,
  type: z.literal("CANCELLED"),
  suppId: z.string().nullable(),
  rawText: z.string(),
});

export const activatedEventSchema = z.object({
  ...eventBase,
  type: z.literal("ACTIVATED"),
  activationId: z.string().min(1),
  /** The TNs this event confirms; one activation may confirm its TNs over several events. */
  tns: z.array(tenDigitTnSchema).min(1),
  activatedAt: instantSchema,
  /** TNs of the order still pending after this event; 0 means the order is fully activated. */
  remainingTns: z.number().int().min(0),
});

export const partnerEventSchema = z.discriminatedUnion("type", [
  csrReturnedEventSchema,
  csrUnavailableEventSchema,
  focEventSchema,
  rejectedEventSchema,
  suppAcceptedEventSchema,
  suppRejectedEventSchema,
  cancelledEventSchema,
  activatedEventSchema,
]);
export type PartnerEvent = z.infer<typeof partnerEventSchema>;
export type PartnerEventType = PartnerEvent["type"];
export type PartnerEventOf<T extends PartnerEventType> = Extract<PartnerEvent, { type: T }>;
export const partnerEventTypes = partnerEventSchema.options.map((option) => option.shape.type.value);

/** Parses a callback body (already JSON-decoded); a failure is a value, with zod's issues. */
export function parsePartnerEvent(body: unknown): { ok: true; event: PartnerEvent } | { ok: false; error: z.ZodError } {
  const result = partnerEventSchema.safeParse(body);
  return result.success ? { ok: true, event: result.data } : { ok: false, error: result.error };
}
