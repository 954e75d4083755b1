import type { CheckedTn, FieldIssue } from "@portway/domain";
import type { CheckedNumber } from "../numbering/check-numbers";

/** Whether the portability check found the number only in the order being edited (its own TN, free to keep). */
function isOwnTn(entry: CheckedNumber, ownOrderId: string | null): boolean {
  return (
    ownOrderId !== null &&
    entry.notPortableReason?.code === "IN_ACTIVE_ORDER_SAME_ACCOUNT" &&
    entry.activeOrderId === ownOrderId
  );
}

/**
 * The `tns` errors of a portability check (SPEC 3, 4) for a submission or an edit: each invalid or not portable
 * number with its reason. In an edit, the order's own TNs are not "in another active order".
 */
export function numberIssues(numbers: readonly CheckedNumber[], options: { ownOrderId: string | null }): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const entry of numbers) {
    if (!entry.valid) {
      issues.push({
        field: "tns",
        code: entry.invalidReason?.code ?? "INVALID_TN",
        message: `${entry.input}: ${entry.invalidReason?.message ?? "not a valid number."}`,
      });
    } else if (!entry.portable && !isOwnTn(entry, options.ownOrderId)) {
      issues.push({
        field: "tns",
        code: entry.notPortableReason?.code ?? "NOT_PORTABLE",
        message: `${entry.tn ?? entry.input}: ${entry.notPortableReason?.message ?? "cannot be ported."}`,
      });
    }
  }
  return issues;
}

/** The numbers an edited order may hold, with their losing carrier and coverage, for the edit rules. */
export function portableTnsOf(numbers: readonly CheckedNumber[], ownOrderId: string): CheckedTn[] {
  return numbers.flatMap((entry): CheckedTn[] =>
    entry.tn !== null &&
    entry.carrier !== null &&
    entry.onNet !== null &&
    (entry.portable || isOwnTn(entry, ownOrderId))
      ? [{ tn: entry.tn, carrierSpid: entry.carrier.spid, carrierName: entry.carrier.name, onNet: entry.onNet }]
      : [],
  );
}
