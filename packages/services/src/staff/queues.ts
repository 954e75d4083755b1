import {
  assignManualRequest,
  assignOrder,
  assignTicket,
  closeManualRequest,
  countQueues,
  countWaitingDeadLetters,
  type Db,
  findManualRequestQueue,
  findOpenTicketQueue,
  findOrderWorkQueue,
  findStaffMember,
  findStaffMembers,
} from "@portway/db";
import { idInput, textInput, userIdInput } from "@portway/domain";
import { z } from "zod";
import type { Clock } from "../clock";
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
  search: textInput(100, "The search").optional(),
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
  id: idInput("The id"),
  /** The analyst to assign; null unassigns. */
  staffId: userIdInput("The staff member").nullable(),
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

export const acknowledgeInput = z.object({
  requestId: z.string().uuid(),
  resolution: z.string().trim().min(1, { message: "Say what was done." }).max(2000),
});

/**
 * The porting team closes partner news it looked at (a refused partner event, a questionable FOC), saying what it
 * did. Project port and SUPP entries close through the order's own events, so they cannot be acknowledged away.
 */
export async function acknowledgeQueueEntry(
  db: Db,
  clock: Clock,
  staffId: string,
  input: z.infer<typeof acknowledgeInput>,
) {
  const closed = await closeManualRequest(db, input.requestId, exceptionKinds, {
    resolution: input.resolution,
    resolvedBy: staffId,
    at: clock.now(),
  });
  if (!closed) {
    throw notFound("That open partner event or FOC review");
  }
  return { ok: true as const, orderId: closed.orderId };
}
