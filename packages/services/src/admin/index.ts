import { randomUUID } from "node:crypto";
import {
  countAccountAdmins,
  type Db,
  deactivateUser,
  deleteHoliday,
  findAccountBySlug,
  findAccountUser,
  findAdminAccountUsers,
  findCarrierById,
  findCustomerAccount,
  findHolidayCalendar,
  findUserByEmail,
  insertCustomerAccount,
  insertCustomerUser,
  insertHoliday,
  lockCustomerAccount,
  revokeApiKeysCreatedBy,
  updateCarrierRules,
  updateCustomerAccount,
  updateUserRole,
} from "@portway/db";
import { idInput, isCivilDate, requiredText, textInput, userIdInput } from "@portway/domain";
import { hashPassword } from "better-auth/crypto";
import { z } from "zod";
import { weakPasswordReason } from "../auth/password-policy";
import { invalid, notFound, ServiceError } from "../errors";
import { recordStaffAct, type StaffAct } from "../staff/audit";

const accountId = idInput("The account id");

export const createAccountInput = z.object({
  name: textInput(120, "The account name").min(2, { message: "Give the account a name of at least 2 characters." }),
  slug: z
    .string()
    .trim()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
      message: "Use lower-case letters, digits and single dashes, e.g. acme-voice.",
    })
    .min(2)
    .max(60),
  onNetOnly: z.boolean().default(false),
});

export const updateAccountInput = z.object({
  accountId,
  name: textInput(120, "The account name")
    .min(2, { message: "Give the account a name of at least 2 characters." })
    .optional(),
  onNetOnly: z.boolean().optional(),
});

export const createUserInput = z.object({
  accountId,
  name: textInput(120, "The name").min(1, { message: "Enter the user's name." }),
  email: z.email({ message: "Enter a valid email address." }).trim().toLowerCase(),
  role: z.enum(["admin", "member"]),
  password: z.string().superRefine((password, ctx) => {
    const weak = weakPasswordReason(password);
    if (weak) {
      ctx.addIssue({ code: "custom", message: weak });
    }
  }),
});

export const changeRoleInput = z.object({ accountId, userId: userIdInput(), role: z.enum(["admin", "member"]) });
export const deactivateUserInput = z.object({ accountId, userId: userIdInput() });

export const carrierRulesInput = z.object({
  carrierId: idInput("The carrier id"),
  requiresAccountNumber: z.boolean(),
  requiresPin: z.boolean(),
  minBusinessDays: z
    .int()
    .min(0, { message: "At least 0 business days." })
    .max(30, { message: "At most 30 business days." }),
});

export const addHolidayInput = z.object({
  date: z.string().refine(isCivilDate, { message: "Enter the date as YYYY-MM-DD." }),
  name: requiredText(80, "The holiday's name"),
  /** Null for a company-wide holiday. */
  carrierId: idInput("The carrier id").nullable(),
});
export const removeHolidayInput = z.object({ holidayId: idInput("The holiday id") });

/** Creates a customer account (the tenant); on-net-only accounts may only port on-net numbers. */
export async function createCustomerAccount(db: Db, input: z.infer<typeof createAccountInput>, staff?: StaffAct) {
  return db.transaction(async (tx) => {
    if (await findAccountBySlug(tx, input.slug)) {
      throw invalid([
        { field: "slug", code: "SLUG_TAKEN", message: `The key "${input.slug}" is already used by another account.` },
      ]);
    }
    const account = await insertCustomerAccount(tx, input);
    if (!account) {
      throw new ServiceError("CONFLICT", "NOT_CREATED", "The account could not be created.");
    }
    await recordStaffAct(tx, staff, {
      action: "ACCOUNT_CREATED",
      objectType: "account",
      objectId: account.id,
      change: input,
    });
    return account;
  });
}

export async function changeCustomerAccount(db: Db, input: z.infer<typeof updateAccountInput>, staff?: StaffAct) {
  return db.transaction(async (tx) => {
    const updated = await updateCustomerAccount(tx, input.accountId, { name: input.name, onNetOnly: input.onNetOnly });
    if (!updated) {
      throw notFound("The account");
    }
    await recordStaffAct(tx, staff, {
      action: "ACCOUNT_CHANGED",
      objectType: "account",
      objectId: input.accountId,
      change: input,
    });
    return updated;
  });
}

export async function getAccountWithUsers(db: Db, id: string) {
  const account = await findCustomerAccount(db, id);
  if (!account) {
    throw notFound("The account");
  }
  return { account, users: await findAdminAccountUsers(db, id) };
}

