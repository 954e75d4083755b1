import { randomUUID } from "node:crypto";
import {
  countActiveLeads,
  type Db,
  type DbOrTx,
  deactivateUser,
  findPasswordHash,
  findStaffUser,
  findStaffUsers,
  findUserByEmail,
  insertStaffUser,
  isPasswordChangeRequired,
  lockStaffRoster,
  replaceStaffPassword,
  updateStaffRole,
} from "@portway/db";
import { textInput, userIdInput } from "@portway/domain";
import { hashPassword, verifyPassword } from "better-auth/crypto";
import { z } from "zod";
import { weakPasswordReason } from "../auth/password-policy";
import type { Clock } from "../clock";
import { invalid, notFound, ServiceError } from "../errors";
import { recordAudit } from "./audit";

const password = z.string().superRefine((value, ctx) => {
  const weak = weakPasswordReason(value);
  if (weak) {
    ctx.addIssue({ code: "custom", message: weak });
  }
});

export const createStaffUserInput = z.object({
  name: textInput(120, "The name").min(1, { message: "Enter the name." }),
  email: z.email({ message: "Enter a valid email address." }).trim().toLowerCase(),
  role: z.enum(["analyst", "lead"]),
  password,
});
export const changeStaffRoleInput = z.object({ userId: userIdInput(), role: z.enum(["analyst", "lead"]) });
export const deactivateStaffInput = z.object({ userId: userIdInput() });
export const changeFirstPasswordInput = z.object({
  currentPassword: z.string().min(1, { message: "Enter the password you signed in with." }).max(128),
  newPassword: password,
});

export function listStaffUsers(db: DbOrTx) {
  return findStaffUsers(db);
}

/** A lead adds an analyst or lead with a first password to hand over; it must be changed at the first sign-in. */
export async function createStaffUser(db: Db, clock: Clock, by: string, input: z.infer<typeof createStaffUserInput>) {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    if (await findUserByEmail(tx, input.email)) {
      throw invalid([
        { field: "email", code: "EMAIL_TAKEN", message: `${input.email} already has a Portway sign-in.` },
      ]);
    }
    const id = `staff-${randomUUID()}`;
    await insertStaffUser(tx, { id, name: input.name, email: input.email, role: input.role, passwordHash });
    await recordAudit(tx, {
      actorId: by,
      action: "STAFF_CREATED",
      objectType: "staff",
      objectId: id,
      change: { name: input.name, email: input.email, role: input.role },
      at: clock.now(),
    });
    return { id };
  });
}

/** The team keeps at least one active lead, who alone may manage staff. */
async function assertAnotherLead(tx: DbOrTx, field: string) {
  if ((await countActiveLeads(tx)) <= 1) {
    throw new ServiceError(
      "PRECONDITION",
      "LAST_LEAD",
      "This is the porting team's only active lead; make another member lead first.",
      field,
    );
  }
}

export async function changeStaffRole(db: Db, clock: Clock, by: string, input: z.infer<typeof changeStaffRoleInput>) {
  return db.transaction(async (tx) => {
    await lockStaffRoster(tx);
    const user = await findStaffUser(tx, input.userId);
    if (!user) {
      throw notFound("The staff user");
    }
    if (user.role === input.role) {
      return { ok: true as const };
    }
    if (user.role === "lead" && user.active) {
      await assertAnotherLead(tx, "role");
    }
    await updateStaffRole(tx, input.userId, input.role);
    await recordAudit(tx, {
      actorId: by,
      action: "STAFF_ROLE",
      objectType: "staff",
      objectId: input.userId,
      change: { email: user.email, from: user.role, to: input.role },
      at: clock.now(),
    });
    return { ok: true as const };
  });
}

/** Deactivates a staff user: every session ends at once and they cannot sign in again. */
export async function deactivateStaffUser(
  db: Db,
  clock: Clock,
  by: string,
  input: z.infer<typeof deactivateStaffInput>,
) {
  return db.transaction(async (tx) => {
    await lockStaffRoster(tx);
    const user = await findStaffUser(tx, input.userId);
    if (!user) {
      throw notFound("The staff user");
    }
    if (!user.active) {
      throw new ServiceError("CONFLICT", "ALREADY_INACTIVE", `${user.email} is already deactivated.`);
    }
    if (user.role === "lead") {
      await assertAnotherLead(tx, "userId");
    }
    await deactivateUser(tx, input.userId);
    await recordAudit(tx, {
      actorId: by,
      action: "STAFF_DEACTIVATED",
      objectType: "staff",
      objectId: input.userId,
      change: { email: user.email, role: user.role },
      at: clock.now(),
    });
    return { ok: true as const };
  });
}

export function mustChangePassword(db: DbOrTx, userId: string) {
  return isPasswordChangeRequired(db, userId);
}

/** The first sign-in: the user proves the handed-over password and chooses their own. */
export async function changeFirstPassword(
  db: Db,
  clock: Clock,
  userId: string,
  input: z.infer<typeof changeFirstPasswordInput>,
) {
  if (input.newPassword === input.currentPassword) {
    throw invalid([
      { field: "newPassword", code: "SAME_PASSWORD", message: "Choose a password other than the one you were given." },
    ]);
  }
  const newHash = await hashPassword(input.newPassword);
  return db.transaction(async (tx) => {
    const hash = await findPasswordHash(tx, userId);
    if (!hash || !(await verifyPassword({ hash, password: input.currentPassword }))) {
      throw invalid([
        { field: "currentPassword", code: "WRONG_PASSWORD", message: "That is not the password you signed in with." },
      ]);
    }
    await replaceStaffPassword(tx, userId, newHash);
    await recordAudit(tx, {
      actorId: userId,
      action: "STAFF_PASSWORD_CHANGED",
      objectType: "staff",
      objectId: userId,
      change: { firstPassword: true },
      at: clock.now(),
    });
    return { ok: true as const };
  });
}
