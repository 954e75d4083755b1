export const PORT_TYPES = ["ON_NET", "AUTOMATED", "PROJECT"] as const;
export type PortType = (typeof PORT_TYPES)[number];

/** Limits of SPEC 5, as configuration: the services may pass other values. */
export interface PortLimits {
  /** Largest automated on-net order; one more TN makes it a project port. */
  onNetAutomatedMax: number;
  /** Largest automated off-net order (the partner's API); one more TN makes it a project port. */
  offNetAutomatedMax: number;
  /** Largest order of any type. */
  maxTnsPerOrder: number;
  /** Largest port request (the set of orders a submission is split into). */
  maxTnsPerPortRequest: number;
}

export const DEFAULT_PORT_LIMITS: Readonly<PortLimits> = {
  onNetAutomatedMax: 999,
  offNetAutomatedMax: 600,
  maxTnsPerOrder: 5000,
  maxTnsPerPortRequest: 20_000,
};

/** Port type from coverage and count (SPEC 5); decided at submission, never by the customer. */
export function decidePortType(
  input: { onNet: boolean; tnCount: number },
  limits: Pick<PortLimits, "onNetAutomatedMax" | "offNetAutomatedMax"> = DEFAULT_PORT_LIMITS,
): PortType {
  if (input.onNet) {
    return input.tnCount <= limits.onNetAutomatedMax ? "ON_NET" : "PROJECT";
  }
  return input.tnCount <= limits.offNetAutomatedMax ? "AUTOMATED" : "PROJECT";
}
