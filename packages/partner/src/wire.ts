import { DEFAULT_PORT_LIMITS, PARTNER_FIELD_LIMITS } from "@portway/domain";
import { z } from "zod";

/**
 * Building blocks shared by the partner's requests, responses and callbacks. Field limits and TN counts are the
 * domain's (one table, PARTNER_FIELD_LIMITS and DEFAULT_PORT_LIMITS), under the names the wire uses.
 */
export const partnerFieldLimits = {
  businessName: PARTNER_FIELD_LIMITS["subscriber.businessName"],
  firstName: PARTNER_FIELD_LIMITS["subscriber.firstName"],
  lastName: PARTNER_FIELD_LIMITS["subscriber.lastName"],
  authorizingPerson: PARTNER_FIELD_LIMITS.loaAuthorizingPerson,
  accountNumber: PARTNER_FIELD_LIMITS.accountNumber,
  pin: PARTNER_FIELD_LIMITS.pin,
  houseNumber: PARTNER_FIELD_LIMITS["serviceAddress.houseNumber"],
  streetName: PARTNER_FIELD_LIMITS["serviceAddress.street"],
  unit: PARTNER_FIELD_LIMITS["serviceAddress.unit"],
  city: PARTNER_FIELD_LIMITS["serviceAddress.city"],
  clientOrderId: 64,
  idempotencyKey: 200,
  automatedMaxTns: DEFAULT_PORT_LIMITS.offNetAutomatedMax,
  onNetMaxTns: DEFAULT_PORT_LIMITS.onNetAutomatedMax,
} as const;

/** A NANP number as the partner wants it: 10 digits, NPA and NXX not starting with 0 or 1. */
export const tenDigitTnSchema = z.string().regex(/^[2-9]\d{2}[2-9]\d{6}$/, "a 10-digit NANP number such as 2025550123");
export type TenDigitTn = z.infer<typeof tenDigitTnSchema>;

/** An ISO 8601 instant with an explicit offset (`2026-03-12T15:30:00.000Z`). */
export const instantSchema = z.iso.datetime({ offset: true });

export const portTypeSchema = z.enum(["ON_NET", "AUTOMATED"]);
export type PartnerPortType = z.infer<typeof portTypeSchema>;

export const carrierTypeSchema = z.enum(["WIRELINE", "WIRELESS", "VOIP"]);
export type CarrierType = z.infer<typeof carrierTypeSchema>;

export const losingCarrierSchema = z.object({
  /** NPAC service provider ID: 4 characters, digits or capital letters (X000-X999 are reseller surrogates). */
  spid: z.string().regex(/^[0-9A-Z]{4}$/, "a 4-character SPID such as 6214"),
  name: z.string().min(1).max(60),
  type: carrierTypeSchema,
});
export type LosingCarrier = z.infer<typeof losingCarrierSchema>;

export const serviceAddressSchema = z.object({
  houseNumber: z.string().trim().min(1).max(partnerFieldLimits.houseNumber),
  streetName: z.string().trim().min(1).max(partnerFieldLimits.streetName),
  unit: z.string().trim().max(partnerFieldLimits.unit).nullable(),
  city: z.string().trim().min(1).max(partnerFieldLimits.city),
  state: z.string().regex(/^[A-Z]{2}$/, "a 2-letter state code"),
  zip: z.string().regex(/^\d{5}(-\d{4})?$/, "a 5-digit ZIP, optionally ZIP+4"),
});
export type ServiceAddress = z.infer<typeof serviceAddressSchema>;

export const subscriberSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("BUSINESS"),
    businessName: z.string().trim().min(1).max(partnerFieldLimits.businessName),
  }),
  z.object({
    type: z.literal("RESIDENTIAL"),
    firstName: z.string().trim().min(1).max(partnerFieldLimits.firstName),
    lastName: z.string().trim().min(1).max(partnerFieldLimits.lastName),
  }),
]);
export type Subscriber = z.infer<typeof subscriberSchema>;

/** Account number and PIN always travel together (a SUPP that changes one sends both). */
export const accountCredentialsSchema = z.object({
  accountNumber: z.string().trim().min(1).max(partnerFieldLimits.accountNumber).nullable(),
  pin: z.string().trim().min(1).max(partnerFieldLimits.pin).nullable(),
});
export type AccountCredentials = z.infer<typeof accountCredentialsSchema>;

export const tnListSchema = z
  .array(tenDigitTnSchema)
  .min(1)
  .max(partnerFieldLimits.onNetMaxTns)
  .refine((tns) => new Set(tns).size === tns.length, "TNs must not repeat");

/** The partner's synchronous error body: `{ error: { code, message } }`. */
export const partnerErrorCodeSchema = z.enum([
  "VALIDATION_FAILED",
  "UNAUTHORIZED",
  "NOT_FOUND",
  "IDEMPOTENCY_KEY_REQUIRED",
  "IDEMPOTENCY_KEY_REUSED",
  "INVALID_STATE",
  "SUPP_IN_FLIGHT",
  "TOO_EARLY",
  "INTERNAL",
  "UNAVAILABLE",
]);
export type PartnerErrorCode = z.infer<typeof partnerErrorCodeSchema>;

export const partnerErrorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
export type PartnerErrorBody = z.infer<typeof partnerErrorBodySchema>;
