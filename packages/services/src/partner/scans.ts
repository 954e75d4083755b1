import {
  countStuckOrders,
  type Db,
  findDueActivations,
  findOrdersToReconcile,
  findStuckCandidates,
  markOrdersStuck,
  setActivationDueAt,
  touchOrder,
} from "@portway/db";
import {
  ACTIVATION_CONFIRMATION_HOURS,
  activationDueAt,
  EXPECTED_HOURS_IN_STATUS,
  isOrderStuck,
  type OrderStatus,
} from "@portway/domain";
import type { Clock } from "../clock";
import { ServiceError } from "../errors";
import { applyOrderEventAs } from "../orders/order-actions";
import { loadOrderForUpdate } from "../orders/order-store";
import { loadRuleContexts } from "../orders/rule-context";
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
      if (error.code === "ACTIVATION_TOO_EARLY") {
        // The plan was wrong: move it to when the domain says activation is due, so the order does not come back
        // first in every round and crowd out the orders that are due.
        await replanActivation(db, order.id);
      }
    }
  }
  return { activated, refused };
}

async function replanActivation(db: Db, orderId: string) {
  await db.transaction(async (tx) => {
    const { order } = await loadOrderForUpdate(tx, { orderId });
    if (order.focAt !== null) {
      await setActivationDueAt(tx, orderId, new Date(activationDueAt(order, order.focAt)));
    }
  });
}

/**
 * Reconciliation: asks the partner for open orders without news for `quietMs` and feeds every event it reports
 * through the same path as a callback, so a missed callback is healed (duplicates are recognised by event ID).
 */
export async function runReconciliation(context: PartnerContext, quietMs: number, limit = 100) {
  const now = context.clock.now();
  const orders = await findOrdersToReconcile(context.db, new Date(now.getTime() - quietMs), limit);
  let healed = 0;
  const failures: { orderId: string; error: unknown }[] = [];
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
      failures.push({ orderId: order.id, error });
    }
    await touchOrder(context.db, order.id, now);
  }
  return { checked: orders.length, healed, failures };
}

/**
 * Stuck orders (SPEC 13): no progress for longer than their status allows, in business hours by each order's
 * calendar; an FOC order whose activation was due and never confirmed is stuck too. The domain decides.
 */
export async function runStuckScan(db: Db, clock: Clock, limit = 5_000) {
  const now = clock.now();
  const expected = Object.entries(EXPECTED_HOURS_IN_STATUS).filter(
    (entry): entry is [string, number] => entry[1] !== undefined,
  );
  const candidates = await findStuckCandidates(db, now, {
    statuses: expected.map(([status]) => status),
    minHours: Math.min(...expected.map(([, hours]) => hours)),
    activationHours: ACTIVATION_CONFIRMATION_HOURS,
    limit,
  });
  const rulesOf = await loadRuleContexts(
    db,
    [...new Set(candidates.flatMap((c) => (c.carrierId ? [c.carrierId] : [])))],
    now,
  );
  const stuck = candidates.filter((candidate) =>
    isOrderStuck(
      {
        status: candidate.status as OrderStatus,
        lastProgressAt: candidate.lastProgressAt.toISOString(),
        activationDueAt: candidate.activationDueAt ? candidate.activationDueAt.toISOString() : null,
      },
      now.toISOString(),
      rulesOf(candidate.carrierId).calendar,
    ),
  );
  await markOrdersStuck(
    db,
    stuck.map((order) => order.id),
    now,
  );
  return { stuck: await countStuckOrders(db) };
}
