import { and, asc, desc, eq, gte, inArray, isNull, lte, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { authUsers, documents, manualRequests, portDrafts, portOrders, rejections } from "../schema/index";

const orderSummary = {
  id: portOrders.id,
  status: portOrders.status,
  portType: portOrders.portType,
  pon: portOrders.pon,
  customerReference: portOrders.customerReference,
  tnCount: portOrders.tnCount,
  focAt: portOrders.focAt,
  updatedAt: portOrders.updatedAt,
};

/** Orders of one account waiting on the customer after a rejection, most recent first. */
export async function findAccountExceptions(db: DbOrTx, accountId: string, limit = 20) {
  return db
    .select(orderSummary)
    .from(portOrders)
    .where(and(eq(portOrders.accountId, accountId), eq(portOrders.status, "EXCEPTION")))
    .orderBy(desc(portOrders.updatedAt))
    .limit(limit);
}

/** Open short-notice requests (reschedule or cancel) of one account's orders, waiting for the porting team. */
export async function findAccountOpenManualRequests(db: DbOrTx, accountId: string, kinds: string[], limit = 20) {
  return db
    .select({
      id: manualRequests.id,
      kind: manualRequests.kind,
      reason: manualRequests.reason,
      requestedFocAt: manualRequests.requestedFocAt,
      createdAt: manualRequests.createdAt,
      order: orderSummary,
    })
    .from(manualRequests)
    .innerJoin(portOrders, eq(portOrders.id, manualRequests.orderId))
    .where(
      and(eq(portOrders.accountId, accountId), eq(manualRequests.status, "OPEN"), inArray(manualRequests.kind, kinds)),
    )
    .orderBy(asc(manualRequests.createdAt))
    .limit(limit);
}

/** Orders of one account with an FOC in a time range, soonest first. */
export async function findAccountUpcomingFocs(db: DbOrTx, accountId: string, range: { from: Date; to: Date }) {
  return db
    .select(orderSummary)
    .from(portOrders)
    .where(
      and(
        eq(portOrders.accountId, accountId),
        inArray(portOrders.status, ["FOC", "SUPP_PENDING"]),
        gte(portOrders.focAt, range.from),
        lte(portOrders.focAt, range.to),
      ),
    )
    .orderBy(asc(portOrders.focAt), asc(portOrders.id))
    .limit(50);
}

/** Open rejections of one account's orders in EXCEPTION whose canonical reason is an LOA problem. */
export async function findAccountLoaRejections(db: DbOrTx, accountId: string, limit = 20) {
  return db
    .select({ orderId: portOrders.id, customerReference: portOrders.customerReference, rawText: rejections.rawText })
    .from(rejections)
    .innerJoin(portOrders, eq(portOrders.id, rejections.orderId))
    .where(
      and(
        eq(portOrders.accountId, accountId),
        eq(portOrders.status, "EXCEPTION"),
        eq(rejections.reason, "LOA_PROBLEM"),
        isNull(rejections.resolvedAt),
      ),
    )
    .limit(limit);
}

/** Drafts of one account, each with whether an LOA is uploaded yet. */
export async function findAccountDraftsWithLoa(db: DbOrTx, accountId: string, limit = 50) {
  return db
    .select({
      id: portDrafts.id,
      data: portDrafts.data,
      tnCount: portDrafts.tnCount,
      updatedAt: portDrafts.updatedAt,
      hasLoa: sql<boolean>`exists (select 1 from ${documents} where ${documents.draftId} = ${portDrafts.id} and ${documents.kind} = 'LOA')`,
    })
    .from(portDrafts)
    .where(eq(portDrafts.accountId, accountId))
    .orderBy(desc(portDrafts.updatedAt))
    .limit(limit);
}

/** The users of one customer account with their roles. */
export async function findAccountUsers(db: DbOrTx, accountId: string) {
  return db
    .select({
      id: authUsers.id,
      name: authUsers.name,
      email: authUsers.email,
      role: authUsers.role,
      createdAt: authUsers.createdAt,
    })
    .from(authUsers)
    .where(and(eq(authUsers.accountId, accountId), eq(authUsers.kind, "customer")))
    .orderBy(asc(authUsers.name));
}
