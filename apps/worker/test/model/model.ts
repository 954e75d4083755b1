/**
 * The small model the model-based test keeps beside the real system: which orders the run created, what the
 * customer did to each and what the product answered, and what the test last saw of the order. Commands consult it
 * to decide whether they apply (`check`); invariants compare it with the database and the simulator.
 */

export type CustomerActionKind = "SUBMIT" | "EDIT" | "RESCHEDULE" | "CANCEL" | "RESUBMIT" | "ACTIVATE";

export interface ModelOrder {
  /** Position in the run (what commands name: "order #2"). */
  index: number;
  id: string;
  tns: string[];
  onDemand: boolean;
  /** The account number's last four digits: the simulator's behaviour trigger. */
  trigger: string;
  /** Customer actions the product accepted, submit included: each must give exactly one partner or manual request. */
  accepted: { kind: CustomerActionKind; at: string }[];
  /** Last status seen after a step (the real system moves on its own through callbacks). */
  status: string;
  version: number;
  /** History rows seen so far (id, version, event, to): later steps may only append. */
  history: string[];
}

export interface Model {
  run: number;
  orders: ModelOrder[];
  /** Every step taken in this run, for the report of a failure. */
  steps: string[];
}

export const PRE_FOC = ["SUBMITTED", "CSR_REVIEW", "PENDING_FOC", "EXCEPTION"];
export const TERMINAL = ["COMPLETE", "CANCELLED"];

export function orderAt(model: Readonly<Model>, index: number): ModelOrder | undefined {
  return model.orders[index];
}

export function isOpen(order: ModelOrder | undefined): order is ModelOrder {
  return order !== undefined && !TERMINAL.includes(order.status);
}
