import { randomUUID } from "node:crypto";
import {
  attachDraftDocuments,
  type Db,
  type DbOrTx,
  deleteDraft,
  findCarriersBySpids,
  findDraftDocuments,
  findOrdersOfRequest,
  findPortRequestByReference,
  insertOrderLines,
  insertOrderRow,
  insertPortRequest,
  readTogether,
} from "@portway/db";
import {
  type Actor,
  createDraftOrder,
  type DocumentRef,
  easternDate,
  type FieldIssue,
  type Issue,
  normalizeOrderNumbers,
  type OrderDetails,
  type OrderDraft,
  orderDraftSchema,
  type PortType,
  portRequestIssues,
  validateSubmission,
} from "@portway/domain";
import { z } from "zod";
import type { Clock } from "../clock";
import { invalid } from "../errors";
import { checkNumbers } from "../numbering/check-numbers";
import { numberIssues } from "./number-issues";
import { applyEventToOrder, toDomainOrder } from "./order-store";
import { loadAccountRules, loadOrderRuleInputs } from "./rule-context";
import { activeTnConflict, uniqueViolation } from "./unique-violation";

export const submissionInput = z.object({
  draftId: z.string().uuid().optional(),
  submission: orderDraftSchema,
});
export type SubmissionInput = z.infer<typeof submissionInput>;

export interface Submitter {
  accountId: string;
  userId: string;
  /** Set when an API key submits (see `customerActing`): the history names the key, not its creator. */
  apiKeyId?: string;
}

/** Who the submission's history entries name. */
function submitterActor(submitter: Submitter): Actor {
  return submitter.apiKeyId ? { kind: "API_KEY", id: submitter.apiKeyId } : { kind: "USER", id: submitter.userId };
}

interface PlannedOrder {
  carrierId: string;
  carrierName: string;
  carrierSpid: string;
  onNet: boolean;
  portType: PortType;
  tns: string[];
  earliestFocDate: string | null;
  warnings: Issue[];
}

/** The draft's uploaded documents are what counts at submission, not what the browser says it has. */
async function resolveDocuments(db: DbOrTx, submitter: Submitter, draftId: string | undefined): Promise<DocumentRef[]> {
  if (!draftId) {
    return [];
  }
  const rows = await findDraftDocuments(db, submitter.accountId, draftId);
  return rows.map((row) => ({
    documentId: row.id,
    kind: row.kind as DocumentRef["kind"],
    // The signature date as the end user saw it, in US Eastern like every porting date.
    ...(row.signedAt
      ? { signedOn: easternDate(row.signedAt.toISOString()) ?? row.signedAt.toISOString().slice(0, 10) }
      : {}),
  }));
}

/**
 * Splits a submission into orders (SPEC 5) and validates each with the domain: every error of the submission at
 * once, each naming its field. Reads only.
 */
export async function previewSubmission(db: DbOrTx, clock: Clock, submitter: Submitter, input: SubmissionInput) {
  const now = clock.now();
  // Numbers in their canonical form once, so the BTN rules compare like with like (SPEC 3 formats).
  const draft: OrderDraft = normalizeOrderNumbers({
    ...input.submission,
    documents: await resolveDocuments(db, submitter, input.draftId),
  });
  const tns = draft.tns ?? [];
  if (tns.length === 0) {
    return {
      ok: false as const,
      errors: [{ field: "tns", code: "NO_NUMBERS", message: "Add at least one telephone number." }],
      orders: [],
    };
  }
  // The account's rules are read while the numbers are checked (on a transaction, one after the other).
  const [check, account] = await readTogether(
    db,
    () => checkNumbers(db, { input: tns.join("\n"), accountId: submitter.accountId, now }),
    () => loadAccountRules(db, submitter.accountId),
  );
  const errors: FieldIssue[] = numberIssues(check.numbers, { ownOrderId: null });
  errors.push(...check.grouping.errors);
  // Every TN of the port request in canonical form: the BTN rules look at the LSP account as a whole.
  const requestTns = check.numbers.flatMap((entry) => (entry.valid && entry.tn !== null ? [entry.tn] : []));
  const carriers = await findCarriersBySpids(
    db,
    check.grouping.orders.map((o) => o.carrierSpid),
  );
  const carrierBySpid = new Map(carriers.map((c) => [c.spid, c]));
  // Each losing carrier's rules and calendar, read together.
  const ruleInputs = await readTogether(
    db,
    ...carriers.map((carrier) => () => loadOrderRuleInputs(db, { account, carrier, now })),
  );
  const rulesBySpid = new Map(carriers.map((carrier, index) => [carrier.spid, ruleInputs[index]]));
  const orders: PlannedOrder[] = [];
  for (const proposed of check.grouping.orders) {
    const carrier = carrierBySpid.get(proposed.carrierSpid);
    const rules = rulesBySpid.get(proposed.carrierSpid);
    if (!carrier || !rules) {
      errors.push({
        field: "tns",
        code: "NOT_IN_PLAN",
        message: `Carrier ${proposed.carrierSpid} is no longer in the numbering plan.`,
      });
      continue;
    }
    const result = validateSubmission(
      { ...draft, tns: proposed.tns },
      { now: now.toISOString(), onNet: proposed.onNet, ...rules, requestTns },
    );
    if (!result.ok) {
      const label = check.grouping.orders.length > 1 ? `${carrier.name}: ` : "";
      for (const issue of result.errors) {
        const duplicate = errors.some((e) => e.field === issue.field && e.code === issue.code);
        if (!duplicate || label) {
          errors.push({ ...issue, message: `${label}${issue.message}` });
        }
      }
    }
    orders.push({
      carrierId: carrier.id,
      carrierName: carrier.name,
      carrierSpid: carrier.spid,
      onNet: proposed.onNet,
      portType: result.ok ? result.portType : proposed.portType,
      tns: proposed.tns,
      earliestFocDate: proposed.earliestFocDate,
      warnings: result.ok ? result.warnings : [],
    });
  }
  return errors.length > 0
    ? { ok: false as const, errors, orders, warnings: check.warnings }
    : { ok: true as const, errors: [] as FieldIssue[], orders, warnings: check.warnings };
}

