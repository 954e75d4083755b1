import { and, count, desc, eq, gte, lt, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { auditLog, authUsers } from "../schema/index";

export interface AuditEntryInput {
  actorId: string;
  action: string;
  objectType: string;
  objectId?: string | null | undefined;
  orderId?: string | null | undefined;
  change: Record<string, unknown>;
  at: Date;
}

/** Appends an entry; the actor's name is read in the same statement, so the entry keeps it after any rename. */
export async function insertAuditEntry(db: DbOrTx, entry: AuditEntryInput) {
  await db.insert(auditLog).values({
    at: entry.at,
    actorId: entry.actorId,
    actorName: sql`coalesce((select ${authUsers.name} from ${authUsers} where ${authUsers.id} = ${entry.actorId}), ${entry.actorId})`,
    action: entry.action,
    objectType: entry.objectType,
    objectId: entry.objectId ?? null,
    orderId: entry.orderId ?? null,
    change: entry.change,
  });
}

export interface AuditFilters {
  actorId?: string | undefined;
  action?: string | undefined;
  objectType?: string | undefined;
  /** An order's ID, or any object's ID. */
  objectId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

function auditWhere(filters: AuditFilters): SQL | undefined {
  const where: SQL[] = [];
  if (filters.actorId) {
    where.push(eq(auditLog.actorId, filters.actorId));
  }
  if (filters.action) {
    where.push(eq(auditLog.action, filters.action));
  }
  if (filters.objectType) {
    where.push(eq(auditLog.objectType, filters.objectType));
  }
  if (filters.objectId) {
    where.push(sql`(${auditLog.objectId} = ${filters.objectId} or ${auditLog.orderId}::text = ${filters.objectId})`);
  }
  if (filters.from) {
    where.push(gte(auditLog.at, filters.from));
  }
  if (filters.to) {
    where.push(lt(auditLog.at, filters.to));
  }
  return where.length > 0 ? and(...where) : undefined;
}

/** A page of the audit log, newest first, with the number of matching entries (capped like the order lists). */
export async function findAuditPage(db: DbOrTx, filters: AuditFilters, page: { page: number; pageSize: number }) {
  const where = auditWhere(filters);
  const rows = await db
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(page.pageSize)
    .offset(page.page * page.pageSize);
  const limited = db.select({ one: sql`1` }).from(auditLog).where(where).limit(10_001).as("limited");
  const counted = await db.select({ total: count() }).from(limited);
  const total = counted[0]?.total ?? 0;
  return { rows, total: Math.min(total, 10_000), totalCapped: total > 10_000 };
}

/** The actions and actors that occur in the log, for the audit page's filter choices. */
export async function findAuditChoices(db: DbOrTx) {
  const [actions, actors] = await Promise.all([
    db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(auditLog.action),
    db
      .select({ id: authUsers.id, name: authUsers.name })
      .from(authUsers)
      .where(eq(authUsers.kind, "staff"))
      .orderBy(authUsers.name),
  ]);
  return { actions: actions.map((a) => a.action), actors };
}
