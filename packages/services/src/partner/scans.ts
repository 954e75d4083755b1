import { type Db, findDueActivations, findOrdersToReconcile, flagStuckOrders, touchOrder } from "@portway/db";
import { EXPECTED_HOURS_IN_STATUS } from "@portway/domain";
import type { Clock } from "../clock";
import { ServiceError } from "../errors";
import { applyOrderEventAs } from "../orders/order-actions";
import { receivePartnerCallback } from "./apply-callback";
import type { PartnerContext } from "./dispatch";

/**
 * Scheduled activation: every order whose FOC time (or, on-demand, the end of its window) has come and that no SUPP
 * holds. The domain decides; a refusal just leaves the order for the next scan.
 */
export async function runActivationScan(
  db: Db,
  clock: Clock,
  limit = 200,
): Promise<{ activated: number; refused: number }> {
  const due = await findDueActivations(db, clock.now(), limit);
  let activated = 0;
  let refused = 0;
  for (const order of due) {
    try {
      await applyOrderEventAs(db, clock, { actor: { kind: "SYSTEM" } }, order.id, {
        type: "ACTIVATE",
        trigger: "SCHEDULED",
      });
      activated++;
    } catch (error) {
      if (!(error instanceof ServiceError)) {
        throw error;
      }
      refused++;
    }
  }
  return { activated, refused };
}

/**
 * Reconciliation: asks the partner for open orders without news for `quietMs` and feeds every event it reports
 * through the same path as a callback, so a missed callback is healed (duplicates are recognised by event ID).
 */
export async function runReconciliation(context: PartnerContext, quietMs: number, limit = 100) {
  const now = context.clock.now();
  const orders = await findOrdersToReconcile(context.db, new Date(now.getTime() - quietMs), limit);
  let healed = 0;
  const failures: string[] = [];
  for (const order of orders) {
    if (!order.partnerOrderId) {
      continue;
    }
    try {
      const remote = await context.client.getOrder(order.partnerOrderId);
      for (const event of remote.events) {
        if (event.sequence > order.lastPartnerSequence) {
          const outcome = await receivePartnerCallback(context.db, context.clock, event);
          if (outcome === "applied") {
            healed++;
          }
        }
      }
    } catch (error) {
      // One order the partner cannot answer for must not stop the others; it is tried again next time.
      failures.push(`${order.id}: ${error instanceof Error ? error.message : String(error)}`);
    }
    await touchOrder(context.db, order.id, now);
  }
  return { checked: orders.length, healed, failures };
}

export async function runStuckScan(db: Db, clock: Clock) {
  const expected = Object.fromEntries(
    Object.entries(EXPECTED_HOURS_IN_STATUS).filter((entry): entry is [string, number] => entry[1] !== undefined),
  );
  return { stuck: await flagStuckOrders(db, clock.now(), expected) };
}