/** A port request of one or more LSP accounts: each account's submission is split into orders (SPEC 5). */
export interface PortRequestInput {
  /** The customer order reference of the port request, carried by every order of it. */
  reference: string;
  /** The draft it comes from: its documents count for every order, and it is deleted once submitted. */
  draftId?: string;
  /** One submission per LSP account (BTN, account number, subscriber, address, authorizing person). */
  submissions: OrderDraft[];
}

type SubmissionPreview = Awaited<ReturnType<typeof previewSubmission>>;

/** What a port request would create, account by account; nothing is written. */
export interface PortRequestPreview {
  ok: boolean;
  /** Every error at once; with several accounts each names its account and is filed under `submissions.<index>.`. */
  errors: FieldIssue[];
  /** Errors of the request as a whole (a TN in two accounts, the request's size). */
  requestErrors: FieldIssue[];
  accounts: SubmissionPreview[];
  orders: (PlannedOrder & { account: number })[];
}

function accountLabel(submission: OrderDraft, index: number): string {
  const btn = typeof submission.btn === "string" && submission.btn ? ` (BTN ${submission.btn})` : "";
  return `Account ${index + 1}${btn}`;
}

/**
 * Previews a port request of several LSP accounts: each account's submission as `previewSubmission` does (split by
 * carrier, on-net or off-net, port type), and the rules of the request as a whole. Reads only.
 */
export async function previewPortRequest(
  db: DbOrTx,
  clock: Clock,
  submitter: Submitter,
  input: Omit<PortRequestInput, "reference">,
): Promise<PortRequestPreview> {
  const several = input.submissions.length > 1;
  const accounts: SubmissionPreview[] = [];
  const errors: FieldIssue[] = [];
  const orders: (PlannedOrder & { account: number })[] = [];
  for (const [index, submission] of input.submissions.entries()) {
    const preview = await previewSubmission(db, clock, submitter, {
      ...(input.draftId ? { draftId: input.draftId } : {}),
      submission,
    });
    accounts.push(preview);
    const label = accountLabel(submission, index);
    errors.push(
      ...preview.errors.map((issue) =>
        several
          ? { ...issue, field: `submissions.${index}.${issue.field}`, message: `${label}: ${issue.message}` }
          : issue,
      ),
    );
    orders.push(...preview.orders.map((order) => ({ ...order, account: index })));
  }
  // One account's preview already checks its own size; a TN cannot be in two accounts of one.
  const requestErrors = several ? portRequestIssues(input.submissions) : [];
  if (input.submissions.length === 0) {
    requestErrors.push({ field: "submissions", code: "NO_ACCOUNTS", message: "Add at least one LSP account." });
  }
  errors.push(...requestErrors);
  return { ok: errors.length === 0, errors, requestErrors, accounts, orders };
}

export interface SubmitOptions {
  /** The error a refused request fails with; by default every error of the preview. */
  refusal?: (preview: PortRequestPreview) => Error;
}

