import type { FieldIssue, Issue } from "../issue";
import type { BusinessCalendar } from "../schedule/business-days";
import { addDays } from "../schedule/civil-date";
import { easternDate } from "../schedule/eastern-time";
import { checkRequestedFoc } from "../schedule/foc";
import { toFieldIssues } from "../schemas/field-issues";
import { type OrderDraft, type OrderSubmission, orderSubmissionSchema } from "../schemas/order";
import { PARTNER_FIELD_LIMITS } from "./field-limits";
import { canonicalTn, normalizeOrderNumbers } from "./order-numbers";
import { decidePortType, type PortLimits, type PortType } from "./port-type";

export type CarrierType = "WIRELINE" | "WIRELESS" | "VOIP";

/** The losing carrier's rules (SPEC 4), as the numbering data holds them. */
export interface CarrierRules {
  type: CarrierType;
  requiresAccountNumber: boolean;
  requiresPin: boolean;
  /** Minimum porting interval in business days. */
  minBusinessDays: number;
}

/** What an order against a losing carrier must carry (SPEC 5): wireless carriers need both; others as they say. */
export function carrierRequirements(carrier: {
  type: CarrierType;
  requiresAccountNumber?: boolean;
  requiresPin?: boolean;
}): { accountNumber: boolean; pin: boolean } {
  const wireless = carrier.type === "WIRELESS";
  return {
    accountNumber: wireless || carrier.requiresAccountNumber === true,
    pin: wireless || carrier.requiresPin === true,
  };
}

export const LOA_MAX_AGE_DAYS = 30;

export interface SubmissionContext {
  /** ISO instant of the submission. */
  now: string;
  /** True when every TN is on-net. */
  onNet: boolean;
  carrier: CarrierRules;
  calendar: BusinessCalendar;
  limits: PortLimits;
  /** The customer account ports on-net numbers only (set by the porting team). */
  onNetOnly: boolean;
  fieldLimits?: Readonly<Record<string, number>>;
  /**
   * Every TN of the LSP account's submission, in any format of SPEC 3: the BTN and partial-port rules look at the
   * account as a whole, not at one order's share of it when the submission is split into several orders (SPEC 5).
   * For a submission that is one order, its own TNs.
   */
  requestTns: readonly string[];
  loaMaxAgeDays?: number;
}

export type SubmissionCheck =
  | { ok: true; submission: OrderSubmission; portType: PortType; warnings: Issue[] }
  | { ok: false; errors: FieldIssue[] };

function valueAt(draft: OrderDraft, path: string): unknown {
  let current: unknown = draft;
  for (const key of path.split(".")) {
    current = typeof current === "object" && current !== null ? (current as Record<string, unknown>)[key] : undefined;
  }
  return current;
}

function checkPartialPort(
  draft: OrderDraft,
  tns: readonly string[],
  add: (f: string, c: string, m: string) => void,
): void {
  // Of a split submission, the BTN and the partial/full indicator concern the whole account: all its orders' TNs.
  const btnPorted = draft.btn !== undefined && tns.includes(draft.btn);
  const replacement = draft.replacementBtn;
  if (draft.partialPort === true) {
    if (btnPorted && replacement === undefined) {
      add(
        "replacementBtn",
        "REPLACEMENT_BTN_REQUIRED",
        "A partial port that moves the BTN needs a replacement BTN for the numbers that stay.",
      );
    }
    if (!btnPorted && replacement !== undefined) {
      add(
        "replacementBtn",
        "REPLACEMENT_BTN_NOT_NEEDED",
        "A replacement BTN is only needed when the BTN itself is ported.",
      );
    }
    if (replacement !== undefined && tns.includes(replacement)) {
      add(
        "replacementBtn",
        "REPLACEMENT_BTN_IS_PORTING",
        "The replacement BTN must be a number that stays with the current carrier.",
      );
    }
  } else if (draft.partialPort === false) {
    if (replacement !== undefined) {
      add("replacementBtn", "REPLACEMENT_BTN_NOT_ALLOWED", "A full port carries no replacement BTN.");
    }
    if (draft.btn !== undefined && !btnPorted) {
      add(
        "btn",
        "BTN_NOT_PORTED",
        "A full port moves every number of the account, the BTN included; add the BTN or mark the port partial.",
      );
    }
  }
  if (new Set(tns).size !== tns.length) {
    add("tns", "DUPLICATE_TN", "A telephone number appears more than once.");
  }
}

function checkCarrier(draft: OrderDraft, carrier: CarrierRules, add: (f: string, c: string, m: string) => void): void {
  const wireless = carrier.type === "WIRELESS";
  const needs = carrierRequirements(carrier);
  if (needs.accountNumber && !draft.accountNumber?.trim()) {
    const why = wireless
      ? "Wireless carriers require the account number."
      : "This carrier requires the account number.";
    add("accountNumber", "ACCOUNT_NUMBER_REQUIRED", why);
  }
  if (needs.pin && !draft.pin?.trim()) {
    const why = wireless ? "Wireless carriers require the account PIN." : "This carrier requires the account PIN.";
    add("pin", "PIN_REQUIRED", why);
  }
}

