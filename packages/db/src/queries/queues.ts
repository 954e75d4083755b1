import { and, asc, count, desc, eq, inArray, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { authUsers, customerAccounts, manualRequests, portOrders, tickets } from "../schema/index";

export interface QueuePage {
  page: number;
  pageSize: number;
  /** Only items assigned to this staff member ("mine"). */
  assignedTo?: string | undefined;
  /** Sort column (one of the queue's sortable columns) and direction; oldest first by default. */
  sort?: string | undefined;
  direction?: "asc" | "desc" | undefined;
  /** Filter: account name, PON or customer reference contains this (case-insensitive). */
  search?: string | undefined;
}

function searchPattern(search: string | undefined) {
  return search ? `%${search.replaceAll("\\", "\\\\").replaceAll("%", "\\%").replaceAll("_", "\\_")}%` : undefined;
}

/** Open work for the porting team of some kinds (project ports, short-notice SUPPs), oldest first. */
export async function findManualRequestQueue(db: DbOrTx, kinds: string[], page: QueuePage) {
  const pattern = searchPattern(page.search);
  const where = and(
    eq(manualRequests.status, "OPEN"),
    inArray(manualRequests.kind, kinds),
    page.assignedTo ? eq(manualRequests.assignedTo, page.assignedTo) : undefined,
    pattern
      ? sql`(${customerAccounts.name} ilike ${pattern} or ${portOrders.pon} ilike ${pattern} or ${portOrders.customerReference} ilike ${pattern})`
      : undefined,
  );
  const sortColumns = {
    createdAt: manualRequests.createdAt,
    requestedFocAt: manualRequests.requestedFocAt,
    focAt: portOrders.focAt,
    tnCount: portOrders.tnCount,
    accountName: customerAccounts.name,
  } as const;
  const sortColumn = sortColumns[(page.sort ?? "createdAt") as keyof typeof sortColumns] ?? manualRequests.createdAt;
  const order = page.direction === "desc" ? desc(sortColumn) : asc(sortColumn);
  const [rows, totals] = await Promise.all([
    db
      .select({
        id: manualRequests.id,
        kind: manualRequests.kind,
        reason: manualRequests.reason,
        requestedFocAt: manualRequests.requestedFocAt,
        createdAt: manualRequests.createdAt,
        assignedTo: manualRequests.assignedTo,
        assigneeName: authUsers.name,
        orderId: portOrders.id,
        orderStatus: portOrders.status,
        portType: portOrders.portType,
        pon: portOrders.pon,
        focAt: portOrders.focAt,
        tnCount: portOrders.tnCount,
        accountName: customerAccounts.name,
        customerReference: portOrders.customerReference,
      })
      .from(manualRequests)
      .innerJoin(portOrders, eq(portOrders.id, manualRequests.orderId))
      .innerJoin(customerAccounts, eq(customerAccounts.id, portOrders.accountId))
      .leftJoin(authUsers, eq(authUsers.id, manualRequests.assignedTo))
      .where(where)
      .orderBy(order, asc(manualRequests.id))
      .limit(page.pageSize)
      .offset(page.page * page.pageSize),
    db
      .select({ total: count() })
      .from(manualRequests)
      .innerJoin(portOrders, eq(portOrders.id, manualRequests.orderId))
      .innerJoin(customerAccounts, eq(customerAccounts.id, portOrders.accountId))
      .where(where),
  ]);
  return { rows, total: totals[0]?.total ?? 0 };
}

export async function findOpenTicketQueue(db: DbOrTx, page: QueuePage) {
  const pattern = searchPattern(page.search);
  const where = and(
    eq(tickets.status, "OPEN"),
    page.assignedTo ? eq(tickets.assignedTo, page.assignedTo) : undefined,
    pattern ? sql`(${customerAccounts.name} ilike ${pattern} or ${tickets.subject} ilike ${pattern})` : undefined,
  );
  const sortColumns = {
    updatedAt: tickets.updatedAt,
    createdAt: tickets.createdAt,
    subject: tickets.subject,
    accountName: customerAccounts.name,
  } as const;
  const sortColumn = sortColumns[(page.sort ?? "updatedAt") as keyof typeof sortColumns] ?? tickets.updatedAt;
  const order = page.direction === "desc" ? desc(sortColumn) : asc(sortColumn);
  const [rows, totals] = await Promise.all([
    db
      .select({
        id: tickets.id,
        subject: tickets.subject,
        status: tickets.status,
        orderId: tickets.orderId,
        accountName: customerAccounts.name,
        assignedTo: tickets.assignedTo,
        assigneeName: authUsers.name,
        createdAt: tickets.createdAt,
        updatedAt: tickets.updatedAt,
      })
      .from(tickets)
      .innerJoin(customerAccounts, eq(customerAccounts.id, tickets.accountId))
      .leftJoin(authUsers, eq(authUsers.id, tickets.assignedTo))
      .where(where)
      .orderBy(order, asc(tickets.id))
      .limit(page.pageSize)
      .offset(page.page * page.pageSize),
    db
      .select({ total: count() })
      .from(tickets)
      .innerJoin(customerAccounts, eq(customerAccounts.id, tickets.accountId))
      .where(where),
  ]);
  return { rows, total: totals[0]?.total ?? 0 };
}

/** Counts for the admin navigation. */
export async function countQueues(
  db: DbOrTx,
  kinds: { projectKinds: string[]; exceptionKinds: string[] } = { projectKinds: ["PROJECT_PORT"], exceptionKinds: [] },
) {
  const [manual, exceptions, open, stuck] = await Promise.all([
    db
      .select({ kind: manualRequests.kind, n: count() })
      .from(manualRequests)
      .where(eq(manualRequests.status, "OPEN"))
      .groupBy(manualRequests.kind),
    db.select({ n: count() }).from(portOrders).where(exceptionCondition("EXCEPTION", kinds.exceptionKinds)),
    db.select({ n: count() }).from(tickets).where(eq(tickets.status, "OPEN")),
    db.select({ n: count() }).from(portOrders).where(sql`${portOrders.stuckSince} is not null`),
  ]);
  const byKind = new Map(manual.map((m) => [m.kind, m.n]));
  return {
    projectPorts: kinds.projectKinds.reduce((sum, kind) => sum + (byKind.get(kind) ?? 0), 0),
    shortNotice: (byKind.get("SHORT_NOTICE_CANCEL") ?? 0) + (byKind.get("SHORT_NOTICE_RESCHEDULE") ?? 0),
    exceptions: exceptions[0]?.n ?? 0,
    tickets: open[0]?.n ?? 0,
    stuck: stuck[0]?.n ?? 0,
  };
}

export async function assignOrder(db: DbOrTx, orderId: string, staffId: string | null) {
  const rows = await db
    .update(portOrders)
    .set({ assignedTo: staffId })
    .where(eq(portOrders.id, orderId))
    .returning({ id: portOrders.id });
  return rows.length === 1;
}

export async function assignManualRequest(db: DbOrTx, requestId: string, staffId: string | null) {
  const rows = await db
    .update(manualRequests)
    .set({ assignedTo: staffId })
    .where(eq(manualRequests.id, requestId))
    .returning({ id: manualRequests.id, orderId: manualRequests.orderId });
  return rows[0] ?? null;
}

/** Closes one open queue entry of the given kinds; null when there is none (closed already, or another kind). */
export async function closeManualRequest(
  db: DbOrTx,
  requestId: string,
  kinds: readonly string[],
  answer: { resolution: string; resolvedBy: string; at: Date },
) {
  const rows = await db
    .update(manualRequests)
    .set({ status: "DONE", resolution: answer.resolution, resolvedBy: answer.resolvedBy, resolvedAt: answer.at })
    .where(
      and(
        eq(manualRequests.id, requestId),
        eq(manualRequests.status, "OPEN"),
        inArray(manualRequests.kind, [...kinds]),
      ),
    )
    .returning({ id: manualRequests.id, orderId: manualRequests.orderId });
  return rows[0] ?? null;
}

export async function assignTicket(db: DbOrTx, ticketId: string, staffId: string | null) {
  const rows = await db
    .update(tickets)
    .set({ assignedTo: staffId })
    .where(eq(tickets.id, ticketId))
    .returning({ id: tickets.id });
  return rows.length === 1;
}

export async function findStaffMember(db: DbOrTx, userId: string) {
  const rows = await db
    .select({ id: authUsers.id, name: authUsers.name, role: authUsers.role })
    .from(authUsers)
    .where(and(eq(authUsers.id, userId), eq(authUsers.kind, "staff")))
    .limit(1);
  return rows[0] ?? null;
}

export async function findStaffMembers(db: DbOrTx) {
  return db
    .select({ id: authUsers.id, name: authUsers.name, role: authUsers.role, email: authUsers.email })
    .from(authUsers)
    .where(eq(authUsers.kind, "staff"))
    .orderBy(asc(authUsers.name));
}

export async function findOpenManualRequest(db: DbOrTx, orderId: string, kinds: string[]) {
  const rows = await db
    .select()
    .from(manualRequests)
    .where(
      and(eq(manualRequests.orderId, orderId), eq(manualRequests.status, "OPEN"), inArray(manualRequests.kind, kinds)),
    )
    .orderBy(desc(manualRequests.createdAt))
    .limit(1);
  return rows[0] ?? null;
}

/**
 * Orders as a queue of the porting team: exceptions (by status) or stuck orders (no progress for longer than their
 * status allows), with paging, sorting, a search and "mine".
 */
/** Orders in a status, or (when kinds are given) with an open queue entry of those kinds. */
function exceptionCondition(status: string, kinds: readonly string[]) {
  if (kinds.length === 0) {
    return eq(portOrders.status, status);
  }
  return or(
    eq(portOrders.status, status),
    sql`exists (select 1 from ${manualRequests} where ${manualRequests.orderId} = ${portOrders.id} and ${manualRequests.status} = 'OPEN' and ${inArray(manualRequests.kind, [...kinds])})`,
  );
}

export async function findOrderWorkQueue(
  db: DbOrTx,
  queue: { kind: "status"; status: string; orWithOpenRequests?: string[] } | { kind: "stuck" },
  page: QueuePage,
) {
  const pattern = searchPattern(page.search);
  const where = and(
    queue.kind === "status"
      ? exceptionCondition(queue.status, queue.orWithOpenRequests ?? [])
      : sql`${portOrders.stuckSince} is not null`,
    page.assignedTo ? eq(portOrders.assignedTo, page.assignedTo) : undefined,
    pattern
      ? sql`(${customerAccounts.name} ilike ${pattern} or ${portOrders.pon} ilike ${pattern} or ${portOrders.customerReference} ilike ${pattern})`
      : undefined,
  );
  const sortColumns = {
    updatedAt: portOrders.updatedAt,
    createdAt: portOrders.createdAt,
    lastProgressAt: portOrders.lastProgressAt,
    stuckSince: portOrders.stuckSince,
    focAt: portOrders.focAt,
    tnCount: portOrders.tnCount,
    accountName: customerAccounts.name,
  } as const;
  const fallback = queue.kind === "stuck" ? "lastProgressAt" : "updatedAt";
  const sortColumn = sortColumns[(page.sort ?? fallback) as keyof typeof sortColumns] ?? portOrders.updatedAt;
  const order = page.direction === "desc" ? desc(sortColumn) : asc(sortColumn);
  const [rows, totals] = await Promise.all([
    db
      .select({
        id: portOrders.id,
        status: portOrders.status,
        portType: portOrders.portType,
        pon: portOrders.pon,
        customerReference: portOrders.customerReference,
        tnCount: portOrders.tnCount,
        focAt: portOrders.focAt,
        createdAt: portOrders.createdAt,
        updatedAt: portOrders.updatedAt,
        lastProgressAt: portOrders.lastProgressAt,
        stuckSince: portOrders.stuckSince,
        accountName: customerAccounts.name,
        assignedTo: portOrders.assignedTo,
        assigneeName: authUsers.name,
        /** The oldest open queue entry's reason (partner news to look at), if any. */
        attention: sql<
          string | null
        >`(select ${manualRequests.reason} from ${manualRequests} where ${manualRequests.orderId} = ${portOrders.id} and ${manualRequests.status} = 'OPEN' and ${manualRequests.kind} in ('PARTNER_EVENT', 'FOC_REVIEW') order by ${manualRequests.createdAt} limit 1)`,
      })
      .from(portOrders)
      .innerJoin(customerAccounts, eq(customerAccounts.id, portOrders.accountId))
      .leftJoin(authUsers, eq(authUsers.id, portOrders.assignedTo))
      .where(where)
      .orderBy(order, asc(portOrders.id))
      .limit(page.pageSize)
      .offset(page.page * page.pageSize),
    db
      .select({ total: count() })
      .from(portOrders)
      .innerJoin(customerAccounts, eq(customerAccounts.id, portOrders.accountId))
      .where(where),
  ]);
  return { rows, total: totals[0]?.total ?? 0 };
}
