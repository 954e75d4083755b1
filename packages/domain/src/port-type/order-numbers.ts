import type { OrderDraft } from "../schemas/order";
import { parseTn } from "../tns/parse-tns";

/** The E.164 form of a number typed in any format of SPEC 3; what is not one number stays as typed. */
export function canonicalTn(input: string): string {
  const parsed = parseTn(input);
  return parsed.ok ? parsed.tn : input;
}

/**
 * The numbers of an order (TNs, BTN, replacement BTN) in their canonical E.164 form, so that every rule compares
 * like with like whatever format the customer typed; an entry that is not one valid number is left for the schema
 * to name.
 */
export function normalizeOrderNumbers(draft: OrderDraft): OrderDraft {
  const out: OrderDraft = { ...draft };
  if (draft.tns !== undefined) {
    out.tns = draft.tns.map(canonicalTn);
  }
  if (draft.btn !== undefined) {
    out.btn = canonicalTn(draft.btn);
  }
  if (draft.replacementBtn !== undefined) {
    out.replacementBtn = canonicalTn(draft.replacementBtn);
  }
  return out;
}
