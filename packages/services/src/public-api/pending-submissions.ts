import { type Db, findPendingDraft, findPortInTarget, insertPendingSubmission } from "@portway/db";
import type { OrderDraft, RejectionRiskWarning } from "@portway/domain";
import type { Clock } from "../clock";
import { uploadDraftDocument } from "../collaboration/documents";
import { invalid, notFound } from "../errors";
import { rejectionRiskWarnings } from "../insight/risk-warnings";
import { saveDraft } from "../orders/drafts";
import { previewSubmission, type Submitter, submitPortRequest } from "../orders/submit";
import { findPortInSummary, type PortInSummary } from "./port-in";

/** Errors that only say the signed LOA is still missing: the submission waits for it instead of failing. */
const documentCodes = new Set(["LOA_REQUIRED", "LOA_SIGNED_DATE_REQUIRED"]);

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type SubmitOrWait =
  | { kind: "submitted"; portRequestId: string; orderIds: string[]; created: boolean }
  | {
      kind: "pending-documents";
      draftId: string;
      /** When the draft was saved (created and last modified: it is new). */
      savedAt: Date;
      /** The orders it will split into (losing carrier and port type), for the rejection-risk warnings. */
      planned: { carrierSpid: string; portType: string }[];
      /** The wizard's rejection-risk warnings of those orders (warnings, never errors). */
      warnings: RejectionRiskWarning[];
    };

/**
 * Submits a port request, or, when the only thing missing is the signed LOA, keeps it as a draft that waits for it
 * (Bandwidth's PENDING_DOCUMENTS): uploading the LOA then submits it. Any other error refuses it, keeping nothing.
 * The submission is checked once before anything is written (a new draft has no documents yet, so the check is the
 * same as the draft's); a complete one is then submitted, whose transaction checks it again at its own time. A
 * waiting one is written with its mark in one transaction (kept whole or not at all) and answers the rejection-risk
 * warnings of the orders it will become, read while it is written.
 */
export async function submitOrAwaitDocuments(
  db: Db,
  clock: Clock,
  submitter: Submitter,
  submission: OrderDraft,
): Promise<SubmitOrWait> {
  const preview = await previewSubmission(db, clock, submitter, { submission });
  const blocking = preview.errors.filter((error) => !documentCodes.has(error.code));
  if (blocking.length > 0) {
    throw invalid(blocking);
  }
  if (!preview.ok) {
    const planned = preview.orders.map((o) => ({ carrierSpid: o.carrierSpid, portType: o.portType }));
    // The transaction waits for nothing but its own statements, so it never holds a connection the read below needs.
    const [draft, risk] = await Promise.all([
      db.transaction(async (tx) => {
        const saved = await saveDraft(tx, clock, submitter, { data: submission });
        await insertPendingSubmission(tx, {
          draftId: saved.id,
          accountId: submitter.accountId,
          createdAt: clock.now(),
        });
        return saved;
      }),
      rejectionRiskWarnings(db, {
        accountId: submitter.accountId,
        now: clock.now(),
        orders: planned,
        accountNumber: submission.accountNumber ?? null,
        pin: submission.pin ?? null,
      }),
    ]);
    return { kind: "pending-documents", draftId: draft.id, savedAt: draft.updatedAt, planned, warnings: risk.warnings };
  }
  const draft = await saveDraft(db, clock, submitter, { data: submission });
  const result = await submitPortRequest(db, clock, submitter, { draftId: draft.id, submission });
  return {
    kind: "submitted",
    portRequestId: result.portRequestId,
    orderIds: result.orders.map((o) => o.id),
    created: result.created,
  };
}

export type ResolvedPortIn =
  | { kind: "order"; orderId: string; orderIds: string[] }
  | { kind: "draft"; draftId: string; pendingDocuments: boolean };

/**
 * What an ID of the Bandwidth-compatible API names in the caller's account: an order, a draft (waiting for its LOA
 * or not), or a draft since submitted (its first order). Another account's ID, or no ID at all, is NOT_FOUND.
 * One statement.
 */
export async function resolvePortIn(db: Db, accountId: string, id: string): Promise<ResolvedPortIn> {
  if (!uuidPattern.test(id)) {
    throw notFound("The port-in");
  }
  const target = await findPortInTarget(db, { accountId, id });
  if (target.order) {
    return { kind: "order", orderId: id, orderIds: [id] };
  }
  if (target.draft) {
    return { kind: "draft", draftId: id, pendingDocuments: target.pendingDocuments };
  }
  const first = target.orderIdsOfDraft[0];
  if (first) {
    return { kind: "order", orderId: first, orderIds: target.orderIdsOfDraft };
  }
  throw notFound("The port-in");
}

export type ResolvedPortInSummary =
  | { kind: "order"; orderId: string; view: PortInSummary }
  | { kind: "draft"; draftId: string; pendingDocuments: boolean };

/**
 * The port-in an ID of the Bandwidth-compatible API names, for its GET: an order's ID (the usual case) is answered
 * with the order in one statement; a draft, or a draft since submitted, is resolved as resolvePortIn does.
 */
export async function getBandwidthPortIn(db: Db, accountId: string, id: string): Promise<ResolvedPortInSummary> {
  if (!uuidPattern.test(id)) {
    throw notFound("The port-in");
  }
  const direct = await findPortInSummary(db, { orderId: id, accountId });
  if (direct) {
    return { kind: "order", orderId: id, view: direct };
  }
  const resolved = await resolvePortIn(db, accountId, id);
  if (resolved.kind === "draft") {
    return resolved;
  }
  const view = await findPortInSummary(db, { orderId: resolved.orderId, accountId });
  if (!view) {
    throw notFound("The port-in");
  }
  return { kind: "order", orderId: resolved.orderId, view };
}

/**
 * An LOA (or another document) uploaded to a draft; a draft waiting for its LOA is submitted by it. Answers the
 * document and, when submitted, the orders.
 */
export async function attachDraftDocument(
  db: Db,
  clock: Clock,
  submitter: Submitter,
  input: { draftId: string; kind: "LOA" | "BILL_COPY" | "CSR" | "OTHER"; fileName: string; contentBase64: string },
) {
  // Whether the draft waits for its LOA is read while the document is stored (the upload does not change it).
  const pending =
    input.kind === "LOA"
      ? findPendingDraft(db, { draftId: input.draftId, accountId: submitter.accountId })
      : Promise.resolve(null);
  // Its failure is answered where it is awaited, not as an unhandled rejection while the upload runs.
  pending.catch(() => null);
  const document = await uploadDraftDocument(db, clock, submitter, {
    ...input,
    // Bandwidth's upload carries no signature date: the LOA counts as signed when it is uploaded.
    ...(input.kind === "LOA" ? { signedAt: clock.now().toISOString() } : {}),
  });
  if (input.kind !== "LOA") {
    return { documentId: document.id, submitted: null };
  }
  const draft = await pending;
  if (!draft) {
    return { documentId: document.id, submitted: null };
  }
  // The submission's one check is its transaction's own.
  const result = await submitPortRequest(db, clock, submitter, {
    draftId: input.draftId,
    submission: draft.data as OrderDraft,
  });
  return { documentId: document.id, submitted: result.orders.map((o) => o.id) };
}
