import type { FieldIssue } from "../issue";
import { canonicalTn } from "./order-numbers";
import { DEFAULT_PORT_LIMITS, type PortLimits } from "./port-type";

/**
 * Rules of a port request that holds several LSP accounts' submissions (SPEC 5), beyond each account's own: a TN
 * belongs to one account only, and the request as a whole holds at most `maxTnsPerPortRequest` TNs. Each issue names
 * the accounts by their place (1-based) in the request.
 */
export function portRequestIssues(
  accounts: readonly { tns?: readonly string[] | undefined }[],
  limits: Pick<PortLimits, "maxTnsPerPortRequest"> = DEFAULT_PORT_LIMITS,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const accountOf = new Map<string, number>();
  for (const [index, account] of accounts.entries()) {
    for (const tn of new Set((account.tns ?? []).map(canonicalTn))) {
      const earlier = accountOf.get(tn);
      if (earlier === undefined) {
        accountOf.set(tn, index);
      } else if (earlier !== index) {
        issues.push({
          field: `submissions.${index}.tns`,
          code: "TN_IN_TWO_ACCOUNTS",
          message: `${tn}: in account ${earlier + 1} and account ${index + 1}; a number belongs to one LSP account.`,
        });
      }
    }
  }
  if (accountOf.size > limits.maxTnsPerPortRequest) {
    issues.push({
      field: "tns",
      code: "PORT_REQUEST_TOO_LARGE",
      message: `A port request holds at most ${limits.maxTnsPerPortRequest.toLocaleString("en-US")} TNs; this one has ${accountOf.size.toLocaleString("en-US")}.`,
    });
  }
  return issues;
}
