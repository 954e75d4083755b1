import type { Db } from "@portway/db";
import { e164Schema, isoInstantSchema } from "@portway/domain";
import { z } from "zod";
import type { Clock } from "../clock";
import { type ActingAs, applyOrderEventAs } from "../orders/order-actions";

const orderId = z.string().uuid();

/** What an analyst records on a project port (or for the LSP on a manual request). */
export const recordEventInput = z.discriminatedUnion("type", [
  z.object({ type: z.literal("PON"), orderId, pon: z.string().trim().min(1).max(32) }),
  z.object({ type: z.literal("FOC"), orderId, focAt: isoInstantSchema }),
  z.object({
    type: z.literal("REJECTION"),
    orderId,
    rejections: z
      .array(z.object({ code: z.string().trim().min(1).max(40), text: z.string().trim().max(2000).optional() }))
      .min(1, { message: "Record at least one rejection code." }),
  }),
  z.object({
    type: z.literal("ACTIVATION"),
    orderId,
    tns: z.array(e164Schema).min(1, { message: "Choose the activated numbers." }).max(5_000),
  }),
  z.object({ type: z.literal("CSR_UNAVAILABLE"), orderId }),
  z.object({ type: z.literal("SUPP_ACCEPTED"), orderId, focAt: isoInstantSchema.optional() }),
  z.object({
    type: z.literal("SUPP_REFUSED"),
    orderId,
    reason: z.string().trim().min(1, { message: "Say why the LSP refused." }).max(2000),
  }),
]);
export type RecordEventInput = z.infer<typeof recordEventInput>;

/** An analyst records what the LSP or partner said; the domain decides whether it fits the order's state. */
export function recordOrderEvent(db: Db, clock: Clock, who: ActingAs, input: RecordEventInput) {
  switch (input.type) {
    case "PON":
      return applyOrderEventAs(db, clock, who, input.orderId, { type: "PARTNER_ACCEPTED", pon: input.pon });
    case "FOC":
      return applyOrderEventAs(db, clock, who, input.orderId, { type: "FOC_RECEIVED", focAt: input.focAt });
    case "REJECTION":
      return applyOrderEventAs(db, clock, who, input.orderId, { type: "REJECTED", rejections: input.rejections });
    case "ACTIVATION":
      return applyOrderEventAs(db, clock, who, input.orderId, { type: "TNS_ACTIVATED", tns: input.tns });
    case "CSR_UNAVAILABLE":
      return applyOrderEventAs(db, clock, who, input.orderId, { type: "CSR_UNAVAILABLE" });
    case "SUPP_ACCEPTED":
      return applyOrderEventAs(db, clock, who, input.orderId, {
        type: "SUPP_ACCEPTED",
        ...(input.focAt ? { focAt: input.focAt } : {}),
      });
    case "SUPP_REFUSED":
      return applyOrderEventAs(db, clock, who, input.orderId, { type: "SUPP_REJECTED", reason: input.reason });
  }
}
