import type { FieldIssue } from "../issue";

/**
 * What a CHANGE SUPP (SUP 3) must carry: at least one field with a value (a null clears a field, which is a
 * change; an absent field is no change). The domain builds CHANGEs (edits, resubmits) by this rule and the partner
 * contract refuses by it, with the same code and message.
 */
export const SUPP_CHANGE_RULE: Readonly<FieldIssue> = {
  field: "changes",
  code: "EMPTY_CHANGE",
  message: "A CHANGE SUPP carries at least one field.",
};

/** Null when the CHANGE carries something, else SUPP_CHANGE_RULE. */
export function checkSuppChange(changes: Readonly<Record<string, unknown>>): Readonly<FieldIssue> | null {
  return Object.values(changes).some((value) => value !== undefined) ? null : SUPP_CHANGE_RULE;
}
