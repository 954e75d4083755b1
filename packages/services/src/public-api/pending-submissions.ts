import {
  type Db,
  findDraft,
  findOrderIdsOfDraft,
  findOrderRow,
  insertPendingSubmission,
  isPendingSubmission,
} from "@portway/db";
import type { OrderDraft } from "@portway/domain";
import type { Clock } from "../clock";
import { uploadDraftDocument } from "../collaboration/documents";
import { invalid, notFound } from "../errors";
import { removeDraft, saveDraft } from "../orders/drafts";
import { previewSubmission, type Submitter, submitPortRequest } from "../orders/submit";

/** Errors that only say the signed LOA is still missing: the submission waits for it instead of failing. */
const documentCodes = new Set(["LOA_REQUIRED", "LOA_SIGNED_DATE_REQUIRED"]);

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type SubmitOrWait =
  | { kind: "submitted"; portRequestId: string; orderIds: string[]; created: boolean }
  | {
      kind: "pending-documents";
      draftId: string;
      /** The orders it will split into (losing carrier and port type), for the rejection-risk warnings. */
      planned: { carrierSpid: string; portType: string }[];
    };

/**
 * Submits a port request, or, when the only thing missing is the signed LOA, keeps it as a draft that waits for it
 * (Bandwidth's PENDING_DOCUMENTS): uploading the LOA then submits it. Any other error refuses it, keeping nothing.
 */
export async function submitOrAwaitDocuments(
  db: Db,
  clock: Clock,
  submitter: Submitter,
  submission: OrderDraft,
): Promise<SubmitOrWait> {
  const draft = await saveDraft(db, clock, submitter, { data: submission });
  const preview = await previewSubmission(db, clock, submitter, { draftId: draft.id, submission });
  const blocking = preview.errors.filter((error) => !documentCodes.has(error.code));
  if (blocking.length > 0) {
    await removeDraft(db, submitter, draft.id);
    throw invalid(blocking);
  }
  if (!preview.ok) {
    await insertPendingSubmission(db, { draftId: draft.id, accountId: submitter.accountId, createdAt: clock.now() });
    return {
      kind: "pending-documents",
      draftId: draft.id,
      planned: preview.orders.map((o) => ({ carrierSpid: o.carrierSpid, portType: o.portType })),
    };
  }
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
 */
export async function resolvePortIn(db: Db, accountId: string, id: string): Promise<ResolvedPortIn> {
  if (!uuidPattern.test(id)) {
    throw notFound("The port-in");
  }
  const order = await findOrderRow(db, { orderId: id, accountId });
  if (order) {
    return { kind: "order", orderId: order.id, orderIds: [order.id] };
  }
  const draft = await findDraft(db, { draftId: id, accountId });
  if (draft) {
    return {
      kind: "draft",
      draftId: draft.id,
      pendingDocuments: await isPendingSubmission(db, { accountId, draftId: id }),
    };
  }
  const orderIds = await findOrderIdsOfDraft(db, { accountId, draftId: id });
  const first = orderIds[0];
  if (first) {
    return { kind: "order", orderId: first, orderIds };
  }
  throw notFound("The port-in");
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
  const document = await uploadDraftDocument(db, clock, submitter, {
    ...input,
    // Bandwidth's upload carries no signature date: the LOA counts as signed when it is uploaded.
    ...(input.kind === "LOA" ? { signedAt: clock.now().toISOString() } : {}),
  });
  if (
    input.kind !== "LOA" ||
    !(await isPendingSubmission(db, { accountId: submitter.accountId, draftId: input.draftId }))
  ) {
    return { documentId: document.id, submitted: null };
  }
  const draft = await findDraft(db, { draftId: input.draftId, accountId: submitter.accountId });
  if (!draft) {
    throw notFound("The draft");
  }
  const result = await submitPortRequest(db, clock, submitter, {
    draftId: input.draftId,
    submission: draft.data as OrderDraft,
  });
  return { documentId: document.id, submitted: result.orders.map((o) => o.id) };
}
