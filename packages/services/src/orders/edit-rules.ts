import { type DbOrTx, findCarrier, findSiblingOrderTns } from "@portway/db";
import { isPreFocEdit, type OrderChanges, tnsAfterEdit, validateEdit } from "@portway/domain";
import { invalid, ServiceError } from "../errors";
import { checkNumbers } from "../numbering/check-numbers";
import { numberIssues, portableTnsOf } from "./number-issues";
import type { LoadedOrder } from "./order-store";
import { loadAccountRules, loadOrderRuleInputs } from "./rule-context";

/**
 * Validates an edit before FOC as the submission of the order it would produce (SPEC 5, 8), inside the edit's
 * transaction: the numbering plan and the active orders as they are now, the losing carrier's rules and calendar,
 * the port limits and the account's on-net-only flag. Throws every problem at once, each naming its field; returns
 * when the edit is one the lifecycle alone judges (after FOC, nothing changed, a stale version).
 */
export async function checkEditRules(
  db: DbOrTx,
  loaded: LoadedOrder,
  edit: { changes: OrderChanges; baseVersion?: number },
  now: Date,
): Promise<void> {
  const { row, order } = loaded;
  // A stale version is a conflict that says what changed; the lifecycle reports it.
  if (edit.baseVersion !== undefined && edit.baseVersion !== order.version) {
    return;
  }
  if (!isPreFocEdit(order, edit.changes)) {
    return;
  }
  const carrier = row.carrierId ? await findCarrier(db, row.carrierId) : null;
  if (!carrier) {
    throw new ServiceError(
      "PRECONDITION",
      "CARRIER_UNKNOWN",
      "The losing carrier of this order is no longer in the numbering plan; ask the porting team to change it.",
      "tns",
    );
  }
  const tns = tnsAfterEdit(order, edit.changes);
  const check = await checkNumbers(db, { input: tns.join("\n"), accountId: row.accountId, now });
  const issues = numberIssues(check.numbers, { ownOrderId: order.id });
  const account = await loadAccountRules(db, row.accountId);
  const rules = await loadOrderRuleInputs(db, { account, carrier, now });
  const siblingTns = row.portRequestId
    ? await findSiblingOrderTns(db, {
        accountId: row.accountId,
        portRequestId: row.portRequestId,
        exceptOrderId: order.id,
      })
    : [];
  const result = validateEdit(order, edit.changes, {
    now: now.toISOString(),
    ...rules,
    order: {
      onNet: row.onNet ?? order.portType === "ON_NET",
      carrierSpid: carrier.spid,
      carrierName: carrier.name,
    },
    portableTns: portableTnsOf(check.numbers, order.id),
    siblingTns,
  });
  if (!result.ok) {
    issues.push(...result.errors);
  }
  if (issues.length > 0) {
    throw invalid(issues);
  }
}
