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
} from "@portway/db";
import {
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
  const check = await checkNumbers(db, { input: tns.join("\n"), accountId: submitter.accountId, now });
  const errors: FieldIssue[] = numberIssues(check.numbers, { ownOrderId: null });
  errors.push(...check.grouping.errors);
  // Every TN of the port request in canonical form: the BTN rules look at the LSP account as a whole.
  const requestTns = check.numbers.flatMap((entry) => (entry.valid && entry.tn !== null ? [entry.tn] : []));
  const account = await loadAccountRules(db, submitter.accountId);
  const carriers = await findCarriersBySpids(
    db,
    check.grouping.orders.map((o) => o.carrierSpid),
  );
  const carrierBySpid = new Map(carriers.map((c) => [c.spid, c]));
  const orders: PlannedOrder[] = [];
  for (const proposed of check.grouping.orders) {
    const carrier = carrierBySpid.get(proposed.carrierSpid);
    if (!carrier) {
      errors.push({
        field: "tns",
        code: "NOT_IN_PLAN",
        message: `Carrier ${proposed.carrierSpid} is no longer in the numbering plan.`,
      });
      continue;
    }
    const rules = await loadOrderRuleInputs(db, { account, carrier, now });
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

/**
 * Submits: creates the port request and its orders in one transaction (history, jobs and the porting team's project
 * ports included). Submitting again with the same customer reference returns the orders already created.
 */
export async function submitPortRequest(db: Db, clock: Clock, submitter: Submitter, input: SubmissionInput) {
  const reference = input.submission.customerOrderRef?.trim();
  if (!reference) {
    throw invalid([
      { field: "customerOrderRef", code: "REFERENCE_REQUIRED", message: "Customer order reference is required." },
    ]);
  }
  const existing = await findPortRequestByReference(db, submitter.accountId, reference);
  if (existing) {
    return {
      portRequestId: existing.id,
      created: false,
      orders: await findOrdersOfRequest(db, submitter.accountId, existing.id),
    };
  }
  try {
    return await db.transaction(async (tx) => {
      const preview = await previewSubmission(tx, clock, submitter, input);
      if (!preview.ok) {
        throw invalid(preview.errors);
      }
      const now = clock.now();
      const documents = await resolveDocuments(tx, submitter, input.draftId);
      // The TN list lives in the order's lines, not in its details; the BTNs are stored canonical.
      const { tns: _tns, ...fields } = normalizeOrderNumbers(input.submission);
      const details: OrderDetails = { ...fields, customerOrderRef: reference, documents };
      const request = await insertPortRequest(tx, {
        accountId: submitter.accountId,
        customerReference: reference,
        submittedBy: submitter.userId,
        draftId: input.draftId ?? null,
        tnCount: preview.orders.reduce((sum, o) => sum + o.tns.length, 0),
        createdAt: now,
      });
      for (const [index, planned] of preview.orders.entries()) {
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
          { now, actor: { kind: "USER", id: submitter.userId } },
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
        return {
          portRequestId: winner.id,
          created: false,
          orders: await findOrdersOfRequest(db, submitter.accountId, winner.id),
        };
      }
    }
    throw activeTnConflict(error) ?? error;
  }
}
