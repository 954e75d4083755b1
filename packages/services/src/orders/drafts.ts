import { type Db, type DbOrTx, deleteDraft, findDraft, findDrafts, insertDraft, updateDraft } from "@portway/db";
import { type OrderDraft, orderDraftSchema } from "@portway/domain";
import { z } from "zod";
import type { Clock } from "../clock";
import { notFound, ServiceError } from "../errors";

export const draftSaveInput = z.object({
  draftId: z.string().uuid().optional(),
  baseVersion: z.int().min(1).optional(),
  data: orderDraftSchema,
});
export type DraftSaveInput = z.infer<typeof draftSaveInput>;

export interface DraftOwner {
  accountId: string;
  userId: string;
}

/** Saves a draft at any step: new when no ID is given, else an update of the version the user saw. */
export async function saveDraft(db: DbOrTx, clock: Clock, owner: DraftOwner, input: DraftSaveInput) {
  const now = clock.now();
  const data = input.data as Record<string, unknown>;
  const tnCount = input.data.tns?.length ?? 0;
  if (!input.draftId) {
    const row = await insertDraft(db, {
      accountId: owner.accountId,
      createdBy: owner.userId,
      data,
      tnCount,
      createdAt: now,
      updatedAt: now,
    });
    return { id: row.id, version: row.version, updatedAt: row.updatedAt };
  }
  if (input.baseVersion === undefined) {
    throw new ServiceError(
      "INVALID",
      "VERSION_REQUIRED",
      "Saving an existing draft needs the version it was loaded at.",
      "baseVersion",
    );
  }
  const draftId = input.draftId;
  const baseVersion = input.baseVersion;
  return db.transaction(async (tx) => {
    const row = await updateDraft(
      tx,
      { draftId, accountId: owner.accountId, baseVersion },
      { data, tnCount, updatedAt: now },
    );
    if (row) {
      return { id: row.id, version: row.version, updatedAt: row.updatedAt };
    }
    const current = await findDraft(tx, { draftId, accountId: owner.accountId });
    if (!current) {
      throw notFound("The draft");
    }
    throw new ServiceError(
      "CONFLICT",
      "VERSION_CONFLICT",
      `This draft was saved elsewhere at ${current.updatedAt.toISOString()} (version ${current.version}); reload it before saving.`,
      "baseVersion",
    );
  });
}

export async function getDraft(db: Db, owner: DraftOwner, draftId: string) {
  const row = await findDraft(db, { draftId, accountId: owner.accountId });
  if (!row) {
    throw notFound("The draft");
  }
  return {
    id: row.id,
    version: row.version,
    data: row.data as OrderDraft,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Drafts never expire; they go only when their owner deletes them. */
export async function listDrafts(db: Db, owner: DraftOwner) {
  const rows = await findDrafts(db, owner.accountId);
  return rows.map((row) => {
    const data = row.data as OrderDraft;
    return {
      id: row.id,
      version: row.version,
      tnCount: row.tnCount,
      customerOrderRef: data.customerOrderRef ?? null,
      subscriberName:
        data.subscriber?.businessName ??
        ([data.subscriber?.firstName, data.subscriber?.lastName].filter(Boolean).join(" ") || null),
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
  });
}

export async function removeDraft(db: Db, owner: DraftOwner, draftId: string) {
  if (!(await deleteDraft(db, { draftId, accountId: owner.accountId }))) {
    throw notFound("The draft");
  }
  return { id: draftId };
}
