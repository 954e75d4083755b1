import { ServiceError } from "../errors";

/** The constraint and detail of a PostgreSQL unique violation (23505), or null for any other error. */
export function uniqueViolation(error: unknown): { constraint: string; detail: string } | null {
  const cause = (error as { cause?: unknown })?.cause ?? error;
  const pg = cause as { code?: string; constraint?: string; detail?: string };
  return pg?.code === "23505" ? { constraint: pg.constraint ?? "", detail: pg.detail ?? "" } : null;
}

/**
 * A TN taken by another active order between the check and the write (a race the check cannot see): a conflict that
 * names the number, never a database error. Null when the error is something else.
 */
export function activeTnConflict(error: unknown): ServiceError | null {
  const violation = uniqueViolation(error);
  if (violation?.constraint !== "port_order_tns_active_uq") {
    return null;
  }
  const tn = /\(tn\)=\(([^)]+)\)/.exec(violation.detail)?.[1] ?? "A number";
  return new ServiceError("CONFLICT", "IN_ACTIVE_ORDER", `${tn} was just submitted in another active order.`, "tns");
}