/** Adds a user to a customer account with a first password the lead hands over. */
export async function createCustomerUser(db: Db, input: z.infer<typeof createUserInput>, staff?: StaffAct) {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    if (!(await findCustomerAccount(tx, input.accountId))) {
      throw notFound("The account");
    }
    if (await findUserByEmail(tx, input.email)) {
      throw invalid([
        { field: "email", code: "EMAIL_TAKEN", message: `${input.email} already has a Portway sign-in.` },
      ]);
    }
    const id = `user-${randomUUID()}`;
    await insertCustomerUser(tx, {
      id,
      name: input.name,
      email: input.email,
      role: input.role,
      accountId: input.accountId,
      passwordHash,
    });
    await recordStaffAct(tx, staff, {
      action: "ACCOUNT_USER_CREATED",
      objectType: "user",
      objectId: id,
      change: { accountId: input.accountId, email: input.email, role: input.role },
    });
    return { id };
  });
}

/** An account keeps at least one active admin, who manages its users, keys and webhooks. */
async function assertAnotherAdmin(tx: Parameters<Parameters<Db["transaction"]>[0]>[0], accountId: string) {
  if ((await countAccountAdmins(tx, accountId)) <= 1) {
    throw new ServiceError(
      "PRECONDITION",
      "LAST_ADMIN",
      "This is the account's only active admin; make another user admin first.",
      "role",
    );
  }
}

export async function changeCustomerUserRole(db: Db, input: z.infer<typeof changeRoleInput>, staff?: StaffAct) {
  return db.transaction(async (tx) => {
    // Role changes of one account are serialised, so two admins demoting each other cannot both pass the check.
    await lockCustomerAccount(tx, input.accountId);
    const user = await findAccountUser(tx, input.accountId, input.userId);
    if (!user) {
      throw notFound("The user");
    }
    if (user.role === "admin" && input.role !== "admin") {
      await assertAnotherAdmin(tx, input.accountId);
    }
    await updateUserRole(tx, input.userId, input.role);
    await recordStaffAct(tx, staff, {
      action: "ACCOUNT_USER_ROLE",
      objectType: "user",
      objectId: input.userId,
      change: { accountId: input.accountId, role: { from: user.role, to: input.role } },
    });
    return { ok: true as const };
  });
}

/** Deactivates a user: signed out everywhere, unable to sign in again, and every API key they created revoked. */
export async function deactivateCustomerUser(
  db: Db,
  input: z.infer<typeof deactivateUserInput>,
  at = new Date(),
  staff?: StaffAct,
) {
  return db.transaction(async (tx) => {
    await lockCustomerAccount(tx, input.accountId);
    const user = await findAccountUser(tx, input.accountId, input.userId);
    if (!user) {
      throw notFound("The user");
    }
    if (user.role === "admin") {
      await assertAnotherAdmin(tx, input.accountId);
    }
    const removed = await deactivateUser(tx, input.userId);
    if (removed === 0) {
      throw new ServiceError("CONFLICT", "ALREADY_INACTIVE", `${user.email} is already deactivated.`);
    }
    await revokeApiKeysCreatedBy(tx, input.userId, at);
    await recordStaffAct(tx, staff, {
      action: "ACCOUNT_USER_DEACTIVATED",
      objectType: "user",
      objectId: input.userId,
      change: { accountId: input.accountId, email: user.email },
    });
    return { ok: true as const };
  });
}

export async function setCarrierRules(db: Db, input: z.infer<typeof carrierRulesInput>, staff?: StaffAct) {
  const { carrierId, ...rules } = input;
  return db.transaction(async (tx) => {
    const updated = await updateCarrierRules(tx, carrierId, rules);
    if (!updated) {
      throw notFound("The carrier");
    }
    await recordStaffAct(tx, staff, {
      action: "CARRIER_RULES",
      objectType: "carrier",
      objectId: carrierId,
      change: rules,
    });
    return updated;
  });
}

export function listHolidayCalendar(db: Db) {
  return findHolidayCalendar(db);
}

/** Adds a porting holiday; scheduling reads the calendar on every decision, so it applies at once. */
export async function addHoliday(db: Db, input: z.infer<typeof addHolidayInput>, staff?: StaffAct) {
  return db.transaction(async (tx) => {
    if (input.carrierId && !(await findCarrierById(tx, input.carrierId))) {
      throw notFound("The carrier");
    }
    const added = await insertHoliday(tx, input);
    if (!added) {
      throw invalid([
        {
          field: "date",
          code: "HOLIDAY_EXISTS",
          message: `${input.date} is already a holiday on ${input.carrierId ? "this carrier's" : "the company-wide"} calendar.`,
        },
      ]);
    }
    await recordStaffAct(tx, staff, {
      action: "HOLIDAY_ADDED",
      objectType: "holiday",
      objectId: added.id,
      change: input,
    });
    return added;
  });
}

export async function removeHoliday(db: Db, input: z.infer<typeof removeHolidayInput>, staff?: StaffAct) {
  return db.transaction(async (tx) => {
    if (!(await deleteHoliday(tx, input.holidayId))) {
      throw notFound("The holiday");
    }
    await recordStaffAct(tx, staff, { action: "HOLIDAY_REMOVED", objectType: "holiday", objectId: input.holidayId });
    return { ok: true as const };
  });
}
