import { type Db, findOrderJobs, findOrderPartnerEvents } from "@portway/db";
import type { Clock } from "../clock";
import { getOrderDetail } from "../orders/order-detail";

/**
 * The order workbench: everything the customer sees plus internal notes (the staff view of the order), the raw
 * partner messages and the order's job history (outbox rows and queue jobs, dead letters included).
 */
export async function getOrderWorkbench(db: Db, clock: Clock, orderId: string) {
  const detail = await getOrderDetail(db, { orderId }, { staff: true, now: clock.now() });
  const [partnerMessages, jobs] = await Promise.all([findOrderPartnerEvents(db, orderId), findOrderJobs(db, orderId)]);
  return {
    ...detail,
    partnerMessages: partnerMessages.map((m) => ({
      id: m.id,
      eventId: m.eventId,
      sequence: m.sequence,
      type: m.type,
      status: m.status,
      detail: m.detail,
      receivedAt: m.receivedAt,
      appliedAt: m.appliedAt,
      body: JSON.stringify(m.body, null, 2),
    })),
    jobs,
  };
}
