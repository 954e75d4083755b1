import { type DbOrTx, findAuditChoices, findAuditPage, insertAuditEntry } from "@portway/db";
import { isoInstantSchema, userIdInput } from "@portway/domain";
import { z } from "zod";

/** The staff actions the audit log records. */
export const auditActions = [
  "ORDER_PON",
  "ORDER_FOC",
  "ORDER_REJECTION",
  "ORDER_ACTIVATION",
  "ORDER_CSR_UNAVAILABLE",
  "ORDER_SUPP_ACCEPTED",
  "ORDER_SUPP_REFUSED",
  "ASSIGNMENT",
  "ACCOUNT_CREATED",
  "ACCOUNT_CHANGED",
  "ACCOUNT_USER_CREATED",
  "ACCOUNT_USER_ROLE",
  "ACCOUNT_USER_DEACTIVATED",
  "CARRIER_RULES",
  "HOLIDAY_ADDED",
  "HOLIDAY_REMOVED",
  "NUMBERING_IMPORT",
  "STAFF_CREATED",
  "STAFF_ROLE",
  "STAFF_DEACTIVATED",
  "STAFF_PASSWORD_CHANGED",
] as const;
export type AuditAction = (typeof auditActions)[number];

export const auditObjectTypes = [
  "order",
  "manual-request",
  "ticket",
  "account",
  "user",
  "carrier",
  "holiday",
  "numbering",
  "staff",
] as const;
export type AuditObjectType = (typeof auditObjectTypes)[number];

export interface AuditRecord {
  /** The staff user who acted. */
  actorId: string;
  action: AuditAction;
  objectType: AuditObjectType;
  objectId?: string | null;
  orderId?: string | null;
  /** What changed, as the action's own fields (new values, and old ones where they matter). */
  change?: Record<string, unknown>;
  at: Date;
}

/**
 * Appends one entry to the audit log. Call it with the use case's transaction, so the entry exists exactly when the
 * action happened.
 */
export function recordAudit(tx: DbOrTx, record: AuditRecord) {
  return insertAuditEntry(tx, { ...record, change: record.change ?? {} });
}

export const auditListInput = z.object({
  actorId: userIdInput("The actor").optional(),
  action: z.enum(auditActions).optional(),
  objectType: z.enum(auditObjectTypes).optional(),
  objectId: userIdInput("The object").optional(),
  from: isoInstantSchema.optional(),
  to: isoInstantSchema.optional(),
  page: z.int().min(0).max(100_000).default(0),
  pageSize: z.int().min(1).max(200).default(50),
});
export type AuditListInput = z.infer<typeof auditListInput>;

export function listAudit(db: DbOrTx, input: AuditListInput) {
  return findAuditPage(
    db,
    {
      actorId: input.actorId,
      action: input.action,
      objectType: input.objectType,
      objectId: input.objectId,
      from: input.from ? new Date(input.from) : undefined,
      to: input.to ? new Date(input.to) : undefined,
    },
    { page: input.page, pageSize: input.pageSize },
  );
}

export async function getAuditChoices(db: DbOrTx) {
  const found = await findAuditChoices(db);
  return { actions: auditActions, objectTypes: auditObjectTypes, actors: found.actors };
}

/** An assignment (or unassignment) of an order, a manual request or a ticket. */
export function recordAssignment(
  tx: DbOrTx,
  input: { target: "order" | "manualRequest" | "ticket"; id: string; staffId: string | null },
  by: string,
  at: Date,
) {
  return recordAudit(tx, {
    actorId: by,
    action: "ASSIGNMENT",
    objectType: input.target === "order" ? "order" : input.target === "ticket" ? "ticket" : "manual-request",
    objectId: input.id,
    orderId: input.target === "order" ? input.id : null,
    change: { assignedTo: input.staffId },
    at,
  });
}

/** A member of the porting team acting, and when: what administration use cases pass to be audited. */
export interface StaffAct {
  userId: string;
  at: Date;
}

/** Records an administration action of staff (the same use cases serve customer admins, who are not audited here). */
export async function recordStaffAct(
  tx: DbOrTx,
  act: StaffAct | undefined,
  record: Omit<AuditRecord, "actorId" | "at">,
): Promise<void> {
  if (act) {
    await recordAudit(tx, { ...record, actorId: act.userId, at: act.at });
  }
}