async function existingRequest(db: DbOrTx, accountId: string, portRequestId: string) {
  return { portRequestId, created: false, orders: await findOrdersOfRequest(db, accountId, portRequestId) };
}

/**
 * Submits a port request of one or more LSP accounts in one transaction: every account's submission is previewed,
 * and nothing is created while any has an error; then one port request with all their orders (sequence numbers
 * running on from one account to the next; each order with its own account's details and the request's customer
 * reference), history, jobs and the porting team's project ports. Submitting again with the same customer reference
 * returns the orders already created.
 */
export async function submitPortRequestOfAccounts(
  db: Db,
  clock: Clock,
  submitter: Submitter,
  input: PortRequestInput,
  options: SubmitOptions = {},
) {
  const reference = input.reference.trim();
  if (!reference) {
    throw invalid([
      { field: "customerOrderRef", code: "REFERENCE_REQUIRED", message: "Customer order reference is required." },
    ]);
  }
  const existing = await findPortRequestByReference(db, submitter.accountId, reference);
  if (existing) {
    return existingRequest(db, submitter.accountId, existing.id);
  }
  try {
    return await db.transaction(async (tx) => {
      const preview = await previewPortRequest(tx, clock, submitter, input);
      if (!preview.ok) {
        throw options.refusal ? options.refusal(preview) : invalid(preview.errors);
      }
      const now = clock.now();
      const documents = await resolveDocuments(tx, submitter, input.draftId);
      const request = await insertPortRequest(tx, {
        accountId: submitter.accountId,
        customerReference: reference,
        submittedBy: submitter.userId,
        draftId: input.draftId ?? null,
        tnCount: preview.orders.reduce((sum, o) => sum + o.tns.length, 0),
        createdAt: now,
      });
      // The TN list lives in the order's lines, not in its details; the BTNs are stored canonical.
      const detailsOf = input.submissions.map((submission): OrderDetails => {
        const { tns: _tns, ...fields } = normalizeOrderNumbers(submission);
        return { ...fields, customerOrderRef: reference, documents };
      });
      for (const [index, planned] of preview.orders.entries()) {
        const details = detailsOf[planned.account] as OrderDetails;
        const id = randomUUID();
        const draftOrder = createDraftOrder({ id, tns: planned.tns, details });
        const row = await insertOrderRow(tx, {
          id,
          accountId: submitter.accountId,
          portRequestId: request.id,
          sequence: index + 1,
          status: draftOrder.status,
          customerReference: reference,
          btn: typeof details.btn === "string" ? details.btn : null,
          carrierId: planned.carrierId,
          onNet: planned.onNet,
          tnCount: planned.tns.length,
          details: details as Record<string, unknown>,
          createdAt: now,
          updatedAt: now,
          lastProgressAt: now,
        });
        await insertOrderLines(
          tx,
          planned.tns.map((tn) => ({ orderId: id, accountId: submitter.accountId, tn })),
        );
        const lines = planned.tns.map((tn, i) => ({
          id: i,
          orderId: id,
          accountId: submitter.accountId,
          tn,
          status: "PENDING",
          excludedReason: null,
          activatedAt: null,
          active: true,
        }));
        await applyEventToOrder(
          tx,
          { row, lines, order: toDomainOrder(row, lines, []) },
          { type: "SUBMIT", portType: planned.portType },
          { now, actor: submitterActor(submitter) },
        );
        if (input.draftId) {
          await attachDraftDocuments(tx, input.draftId, id);
        }
      }
      if (input.draftId) {
        await deleteDraft(tx, { draftId: input.draftId, accountId: submitter.accountId });
      }
      return {
        portRequestId: request.id,
        created: true,
        orders: await findOrdersOfRequest(tx, submitter.accountId, request.id),
      };
    });
  } catch (error) {
    const violation = uniqueViolation(error);
    if (violation?.constraint === "port_requests_account_reference_uq") {
      const winner = await findPortRequestByReference(db, submitter.accountId, reference);
      if (winner) {
        return existingRequest(db, submitter.accountId, winner.id);
      }
    }
    throw activeTnConflict(error) ?? error;
  }
}

/**
 * Submits one LSP account's submission: the port request of one account (its orders split by carrier, on-net or
 * off-net, port type), created in one transaction. Submitting again with the same customer reference returns the
 * orders already created.
 */
export async function submitPortRequest(db: Db, clock: Clock, submitter: Submitter, input: SubmissionInput) {
  return submitPortRequestOfAccounts(db, clock, submitter, {
    reference: input.submission.customerOrderRef ?? "",
    ...(input.draftId ? { draftId: input.draftId } : {}),
    submissions: [input.submission],
  });
}
