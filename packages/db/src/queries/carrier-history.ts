import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { customerAccounts } from "../schema/accounts";
import { carrierAccountFormats } from "../schema/carrier-stats";
import { rejections } from "../schema/order-work";
import { orderHistory, portOrders, portOrderTns } from "../schema/orders";

/** One step of a past order's history, as the lifecycle recorded it. */
export interface PastHistoryEntry {
  at: Date;
  actorKind: "USER" | "STAFF" | "PARTNER" | "SYSTEM";
  event: string;
  fromStatus: string;
  toStatus: string;
  reason?: string;
}

/** A finished order of the past: what the partner produced for it (acceptance, CSR, FOC or rejection, completion). */
export interface PastOrder {
  carrierId: string;
  portType: string;
  pon: string;
  customerReference: string;
  btn: string;
  tns: readonly string[];
  status: "COMPLETE" | "CANCELLED";
  requestedFocAt: Date;
  focAt: Date | null;
  history: readonly PastHistoryEntry[];
  rejection: { code: string; reason: string; text: string; at: Date; resolvedAt: Date | null } | null;
}

/** The account that holds the demo's past orders, created when missing. */
export async function ensureCustomerAccount(db: DbOrTx, account: { name: string; slug: string }): Promise<string> {
  await db.insert(customerAccounts).values(account).onConflictDoNothing({ target: customerAccounts.slug });
  const [row] = await db
    .select({ id: customerAccounts.id })
    .from(customerAccounts)
    .where(eq(customerAccounts.slug, account.slug));
  if (!row) {
    throw new Error(`account ${account.slug} could not be created`);
  }
  return row.id;
}

/** How many orders an account has (any status). */
export async function countAccountOrders(db: DbOrTx, accountId: string): Promise<number> {
  const result = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from port_orders where account_id = ${accountId}`,
  );
  return result.rows[0]?.n ?? 0;
}

/** Writes finished past orders with their TNs (no longer active), history and rejection, in the caller's transaction. */
export async function insertPastOrders(db: DbOrTx, accountId: string, orders: readonly PastOrder[]): Promise<void> {
  for (let start = 0; start < orders.length; start += 200) {
    const batch = orders.slice(start, start + 200);
    const inserted = await db
      .insert(portOrders)
      .values(
        batch.map((o) => {
          const last = o.history[o.history.length - 1];
          return {
            accountId,
            status: o.status,
            portType: o.portType,
            pon: o.pon,
            customerReference: o.customerReference,
            btn: o.btn,
            tnCount: o.tns.length,
            carrierId: o.carrierId,
            requestedFocAt: o.requestedFocAt,
            focAt: o.focAt,
            version: o.history.length + 1,
            createdAt: o.history[0]?.at ?? o.requestedFocAt,
            updatedAt: last?.at ?? o.requestedFocAt,
            lastProgressAt: last?.at ?? o.requestedFocAt,
          };
        }),
      )
      .returning({ id: portOrders.id });
    const ids = inserted.map((r) => r.id);
    await db.insert(portOrderTns).values(
      batch.flatMap((o, i) =>
        o.tns.map((tn) => ({
          orderId: ids[i] as string,
          accountId,
          tn,
          status: o.status === "COMPLETE" ? "ACTIVATED" : "PENDING",
          active: false,
        })),
      ),
    );
    await db.insert(orderHistory).values(
      batch.flatMap((o, i) =>
        o.history.map((h, k) => ({
          orderId: ids[i] as string,
          version: k + 2,
          at: h.at,
          actorKind: h.actorKind,
          event: h.event,
          fromStatus: h.fromStatus,
          toStatus: h.toStatus,
          reason: h.reason ?? null,
        })),
      ),
    );
    const rejected = batch.flatMap((o, i) => (o.rejection ? [{ order: o, id: ids[i] as string }] : []));
    if (rejected.length > 0) {
      await db.insert(rejections).values(
        rejected.map(({ order, id }) => ({
          orderId: id,
          code: order.rejection?.code ?? "OTHER",
          reason: order.rejection?.reason ?? "OTHER",
          rawText: order.rejection?.text ?? null,
          carrierId: order.carrierId,
          receivedAt: order.rejection?.at ?? order.requestedFocAt,
          resolvedAt: order.rejection?.resolvedAt ?? null,
        })),
      );
    }
  }
}

/** Sets the known account number lengths of carriers (the rules that predict a rejection with certainty). */
export async function upsertCarrierAccountFormats(
  db: DbOrTx,
  formats: readonly { carrierId: string; lengths: number[] }[],
): Promise<void> {
  for (const format of formats) {
    await db
      .insert(carrierAccountFormats)
      .values(format)
      .onConflictDoUpdate({ target: carrierAccountFormats.carrierId, set: { lengths: format.lengths } });
  }
}
