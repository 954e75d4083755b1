import { z } from "zod";
import { idInput, requiredText, textInput } from "../wire/text";
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
  accountNumber: requiredText(200, "Account number").optional(),
  pin: requiredText(200, "PIN").optional(),
  serviceAddress: addressSchema,
  loaAuthorizingPerson: requiredText(200, "Authorizing person"),
  requestedFoc: isoInstantSchema.optional(),
  onDemandActivation: z.boolean(),
  customerOrderRef: requiredText(64, "Customer order reference"),
  documents: z.array(documentRefSchema),
  notes: textInput(4000, "Notes").optional(),
};

/** A complete port-in order as submitted (form and tRPC input). */
export const orderSubmissionSchema = z.object(orderSubmissionShape);
export type OrderSubmission = z.infer<typeof orderSubmissionSchema>;

/** A draft's field: anything half-typed, but storable (no NUL, no lone surrogate) and bounded; not trimmed. */
const draftText = (max: number) => textInput(max, "This field", { trim: false });

/** A draft: saved at every step, so every field may be missing or half-typed; formats are checked at submit. */
export const orderDraftSchema = z.object({
  tns: z.array(draftText(32)).max(MAX_WIRE_TNS).optional(),
  btn: draftText(32).optional(),
  partialPort: z.boolean().optional(),
  replacementBtn: draftText(32).optional(),
  subscriber: z
    .object({
      type: z.enum(SUBSCRIBER_TYPES).optional(),
      businessName: draftText(200).optional(),
      firstName: draftText(200).optional(),
      lastName: draftText(200).optional(),
    })
    .optional(),
  accountNumber: draftText(200).optional(),
  pin: draftText(200).optional(),
  serviceAddress: z
    .object({
      houseNumber: draftText(200).optional(),
      street: draftText(200).optional(),
      unit: draftText(200).optional(),
      city: draftText(200).optional(),
      state: draftText(2).optional(),
      zip: draftText(10).optional(),
    })
    .optional(),
  loaAuthorizingPerson: draftText(200).optional(),
  requestedFoc: draftText(40).optional(),
  onDemandActivation: z.boolean().optional(),
  customerOrderRef: draftText(64).optional(),
  documents: z.array(documentRefSchema).optional(),
  notes: draftText(4000).optional(),
});
export type OrderDraft = z.infer<typeof orderDraftSchema>;

/** The fields a customer may change on a submitted order (SPEC 8); which of them depends on the status. */
export const orderChangesSchema = z
  .object({
    tns: orderSubmissionShape.tns,
    btn: e164Schema,
    partialPort: z.boolean(),
    replacementBtn: e164Schema.nullable(),
    accountNumber: requiredText(200, "Account number").nullable(),
    pin: requiredText(200, "PIN").nullable(),
    serviceAddress: addressSchema.partial(),
    requestedFoc: isoInstantSchema,
  })
  .partial();
export type OrderChanges = z.infer<typeof orderChangesSchema>;

/** An edit of a submitted order, based on the version the user saw (optimistic concurrency). */
export const orderEditSchema = z.object({
  orderId: idInput("The order id"),
  baseVersion: z.number().int().min(1),
  changes: orderChangesSchema,
});
export type OrderEdit = z.infer<typeof orderEditSchema>;

/** A requested FOC as the date picker sends it: an ET date and wall-clock time. */
export const focRequestSchema = z.object({
  orderId: idInput("The order id"),
  baseVersion: z.number().int().min(1),
  date: z.iso.date(),
  time: textInput(5, "The time").regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: "Enter a time as HH:MM (ET)." }),
});
export type FocRequest = z.infer<typeof focRequestSchema>;

/** A cancel request. */
export const cancelRequestSchema = z.object({
  orderId: idInput("The order id"),
  baseVersion: z.number().int().min(1),
  reason: textInput(500, "The reason").optional(),
});
export type CancelRequest = z.infer<typeof cancelRequestSchema>;

/** The input of a portability check: any text of SPEC 3 formats. */
export const numberCheckSchema = z.object({ input: textInput(2_000_000, "The numbers") });
export type NumberCheck = z.infer<typeof numberCheckSchema>;

export const usStateSchema = z.enum(US_STATES);