function checkLoa(
  draft: OrderDraft,
  portType: PortType,
  context: SubmissionContext,
  add: (f: string, c: string, m: string) => void,
): void {
  // An on-net order needs no LOA (SPEC 5), so an LOA attached to one is not judged either.
  if (portType === "ON_NET") {
    return;
  }
  const loas = (draft.documents ?? []).filter((doc) => doc.kind === "LOA");
  if (loas.length === 0) {
    add(
      "documents",
      "LOA_REQUIRED",
      `${portType === "PROJECT" ? "Project" : "Automated off-net"} orders need a signed LOA.`,
    );
    return;
  }
  const signed = loas
    .map((doc) => doc.signedOn)
    .filter((date): date is string => date !== undefined)
    .sort();
  const newest = signed[signed.length - 1];
  if (newest === undefined) {
    add("documents", "LOA_SIGNED_DATE_REQUIRED", "Enter the date the LOA was signed.");
    return;
  }
  const today = easternDate(context.now) ?? newest;
  const maxAge = context.loaMaxAgeDays ?? LOA_MAX_AGE_DAYS;
  if (newest > today) {
    add("documents", "LOA_SIGNED_IN_FUTURE", "The LOA signature date is in the future.");
  } else if (newest < addDays(today, -maxAge)) {
    add("documents", "LOA_EXPIRED", `The LOA must be signed within ${maxAge} days; this one was signed on ${newest}.`);
  }
}

function checkLengths(
  draft: OrderDraft,
  limits: Readonly<Record<string, number>>,
  add: (f: string, c: string, m: string) => void,
): void {
  for (const [field, limit] of Object.entries(limits)) {
    const value = valueAt(draft, field);
    if (typeof value === "string" && value.trim().length > limit) {
      add(
        field,
        "TOO_LONG_FOR_PARTNER",
        `At most ${limit} characters (partner limit); this has ${value.trim().length}.`,
      );
    }
  }
}

/** Which rules of an order apply to a check: a submission judges every one; an edit (SPEC 8) a few less. */
export interface OrderRuleScope {
  /** The LOA and its age: an edit changes no document, so the LOA is the one judged at submission. */
  loa: boolean;
  /** The requested FOC: an edit judges it only when it changes the date (an old date may have passed). */
  requestedFoc: boolean;
}

export interface OrderRulesCheck {
  errors: FieldIssue[];
  warnings: Issue[];
  portType: PortType;
  submission: OrderSubmission | null;
}

/**
 * The rules of SPEC 5 over one order, numbers already canonical: the shape, the TN limit, the account's on-net-only
 * flag, partial port and replacement BTN, the losing carrier's account number and PIN, the LOA and its age, the
 * partner's field lengths and the requested FOC. Every error at once, each with its field. Used by the submission
 * and by the edit checks, so both judge an order alike.
 */
export function checkOrderRules(draft: OrderDraft, context: SubmissionContext, scope: OrderRuleScope): OrderRulesCheck {
  const errors: FieldIssue[] = [];
  const add = (field: string, code: string, message: string) => {
    if (!errors.some((e) => e.field === field && e.code === code)) {
      errors.push({ field, code, message });
    }
  };
  const parsed = orderSubmissionSchema.safeParse(draft);
  if (!parsed.success) {
    for (const issue of toFieldIssues(parsed.error)) {
      add(issue.field, issue.code, issue.message);
    }
  }
  const limits = context.limits;
  const tnCount = draft.tns?.length ?? 0;
  if (tnCount > limits.maxTnsPerOrder) {
    add(
      "tns",
      "TOO_MANY_TNS",
      `An order holds at most ${limits.maxTnsPerOrder.toLocaleString("en-US")} TNs; this one has ${tnCount.toLocaleString("en-US")}.`,
    );
  }
  if (context.onNetOnly && !context.onNet) {
    add(
      "tns",
      "OFF_NET_NOT_ALLOWED",
      "This account ports on-net numbers only; these numbers are off-net (served through our porting partner). Remove them or ask the porting team.",
    );
  }
  const portType = decidePortType({ onNet: context.onNet, tnCount }, limits);
  checkPartialPort(draft, context.requestTns, add);
  checkCarrier(draft, context.carrier, add);
  if (scope.loa) {
    checkLoa(draft, portType, context, add);
  }
  checkLengths(draft, context.fieldLimits ?? PARTNER_FIELD_LIMITS, add);
  let warnings: Issue[] = [];
  if (scope.requestedFoc && draft.requestedFoc !== undefined) {
    const foc = checkRequestedFoc({
      requested: draft.requestedFoc,
      portType,
      now: context.now,
      calendar: context.calendar,
      carrierMinBusinessDays: context.carrier.minBusinessDays,
    });
    if (foc.ok) {
      warnings = foc.warnings;
    } else {
      for (const error of foc.errors) {
        add("requestedFoc", error.code, error.message);
      }
    }
  }
  return { errors, warnings, portType, submission: parsed.success ? parsed.data : null };
}

/**
 * Validates a submission (SPEC 5) and reports every error at once, each with its field (see `checkOrderRules`);
 * numbers typed in any format of SPEC 3 are compared in their canonical form. Decides the port type.
 */
export function validateSubmission(draft: OrderDraft, context: SubmissionContext): SubmissionCheck {
  const check = checkOrderRules(
    normalizeOrderNumbers(draft),
    { ...context, requestTns: context.requestTns.map(canonicalTn) },
    { loa: true, requestedFoc: true },
  );
  if (check.errors.length > 0 || check.submission === null) {
    return { ok: false, errors: check.errors };
  }
  return { ok: true, submission: check.submission, portType: check.portType, warnings: check.warnings };
}
