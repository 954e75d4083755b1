import { z } from "zod";
import {
  addressSchema,
  documentRefSchema,
  e164Schema,
  isoInstantSchema,
  SUBSCRIBER_TYPES,
  subscriberSchema,
  US_STATES,
} from "./common";

/** Hard cap on any TN list on the wire (a port request holds at most 20,000). */
export const MAX_WIRE_TNS = 20_000;

const orderSubmissionShape = {
  tns: z.array(e164Schema).min(1, { message: "Add at least one telephone number." }).max(MAX_WIRE_TNS),
  btn: e164Schema,
  partialPort: z.boolean(),
  replacementBtn: e164Schema.optional(),
  subscriber: subscriberSchema,
  accountNumber: z.string().trim().min(1).optional(),
  pin: z.string().trim().min(1).optional(),
  serviceAddress: addressSchema,
  loaAuthorizingPerson: z.string().trim().min(1, { message: "Authorizing person is required." }),
  requestedFoc: isoInstantSchema.optional(),
  onDemandActivation: z.boolean(),
  customerOrderRef: z.string().trim().min(1, { message: "Customer order reference is required." }).max(64),
  documents: z.array(documentRefSchema),
  notes: z.string().max(4000).optional(),
};

/** A complete port-in order as submitted (form and tRPC input). */
export const orderSubmissionSchema = z.object(orderSubmissionShape);
export type OrderSubmission = z.infer<typeof orderSubmissionSchema>;

/** A draft: saved at every step, so every field may be missing or half-typed; formats are checked at submit. */
export const orderDraftSchema = z.object({
  tns: z.array(z.string().max(32)).max(MAX_WIRE_TNS).optional(),
  btn: z.string().max(32).optional(),
  partialPort: z.boolean().optional(),
  replacementBtn: z.string().max(32).optional(),
  subscriber: z
    .object({
      type: z.enum(SUBSCRIBER_TYPES).optional(),
      businessName: z.string().max(200).optional(),
      firstName: z.string().max(200).optional(),
      lastName: z.string().max(200).optional(),
    })
    .optional(),
  accountNumber: z.string().max(200).optional(),
  pin: z.string().max(200).optional(),
  serviceAddress: z
    .object({
      houseNumber: z.string().max(200).optional(),
      street: z.string().max(200).optional(),
      unit: z.string().max(200).optional(),
      city: z.string().max(200).optional(),
      state: z.string().max(2).optional(),
      zip: z.string().max(10).optional(),
    })
    .optional(),
  loaAuthorizingPerson: z.string().max(200).optional(),
  requestedFoc: z.string().max(40).optional(),
  onDemandActivation: z.boolean().optional(),
  customerOrderRef: z.string().max(64).optional(),
  documents: z.array(documentRefSchema).optional(),
  notes: z.string().max(4000).optional(),
});
export type OrderDraft = z.infer<typeof orderDraftSchema>;

/** The fields a customer may change on a submitted order (SPEC 8); which of them depends on the status. */
export const orderChangesSchema = z
  .object({
    tns: orderSubmissionShape.tns,
    btn: e164Schema,
    partialPort: z.boolean(),
    replacementBtn: e164Schema.nullable(),
    accountNumber: z.string().trim().min(1).nullable(),
    pin: z.string().trim().min(1).nullable(),
    serviceAddress: addressSchema.partial(),
    requestedFoc: isoInstantSchema,
  })
  .partial();
export type OrderChanges = z.infer<typeof orderChangesSchema>;

/** An edit of a submitted order, based on the version the user saw (optimistic concurrency). */
export const orderEditSchema = z.object({
  orderId: z.string().min(1),
  baseVersion: z.number().int().min(1),
  changes: orderChangesSchema,
});
export type OrderEdit = z.infer<typeof orderEditSchema>;

/** A requested FOC as the date picker sends it: an ET date and wall-clock time. */
export const focRequestSchema = z.object({
  orderId: z.string().min(1),
  baseVersion: z.number().int().min(1),
  date: z.iso.date(),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: "Enter a time as HH:MM (ET)." }),
});
export type FocRequest = z.infer<typeof focRequestSchema>;

/** A cancel request. */
export const cancelRequestSchema = z.object({
  orderId: z.string().min(1),
  baseVersion: z.number().int().min(1),
  reason: z.string().trim().max(500).optional(),
});
export type CancelRequest = z.infer<typeof cancelRequestSchema>;

/** The input of a portability check: any text of SPEC 3 formats. */
export const numberCheckSchema = z.object({ input: z.string().max(2_000_000) });
export type NumberCheck = z.infer<typeof numberCheckSchema>;

export const usStateSchema = z.enum(US_STATES);
