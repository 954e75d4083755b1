import { assignManualRequest, assignOrder, assignTicket, type Db, findStaffUser } from "@portway/db";
import { isoInstantSchema, textInput, userIdInput } from "@portway/domain";
import { z } from "zod";
import type { Clock } from "../clock";
import { notFound, ServiceError } from "../errors";
import type { ActingAs } from "../orders/order-actions";
import { recordAssignment } from "./audit";
import { recordOrderEventIn } from "./record-events";

/** At most this many rows in one bulk action: a queue page. */
export const BULK_LIMIT = 100;

const ids = z
  .array(z.string().uuid())
  .min(1, { message: "Select at least one row." })
  .max(BULK_LIMIT, { message: `Select at most ${BULK_LIMIT} rows at once.` });

export const bulkAssignInput = z.object({
  target: z.enum(["order", "manualRequest", "ticket"]),
  ids,
  /** The member to assign; null unassigns. */
  staffId: userIdInput("The staff member").nullable(),
});

/** Assigns several queue rows to one member of the porting team, all or none, each one in the audit log. */
export async function bulkAssign(db: Db, clock: Clock, by: string, input: z.infer<typeof bulkAssignInput>) {
  return db.transaction(async (tx) => {
    if (input.staffId) {
      const member = await findStaffUser(tx, input.staffId);
      if (!member?.active) {
        throw notFound("That member of the porting team");
      }
    }
    const unique = [...new Set(input.ids)];
    for (const id of unique) {
      const done =
        input.target === "order"
          ? await assignOrder(tx, id, input.staffId)
          : input.target === "ticket"
            ? await assignTicket(tx, id, input.staffId)
            : (await assignManualRequest(tx, id, input.staffId)) !== null;
      if (!done) {
        throw new ServiceError("NOT_FOUND", "NOT_FOUND", `Row ${id} was not found; nothing was assigned.`, "ids");
      }
      await recordAssignment(tx, { target: input.target, id, staffId: input.staffId }, by, clock.now());
    }
    return { assigned: unique.length };
  });
}

export const bulkSuppAnswerInput = z.discriminatedUnion("answer", [
  z.object({ answer: z.literal("ACCEPTED"), orderIds: ids, focAt: isoInstantSchema.optional() }),
  z.object({
    answer: z.literal("REFUSED"),
    orderIds: ids,
    reason: textInput(2000, "The reason").min(1, { message: "Say why the LSP refused." }),
  }),
]);

/**
 * Records the same SUPP answer of the LSP on several orders in one transaction: if the domain refuses it for one
 * order, none is recorded and the error names that order.
 */
export async function bulkRecordSuppAnswer(
  db: Db,
  clock: Clock,
  who: ActingAs,
  input: z.infer<typeof bulkSuppAnswerInput>,
) {
  return db.transaction(async (tx) => {
    const results = [];
    for (const orderId of new Set(input.orderIds)) {
      try {
        results.push(
          await recordOrderEventIn(
            tx,
            clock,
            who,
            input.answer === "ACCEPTED"
              ? { type: "SUPP_ACCEPTED", orderId, ...(input.focAt ? { focAt: input.focAt } : {}) }
              : { type: "SUPP_REFUSED", orderId, reason: input.reason },
          ),
        );
      } catch (error) {
        if (error instanceof ServiceError) {
          throw new ServiceError(
            error.kind,
            error.code,
            `Order ${orderId.slice(0, 8)}: ${error.message} Nothing was recorded.`,
            "orderIds",
            error.issues,
            { ...error.details, orderId },
          );
        }
        throw error;
      }
    }
    return { recorded: results.length, orders: results };
  });
}
