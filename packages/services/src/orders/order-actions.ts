import type { Db, DbOrTx } from "@portway/db";
import {
  type Actor,
  type CancelRequest,
  easternToInstant,
  type FocRequest,
  type OrderEdit,
  type OrderEvent,
} from "@portway/domain";
import type { Clock } from "../clock";
import { invalid } from "../errors";
import { checkEditRules } from "./edit-rules";
import { applyEventToOrder, type LoadedOrder, loadOrderForUpdate } from "./order-store";
import { activeTnConflict } from "./unique-violation";

/** Who acts, and for customers the account that scopes every lookup. */
export interface ActingAs {
  actor: Actor;
  accountId?: string;
}

async function runEvent(
  db: Db,
  clock: Clock,
  who: ActingAs,
  orderId: string,
  event: OrderEvent,
  baseVersion?: number,
  precheck?: (tx: DbOrTx, loaded: LoadedOrder) => Promise<void>,
) {
  return db.transaction(async (tx) => {
    const loaded = await loadOrderForUpdate(tx, { orderId, ...(who.accountId ? { accountId: who.accountId } : {}) });
    await precheck?.(tx, loaded);
    const result = await applyEventToOrder(tx, loaded, event, {
      now: clock.now(),
      actor: who.actor,
      ...(baseVersion !== undefined ? { expectedVersion: baseVersion } : {}),
    });
    return { id: result.order.id, status: result.order.status, version: result.order.version };
  });
}

/**
 * Edit before FOC (SPEC 8): validated as the submission of the order it would produce (the same rules and errors,
 * against the numbering plan and the active orders); a change other than the date sends a CHANGE SUPP and restarts
 * the CSR phase.
 */
export async function editOrder(db: Db, clock: Clock, who: ActingAs, input: OrderEdit) {
  try {
    return await runEvent(
      db,
      clock,
      who,
      input.orderId,
      { type: "EDIT", changes: input.changes },
      input.baseVersion,
      (tx, loaded) => checkEditRules(tx, loaded, input, clock.now()),
    );
  } catch (error) {
    throw activeTnConflict(error) ?? error;
  }
}

/** A new FOC date (and ET time); after FOC a RESCHEDULE SUPP, at short notice a manual request. */
export function rescheduleOrder(db: Db, clock: Clock, who: ActingAs, input: FocRequest) {
  const requestedFoc = easternToInstant(input.date, input.time);
  if (!requestedFoc) {
    throw invalid([{ field: "date", code: "INVALID_FOC", message: "Enter a valid date and time (ET)." }]);
  }
  return runEvent(db, clock, who, input.orderId, { type: "RESCHEDULE", requestedFoc }, input.baseVersion);
}

/** Cancel: before FOC or long notice a CANCEL SUPP; at short notice a manual request for the porting team. */
export function cancelOrder(db: Db, clock: Clock, who: ActingAs, input: CancelRequest) {
  return runEvent(
    db,
    clock,
    who,
    input.orderId,
    { type: "CANCEL", ...(input.reason ? { reason: input.reason } : {}) },
    input.baseVersion,
  );
}

/** Resubmit an order in EXCEPTION after fixing it. */
export function resubmitOrder(db: Db, clock: Clock, who: ActingAs, input: { orderId: string; baseVersion: number }) {
  return runEvent(db, clock, who, input.orderId, { type: "RESUBMIT" }, input.baseVersion);
}

/** On-demand activation by the customer on the FOC day, within the port type's window. */
export function requestActivation(
  db: Db,
  clock: Clock,
  who: ActingAs,
  input: { orderId: string; baseVersion: number },
) {
  return runEvent(db, clock, who, input.orderId, { type: "ACTIVATE", trigger: "ON_DEMAND" }, input.baseVersion);
}

/** Used by the worker and the porting team: an event from the partner, the LSP or the system. */
export function applyOrderEventAs(db: Db, clock: Clock, who: ActingAs, orderId: string, event: OrderEvent) {
  return runEvent(db, clock, who, orderId, event);
}
