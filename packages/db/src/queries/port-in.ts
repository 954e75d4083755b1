import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import {
  apiPendingSubmissions,
  carriers,
  holidays,
  portDrafts,
  portOrders,
  portOrderTns,
  portRequests,
  rejections,
} from "../schema/index";

/** A TN line as the one-order read answers it; instants as epoch milliseconds (as the driver truncates them). */
export interface PortInLine {
  id: number;
  tn: string;
  status: string;
  excludedReason: string | null;
  activatedAtMs: number | null;
  active: boolean;
}

/** A rejection of the order, newest first. */
export interface PortInRejection {
  id: number;
  code: string;
  reason: string;
  rawText: string | null;
  tns: string[] | null;
  receivedAtMs: number;
  resolvedAtMs: number | null;
}

const epochMs = (column: string) => sql.raw(`floor(extract(epoch from ${column}) * 1000)`);

function preparePortIn(db: DbOrTx, include: { rejections: boolean; holidays: boolean }, name: string) {
  return db
    .select({
      order: portOrders,
      carrier: {
        name: carriers.name,
        spid: carriers.spid,
        type: carriers.type,
        minBusinessDays: carriers.minBusinessDays,
      },
      lines: sql<PortInLine[]>`(
        select coalesce(json_agg(json_build_object(
                 'id', t.id, 'tn', t.tn, 'status', t.status, 'excludedReason', t.excluded_reason,
                 'activatedAtMs', ${epochMs("t.activated_at")}, 'active', t.active) order by t.id), '[]'::json)
        from ${portOrderTns} t where t.order_id = ${portOrders.id})`,
      rejections: include.rejections
        ? sql<PortInRejection[]>`(
        select coalesce(json_agg(json_build_object(
                 'id', r.id, 'code', r.code, 'reason', r.reason, 'rawText', r.raw_text, 'tns', r.tns,
                 'receivedAtMs', ${epochMs("r.received_at")}, 'resolvedAtMs', ${epochMs("r.resolved_at")})
               order by r.id desc), '[]'::json)
        from ${rejections} r where r.order_id = ${portOrders.id})`
        : sql<PortInRejection[]>`'[]'::json`,
      holidays: include.holidays
        ? sql<string[]>`(
        select coalesce(json_agg(h.date order by h.date), '[]'::json)
        from ${holidays} h where h.carrier_id is null or h.carrier_id = ${portOrders.carrierId})`
        : sql<string[]>`'[]'::json`,
    })
    .from(portOrders)
    .leftJoin(carriers, eq(carriers.id, portOrders.carrierId))
    .where(and(eq(portOrders.id, sql.placeholder("orderId")), eq(portOrders.accountId, sql.placeholder("accountId"))))
    .limit(1)
    .prepare(name);
}

type PreparedPortIn = ReturnType<typeof preparePortIn>;
const preparedPortIns = new WeakMap<DbOrTx, { full: PreparedPortIn; summary: PreparedPortIn }>();

/**
 * One order of an account for the public API's one-order reads, in one statement (primary key, then the lines,
 * rejections and holidays by their order and carrier indexes): the row, its losing carrier, its TN lines in line
 * order and, when asked, its rejections (newest first) and the dates of its business calendar (company-wide and the
 * carrier's own holidays). Null when the account has no such order. Prepared once per connection (parsed and
 * planned once): the read with rejections and holidays, and the one without.
 */
export async function findPortIn(
  db: DbOrTx,
  where: { orderId: string; accountId: string },
  include: { full: boolean },
) {
  let statements = preparedPortIns.get(db);
  if (!statements) {
    statements = {
      full: preparePortIn(db, { rejections: true, holidays: true }, "public_api_port_in_full"),
      summary: preparePortIn(db, { rejections: false, holidays: false }, "public_api_port_in_summary"),
    };
    preparedPortIns.set(db, statements);
  }
  const rows = await (include.full ? statements.full : statements.summary).execute(where);
  return rows[0] ?? null;
}

/**
 * What an ID of the Bandwidth-compatible API names in an account, in one statement: an order, a draft (and whether
 * it waits for its LOA), or a submitted draft's orders in sequence. Later lookups run only when earlier ones miss.
 */
export async function findPortInTarget(db: DbOrTx, where: { accountId: string; id: string }) {
  const result = await db.execute<{
    is_order: boolean;
    is_draft: boolean;
    pending: boolean;
    draft_orders: string[];
  }>(sql`
    with found as (
      select exists (select 1 from ${portOrders} o where o.id = ${where.id} and o.account_id = ${where.accountId})
               as is_order,
             exists (select 1 from ${portDrafts} d where d.id = ${where.id} and d.account_id = ${where.accountId})
               as is_draft
    )
    select found.is_order, found.is_draft,
           case when found.is_draft then exists (
             select 1 from ${apiPendingSubmissions} p where p.draft_id = ${where.id} and p.account_id = ${where.accountId})
           else false end as pending,
           case when found.is_order or found.is_draft then '[]'::json else (
             select coalesce(json_agg(o.id order by o.sequence), '[]'::json)
             from ${portOrders} o join ${portRequests} r on r.id = o.port_request_id
             where r.account_id = ${where.accountId} and r.draft_id = ${where.id}) end as draft_orders
    from found
  `);
  const row = result.rows[0];
  return {
    order: row?.is_order ?? false,
    draft: row?.is_draft ?? false,
    pendingDocuments: row?.pending ?? false,
    orderIdsOfDraft: row?.draft_orders ?? [],
  };
}

/** A draft of the account that waits for its LOA (a PENDING_DOCUMENTS submission), or null. */
export async function findPendingDraft(db: DbOrTx, where: { accountId: string; draftId: string }) {
  const rows = await db
    .select({ id: portDrafts.id, data: portDrafts.data })
    .from(portDrafts)
    .innerJoin(apiPendingSubmissions, eq(apiPendingSubmissions.draftId, portDrafts.id))
    .where(
      and(
        eq(portDrafts.id, where.draftId),
        eq(portDrafts.accountId, where.accountId),
        eq(apiPendingSubmissions.accountId, where.accountId),
      ),
    )
    .limit(1);
  return rows[0] ?? null;
}
