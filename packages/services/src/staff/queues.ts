import {
  assignManualRequest,
  assignOrder,
  assignTicket,
  countQueues,
  countWaitingDeadLetters,
  type Db,
  findManualRequestQueue,
  findOpenTicketQueue,
  findOrderWorkQueue,
  findStaffMember,
  findStaffMembers,
} from "@portway/db";
import { z } from "zod";
import { notFound } from "../errors";
import { recordAssignment } from "./audit";

/** Every column a queue may sort by; anything else (e.g. "__proto__") is a 400, not a lookup. */
export const queueSortKeys = [
  "createdAt",
  "updatedAt",
  "requestedFocAt",
  "focAt",
  "tnCount",
  "accountName",
  "subject",
  "lastProgressAt",
  "stuckSince",
] as const;

export const queueInput = z.object({
  page: z.int().min(0).default(0),
  pageSize: z.int().min(1).max(200).default(25),
  mine: z.boolean().default(false),
  sort: z.enum(queueSortKeys, { message: `Sort by one of: ${queueSortKeys.join(", ")}.` }).optional(),
  direction: z.enum(["asc", "desc"]).optional(),
  search: z.string().trim().max(100).optional(),
});
export type QueueInput = z.infer<typeof queueInput>;

export const queueKinds = {
  /** Project ports, and the customers' cancels, reschedules and changes of them (sent by the porting team). */
  projectPorts: ["PROJECT_PORT", "PROJECT_CANCEL", "PROJECT_RESCHEDULE", "PROJECT_CHANGE"],
  shortNotice: ["SHORT_NOTICE_CANCEL", "SHORT_NOTICE_RESCHEDULE"],
} as const;

/** Entries that put an order in the exceptions queue besides its EXCEPTION status: partner news to look at. */
export const exceptionKinds = ["PARTNER_EVENT", "FOC_REVIEW"] as const;

export function listManualQueue(db: Db, queue: keyof typeof queueKinds, staffId: string, input: QueueInput) {
  return findManualRequestQueue(db, [...queueKinds[queue]], queuePage(staffId, input));
}

export function listTicketQueue(db: Db, staffId: string, input: QueueInput) {
  return findOpenTicketQueue(db, queuePage(staffId, input));
}

function queuePage(staffId: string, input: QueueInput) {
  return {
    page: input.page,
    pageSize: input.pageSize,
    assignedTo: input.mine ? staffId : undefined,
    sort: input.sort,
    direction: input.direction,
    search: input.search || undefined,
  };
}

/** Orders in EXCEPTION, or stuck orders, as a queue. */
export function listOrderQueue(db: Db, queue: "exceptions" | "stuck", staffId: string, input: QueueInput) {
  return findOrderWorkQueue(
    db,
    queue === "exceptions"
      ? { kind: "status", status: "EXCEPTION", orWithOpenRequests: [...exceptionKinds] }
      : { kind: "stuck" },
    queuePage(staffId, input),
  );
}

/** Counts for the navigation, failed partner deliveries included. */
export async function getQueueCounts(db: Db) {
  const [counts, deadLetters] = await Promise.all([
    countQueues(db, { projectKinds: [...queueKinds.projectPorts], exceptionKinds: [...exceptionKinds] }),
    countWaitingDeadLetters(db),
  ]);
  return { ...counts, deadLetters };
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
export async function assignWork(db: Db, input: z.infer<typeof assignInput>, by: string, at: Date) {
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
    await recordAssignment(tx, input, by, at);
    return { ok: true as const };
  });
}
