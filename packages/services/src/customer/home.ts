import {
  type DbOrTx,
  findAccountDraftsWithLoa,
  findAccountExceptions,
  findAccountLoaRejections,
  findAccountOpenManualRequests,
  findAccountPendingSignatures,
  findAccountUpcomingFocs,
} from "@portway/db";
import type { OrderDraft } from "@portway/domain";
import { formatEt } from "../notifications/record";

const UPCOMING_DAYS = 14;

function draftName(data: OrderDraft): string | null {
  return (
    data.subscriber?.businessName ??
    ([data.subscriber?.firstName, data.subscriber?.lastName].filter(Boolean).join(" ") || null)
  );
}

/**
 * The customer's home (SPEC 12): what needs the customer now (exceptions, drafts, missing LOAs, short-notice requests
 * waiting for the porting team) and the FOCs of the next two weeks. Reads only; every query is scoped to the account.
 */
export async function getCustomerHome(db: DbOrTx, where: { accountId: string; now: Date }) {
  const horizon = new Date(where.now.getTime() + UPCOMING_DAYS * 24 * 3600 * 1000);
  const [exceptions, shortNotice, upcoming, drafts, loaRejections, signatures] = await Promise.all([
    findAccountExceptions(db, where.accountId),
    findAccountOpenManualRequests(db, where.accountId, ["SHORT_NOTICE_RESCHEDULE", "SHORT_NOTICE_CANCEL"]),
    findAccountUpcomingFocs(db, where.accountId, { from: where.now, to: horizon }),
    findAccountDraftsWithLoa(db, where.accountId),
    findAccountLoaRejections(db, where.accountId),
    findAccountPendingSignatures(db, where.accountId, where.now),
  ]);
  const waitingFor = (request: (typeof signatures)[number]) =>
    `Waiting for ${request.signerName} to sign the LOA sent by link (valid until ${formatEt(request.expiresAt)}).`;
  const draftSignatures = new Map(signatures.filter((s) => s.draftId).map((s) => [s.draftId, s]));
  const draftRows = drafts.map((row) => {
    const data = row.data as OrderDraft;
    return {
      id: row.id,
      tnCount: row.tnCount,
      customerOrderRef: data.customerOrderRef ?? null,
      subscriberName: draftName(data),
      hasLoa: row.hasLoa,
      updatedAt: row.updatedAt,
    };
  });
  return {
    now: where.now,
    upcomingDays: UPCOMING_DAYS,
    exceptions,
    shortNotice: shortNotice.map((request) => ({
      id: request.id,
      kind: request.kind,
      reason: request.reason,
      requestedFocAt: request.requestedFocAt,
      createdAt: request.createdAt,
      order: request.order,
    })),
    drafts: draftRows,
    missingDocuments: [
      ...draftRows
        .filter((draft) => !draft.hasLoa)
        .map((draft) => ({
          kind: "DRAFT" as const,
          id: draft.id,
          label: draft.customerOrderRef ?? draft.subscriberName ?? "Untitled draft",
          why: draftSignatures.has(draft.id)
            ? waitingFor(draftSignatures.get(draft.id) as (typeof signatures)[number])
            : "No signed LOA uploaded yet; off-net and project ports need one signed within 30 days.",
        })),
      ...signatures
        .filter((request) => request.orderId)
        .map((request) => ({
          kind: "ORDER" as const,
          id: request.orderId ?? "",
          label: request.customerReference ?? request.orderId ?? "",
          why: waitingFor(request),
        })),
      ...loaRejections.map((rejection) => ({
        kind: "ORDER" as const,
        id: rejection.orderId,
        label: rejection.customerReference ?? rejection.orderId,
        why: "The losing carrier refused the LOA; upload a new signed LOA and resubmit.",
      })),
    ],
    upcoming,
  };
}
