import {
  assignManualRequest,
  assignOrder,
  assignTicket,
  countQueues,
  type Db,
  findManualRequestQueue,
  findOpenTicketQueue,
  findStaffMember,
  findStaffMembers,
} from "@portway/db";
import { z } from "zod";
import { notFound } from "../errors";

export const queueInput = z.object({
  page: z.int().min(0).default(0),
  pageSize: z.int().min(1).max(200).default(25),
  mine: z.boolean().default(false),
});
export type QueueInput = z.infer<typeof queueInput>;

export const queueKinds = {
  projectPorts: ["PROJECT_PORT"],
  shortNotice: ["SHORT_NOTICE_CANCEL", "SHORT_NOTICE_RESCHEDULE"],
} as const;

export function listManualQueue(db: Db, queue: keyof typeof queueKinds, staffId: string, input: QueueInput) {
  return findManualRequestQueue(db, [...queueKinds[queue]], {
    page: input.page,
    pageSize: input.pageSize,
    assignedTo: input.mine ? staffId : undefined,
  });
}

export function listTicketQueue(db: Db, staffId: string, input: QueueInput) {
  return findOpenTicketQueue(db, {
    page: input.page,
    pageSize: input.pageSize,
    assignedTo: input.mine ? staffId : undefined,
  });
}

export function getQueueCounts(db: Db) {
  return countQueues(db);
}

export function listStaff(db: Db) {
  return findStaffMembers(db);
}

export const assignInput = z.object({
  target: z.enum(["order", "manualRequest", "ticket"]),
  id: z.string().uuid(),
  /** The analyst to assign; null unassigns. */
  staffId: z.string().min(1).nullable(),
});

/** Assigns an order, a manual request or a ticket to a member of the porting team (or unassigns it). */
export async function assignWork(db: Db, input: z.infer<typeof assignInput>) {
  return db.transaction(async (tx) => {
    if (input.staffId && !(await findStaffMember(tx, input.staffId))) {
      throw notFound("That member of the porting team");
    }
    const done =
      input.target === "order"
        ? await assignOrder(tx, input.id, input.staffId)
        : input.target === "ticket"
          ? await assignTicket(tx, input.id, input.staffId)
          : (await assignManualRequest(tx, input.id, input.staffId)) !== null;
    if (!done) {
      throw notFound(input.target === "order" ? "The order" : input.target === "ticket" ? "The ticket" : "The request");
    }
    return { ok: true as const };
  });
}
