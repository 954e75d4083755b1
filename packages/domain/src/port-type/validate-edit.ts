import type { FieldIssue, Issue } from "../issue";
import { applyChanges } from "../lifecycle/changes";
import { type PortOrder, PRE_FOC_STATUSES } from "../lifecycle/order";
import type { OrderChanges, OrderDraft } from "../schemas/order";
import { type CheckedTn, groupTnsIntoOrders } from "./group-orders";
import { normalizeOrderNumbers } from "./order-numbers";
import { decidePortType, type PortLimits, type PortType } from "./port-type";
import { checkOrderRules, type SubmissionContext } from "./validate-submission";

/** What an order is fixed to at submission: its coverage and its losing carrier. */
export interface EditedOrderFacts {
  onNet: boolean;
  carrierSpid: string;
  carrierName: string;
}

export interface EditContext extends Omit<SubmissionContext, "onNet" | "requestTns"> {
  order: EditedOrderFacts;
  /**
   * The TNs of the edited order that the numbering plan and the active orders let port (the order's own TNs count
   * as free), each with its losing carrier and coverage. The others are the portability check's to report.
   */
  portableTns: readonly CheckedTn[];
  /** The TNs of the other orders of the same port request: the BTN rules look at the LSP account as a whole. */
  siblingTns: readonly string[];
}

export type EditCheck = { ok: true; warnings: Issue[] } | { ok: false; errors: FieldIssue[] };

/** The TNs an order has after an edit, as the edit lists them (excluded TNs are out of the order). */
export function tnsAfterEdit(order: PortOrder, changes: OrderChanges): string[] {
  return applyChanges(order, changes)
    .lines.filter((line) => line.status !== "EXCLUDED")
    .map((line) => line.tn);
}

/** Whether an edit is one the submission rules judge: a change before FOC (SPEC 8). Others are the lifecycle's. */
export function isPreFocEdit(order: PortOrder, changes: OrderChanges): boolean {
  return PRE_FOC_STATUSES.includes(order.status) && applyChanges(order, changes).fields.length > 0;
}

function automatedLimit(portType: PortType, limits: PortLimits): string {
  switch (portType) {
    case "ON_NET":
      return `at most ${limits.onNetAutomatedMax.toLocaleString("en-US")} TNs`;
    case "AUTOMATED":
      return `at most ${limits.offNetAutomatedMax.toLocaleString("en-US")} TNs`;
    case "PROJECT":
      return "a project port";
  }
}

function sample(tns: readonly string[]): string {
  return tns.length > 3 ? `${tns.slice(0, 3).join(", ")} and ${tns.length - 3} more` : tns.join(", ");
}

/**
 * An edit before FOC validated as the submission of the order it would produce (SPEC 5 and 8): the same order rules,
 * the same errors naming the field, with the numbers the numbering plan and the active orders let port. An edit that
 * would change the port type, or that brings numbers of another losing carrier or network (another order at
 * submission), is refused with the reason. The LOA is not judged again (an edit changes no document), and the
 * requested FOC only when the edit changes it.
 */
export function validateEdit(order: PortOrder, changes: OrderChanges, context: EditContext): EditCheck {
  const applied = applyChanges(order, changes);
  const tns = applied.lines.filter((line) => line.status !== "EXCLUDED").map((line) => line.tn);
  const draft: OrderDraft = normalizeOrderNumbers({ ...applied.details, tns });
  const errors: FieldIssue[] = [];
  const foreign = groupTnsIntoOrders(context.portableTns, context.limits).orders.filter(
    (group) => group.carrierSpid !== context.order.carrierSpid || group.onNet !== context.order.onNet,
  );
  for (const group of foreign) {
    const where = group.onNet ? "on-net" : "off-net";
    errors.push({
      field: "tns",
      code: "EDIT_SPLITS_ORDER",
      message: `${sample(group.tns)}: ${group.carrierName ?? group.carrierSpid}, ${where}; this order ports numbers of ${context.order.carrierName}, ${context.order.onNet ? "on-net" : "off-net"}. One order ports the numbers of one LSP account: remove them, or submit them as a new order.`,
    });
  }
  const portType = decidePortType({ onNet: context.order.onNet, tnCount: tns.length }, context.limits);
  if (order.portType !== null && portType !== order.portType) {
    errors.push({
      field: "tns",
      code: "EDIT_CHANGES_PORT_TYPE",
      message: `This order is ${order.portType} (${automatedLimit(order.portType, context.limits)}); with ${tns.length.toLocaleString("en-US")} TNs it would be ${portType}, and the port type is fixed at submission. Change the number of TNs to fit, or cancel this order and submit a new one.`,
    });
  }
  const rules = checkOrderRules(
    draft,
    { ...context, onNet: context.order.onNet, requestTns: [...tns, ...context.siblingTns] },
    { loa: false, requestedFoc: applied.fields.includes("requestedFoc") },
  );
  errors.push(...rules.errors);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, warnings: rules.warnings };
}
