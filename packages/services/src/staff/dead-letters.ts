import {
  countWaitingDeadLetters,
  type Db,
  findDeadLetter,
  findDeadLetters,
  findOutboxRow,
  insertOutboxJob,
  markDeadLetterRetried,
} from "@portway/db";
import { z } from "zod";
import type { Clock } from "../clock";
import { notFound, ServiceError } from "../errors";

export const deadLetterListInput = z.object({
  page: z.int().min(0).default(0),
  pageSize: z.int().min(1).max(200).default(25),
  mine: z.boolean().default(false),
  /** Show the ones already retried instead of those waiting. */
  retried: z.boolean().default(false),
});

/** Partner jobs that used up their retries (failed partner deliveries). */
export function listDeadLetters(db: Db, staffId: string, input: z.infer<typeof deadLetterListInput>) {
  return findDeadLetters(db, {
    page: input.page,
    pageSize: input.pageSize,
    retried: input.retried,
    assignedTo: input.mine ? staffId : undefined,
  });
}

export function countDeadLetters(db: Db) {
  return countWaitingDeadLetters(db);
}

export const retryDeadLetterInput = z.object({ deadLetterId: z.string().uuid() });

/**
 * Retries a failed partner delivery: the original job (its outbox row's name and payload) goes into the outbox
 * again, in one transaction with marking the dead letter retried. The worker relays it to the queue; partner calls
 * are idempotent by their idempotency key, so a delivery that did get through is not repeated at the partner.
 */
export async function retryDeadLetter(db: Db, clock: Clock, staff: { userId: string; name: string }, id: string) {
  return db.transaction(async (tx) => {
    const letter = await findDeadLetter(tx, id);
    if (!letter) {
      throw notFound("The failed delivery");
    }
    if (letter.state === "RETRIED") {
      throw new ServiceError(
        "CONFLICT",
        "ALREADY_RETRIED",
        `This delivery was already retried${letter.retriedBy ? ` by ${letter.retriedBy}` : ""}.`,
      );
    }
    const original = letter.outboxId === null ? null : await findOutboxRow(tx, letter.outboxId);
    if (!original) {
      throw new ServiceError(
        "PRECONDITION",
        "NO_ORIGINAL_JOB",
        "The original job of this delivery is no longer in the outbox, so it cannot be sent again.",
      );
    }
    const outboxId = await insertOutboxJob(tx, {
      job: original.job,
      payload: original.payload,
      orderKey: original.orderKey,
    });
    const marked = await markDeadLetterRetried(tx, id, {
      retriedAt: clock.now(),
      retriedBy: staff.name,
      retryOutboxId: outboxId,
    });
    if (!marked) {
      // Someone else retried it between our read and our write: roll back our outbox row.
      throw new ServiceError("CONFLICT", "ALREADY_RETRIED", "This delivery was just retried by someone else.");
    }
    return { outboxId, job: original.job, orderId: letter.orderId };
  });
}
