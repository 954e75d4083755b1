import { and, count, eq, gte, inArray, isNotNull, isNull, lt, min, or, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { customerAccounts, manualRequests, portOrders, tickets } from "../schema/index";
import { deadLetterQueueName } from "./dead-letters";

/** One queue's figures: how many, since when the oldest waits, and how many wait longer than `pastBefore` allows. */
export interface QueueFigure {
  count: number;
  oldest: Date | null;
  past: number;
}

function figure(row: { n: number; oldest: Date | string | null; past: number } | undefined): QueueFigure {
  return {
    count: row?.n ?? 0,
    oldest: row?.oldest ? new Date(row.oldest) : null,
    past: row?.past ?? 0,
  };
}

export async function figureManualQueue(db: DbOrTx, kinds: string[], pastBefore: Date, assignedTo?: string) {
  const rows = await db
    .select({
      n: count(),
      oldest: min(manualRequests.createdAt),
      past: sql<number>`(count(*) filter (where ${manualRequests.createdAt} < ${pastBefore}))::int`,
    })
    .from(manualRequests)
    .where(
      and(
        eq(manualRequests.status, "OPEN"),
        inArray(manualRequests.kind, kinds),
        assignedTo ? eq(manualRequests.assignedTo, assignedTo) : undefined,
      ),
    );
  return figure(rows[0]);
}

export async function figureTicketQueue(db: DbOrTx, pastBefore: Date, assignedTo?: string) {
  const rows = await db
    .select({
      n: count(),
      oldest: min(tickets.createdAt),
      past: sql<number>`(count(*) filter (where ${tickets.updatedAt} < ${pastBefore}))::int`,
    })
    .from(tickets)
    .where(and(eq(tickets.status, "OPEN"), assignedTo ? eq(tickets.assignedTo, assignedTo) : undefined));
  return figure(rows[0]);
}

/** Orders in a status (or stuck), aged by their last progress. */
export async function figureOrderQueue(
  db: DbOrTx,
  which: { status: string } | { stuck: true },
  pastBefore: Date,
  assignedTo?: string,
) {
  const rows = await db
    .select({
      n: count(),
      oldest: min(portOrders.lastProgressAt),
      past: sql<number>`(count(*) filter (where ${portOrders.lastProgressAt} < ${pastBefore}))::int`,
    })
    .from(portOrders)
    .where(
      and(
        "status" in which ? eq(portOrders.status, which.status) : isNotNull(portOrders.stuckSince),
        assignedTo ? eq(portOrders.assignedTo, assignedTo) : undefined,
      ),
    );
  return figure(rows[0]);
}

/** Failed partner deliveries waiting for the porting team (none before the worker created its queues). */
export async function figureDeadLetters(db: DbOrTx, pastBefore: Date): Promise<QueueFigure> {
  const exists = await db.execute<{ t: string | null }>(sql`select to_regclass('pgboss.job')::text as t`);
  if (!exists.rows[0]?.t) {
    return { count: 0, oldest: null, past: 0 };
  }
  const rows = await db.execute<{ n: number; oldest: string | null; past: number }>(
    sql`select count(*)::int as n, min(created_on) as oldest,
               (count(*) filter (where created_on < ${pastBefore}))::int as past
        from pgboss.job where name = ${deadLetterQueueName} and state = 'created'`,
  );
  return figure(rows.rows[0]);
}

const openStatuses = ["SUBMITTED", "CSR_REVIEW", "PENDING_FOC", "FOC", "SUPP_PENDING", "EXCEPTION"];

/** FOCs falling in [from, to) on orders still open, and how many of them a SUPP holds. */
export async function findFocsDue(db: DbOrTx, from: Date, to: Date, limit: number) {
  const where = and(
    gte(portOrders.focAt, from),
    lt(portOrders.focAt, to),
    inArray(portOrders.status, openStatuses),
  ) as SQL;
  return dueRows(db, where, limit);
}

/** Activations due in [from, to) that have not been sent yet. */
export async function findActivationsDue(db: DbOrTx, from: Date, to: Date, limit: number) {
  const where = and(
    gte(portOrders.activationDueAt, from),
    lt(portOrders.activationDueAt, to),
    eq(portOrders.activationSent, false),
  ) as SQL;
  return dueRows(db, where, limit);
}

async function dueRows(db: DbOrTx, where: SQL, limit: number) {
  const held = or(isNotNull(portOrders.supp), eq(portOrders.activationHeld, true)) as SQL;
  const [rows, totals] = await Promise.all([
    db
      .select({
        id: portOrders.id,
        accountName: customerAccounts.name,
        status: portOrders.status,
        pon: portOrders.pon,
        customerReference: portOrders.customerReference,
        tnCount: portOrders.tnCount,
        focAt: portOrders.focAt,
        activationDueAt: portOrders.activationDueAt,
        heldBySupp: sql<boolean>`${held}`,
        assignedTo: portOrders.assignedTo,
      })
      .from(portOrders)
      .innerJoin(customerAccounts, eq(customerAccounts.id, portOrders.accountId))
      .where(where)
      .orderBy(portOrders.focAt, portOrders.id)
      .limit(limit),
    db
      .select({ n: count(), held: sql<number>`(count(*) filter (where ${held}))::int` })
      .from(portOrders)
      .where(where),
  ]);
  return { rows, total: totals[0]?.n ?? 0, held: totals[0]?.held ?? 0 };
}

/** Orders assigned to a staff member that are still open, and unassigned exceptions for the team. */
export async function countAssignedOrders(db: DbOrTx, staffId: string) {
  const rows = await db
    .select({ n: count() })
    .from(portOrders)
    .where(and(eq(portOrders.assignedTo, staffId), inArray(portOrders.status, openStatuses)));
  return rows[0]?.n ?? 0;
}

export async function countUnassignedExceptions(db: DbOrTx) {
  const rows = await db
    .select({ n: count() })
    .from(portOrders)
    .where(and(eq(portOrders.status, "EXCEPTION"), isNull(portOrders.assignedTo)));
  return rows[0]?.n ?? 0;
}
