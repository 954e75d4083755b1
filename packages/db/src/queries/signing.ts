import { and, desc, eq, gt, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { portOrders, portRequests, signingRequests } from "../schema/index";

export type SigningRequestRow = typeof signingRequests.$inferSelect;

export async function insertSigningRequest(db: DbOrTx, row: typeof signingRequests.$inferInsert) {
  const [inserted] = await db.insert(signingRequests).values(row).returning();
  if (!inserted) {
    throw new Error("signing request not inserted");
  }
  return inserted;
}

/** The request a link's token opens, locked for the signature when `forUpdate`. */
export async function findSigningRequestByToken(
  db: DbOrTx,
  tokenSha256: string,
  options: { forUpdate?: boolean } = {},
): Promise<SigningRequestRow | null> {
  const query = db.select().from(signingRequests).where(eq(signingRequests.tokenSha256, tokenSha256)).limit(1);
  const rows = options.forUpdate ? await query.for("update") : await query;
  return rows[0] ?? null;
}

export async function findSigningRequest(db: DbOrTx, where: { id: string; accountId: string }) {
  const rows = await db
    .select()
    .from(signingRequests)
    .where(and(eq(signingRequests.id, where.id), eq(signingRequests.accountId, where.accountId)))
    .limit(1)
    .for("update");
  return rows[0] ?? null;
}

/** An order's (or a draft's) signing requests, newest first, without the frozen PDF. */
export async function findSigningRequests(
  db: DbOrTx,
  where: { accountId: string; orderId?: string; draftId?: string },
) {
  const target = where.orderId
    ? eq(signingRequests.orderId, where.orderId)
    : eq(signingRequests.draftId, where.draftId ?? "00000000-0000-0000-0000-000000000000");
  return db
    .select({
      id: signingRequests.id,
      orderId: signingRequests.orderId,
      draftId: signingRequests.draftId,
      signerName: signingRequests.signerName,
      signerEmail: signingRequests.signerEmail,
      signerTitle: signingRequests.signerTitle,
      status: signingRequests.status,
      expiresAt: signingRequests.expiresAt,
      createdAt: signingRequests.createdAt,
      revokedAt: signingRequests.revokedAt,
      signedAt: signingRequests.signedAt,
      signedDocumentId: signingRequests.signedDocumentId,
    })
    .from(signingRequests)
    .where(and(eq(signingRequests.accountId, where.accountId), target))
    .orderBy(desc(signingRequests.createdAt));
}

export async function updateSigningRequest(
  db: DbOrTx,
  id: string,
  changes: Partial<
    Pick<
      SigningRequestRow,
      | "status"
      | "revokedAt"
      | "signedAt"
      | "signedName"
      | "signerIp"
      | "signerUserAgent"
      | "signedDocumentId"
      | "signerTitle"
    >
  >,
) {
  await db.update(signingRequests).set(changes).where(eq(signingRequests.id, id));
}

/**
 * Gives a request the hash of the token its email is about to carry, replacing any earlier one (a retried send), while
 * the request still waits for a signature; null when it was signed, revoked or has expired meanwhile.
 */
export async function setSigningTokenForSend(db: DbOrTx, where: { id: string; tokenSha256: string; now: Date }) {
  const rows = await db
    .update(signingRequests)
    .set({ tokenSha256: where.tokenSha256 })
    .where(
      and(
        eq(signingRequests.id, where.id),
        eq(signingRequests.status, "PENDING"),
        gt(signingRequests.expiresAt, where.now),
      ),
    )
    .returning({ id: signingRequests.id });
  return rows[0] ?? null;
}

/** Revokes the still-pending links of an order or draft (a new link replaces them). */
export async function revokePendingSigningRequests(
  db: DbOrTx,
  where: { orderId?: string; draftId?: string },
  at: Date,
) {
  const target = where.orderId
    ? eq(signingRequests.orderId, where.orderId)
    : eq(signingRequests.draftId, where.draftId ?? "00000000-0000-0000-0000-000000000000");
  await db
    .update(signingRequests)
    .set({ status: "REVOKED", revokedAt: at })
    .where(and(target, eq(signingRequests.status, "PENDING"), sql`${signingRequests.expiresAt} > ${at}`));
}

/** The account's links still waiting for a signature (not signed, revoked or expired), with their order's names. */
export async function findAccountPendingSignatures(db: DbOrTx, accountId: string, now: Date) {
  return db
    .select({
      id: signingRequests.id,
      orderId: signingRequests.orderId,
      draftId: signingRequests.draftId,
      signerName: signingRequests.signerName,
      createdAt: signingRequests.createdAt,
      expiresAt: signingRequests.expiresAt,
      customerReference: portOrders.customerReference,
    })
    .from(signingRequests)
    .leftJoin(portOrders, eq(portOrders.id, signingRequests.orderId))
    .where(
      and(
        eq(signingRequests.accountId, accountId),
        eq(signingRequests.status, "PENDING"),
        gt(signingRequests.expiresAt, now),
      ),
    )
    .orderBy(desc(signingRequests.createdAt));
}

/** The orders a draft became when it was submitted (its port request names the draft). */
export async function findOrdersOfSubmittedDraft(db: DbOrTx, where: { accountId: string; draftId: string }) {
  return db
    .select({ id: portOrders.id })
    .from(portOrders)
    .innerJoin(portRequests, eq(portRequests.id, portOrders.portRequestId))
    .where(and(eq(portRequests.accountId, where.accountId), eq(portRequests.draftId, where.draftId)))
    .orderBy(portOrders.sequence);
}
