"use server";

import { changeFirstPassword, changeFirstPasswordInput, ServiceError } from "@portway/services";
import { getRuntime } from "@/server/runtime";
import { requireSignedInStaff } from "@/server/session";

export interface ChangePasswordState {
  done: boolean;
  errors: Record<string, string>;
}

/** The first sign-in's password change, as a form action (the tRPC API stays closed until it is done). */
export async function changePasswordAction(_prev: ChangePasswordState, form: FormData): Promise<ChangePasswordState> {
  const staff = await requireSignedInStaff();
  const parsed = changeFirstPasswordInput.safeParse({
    currentPassword: form.get("currentPassword"),
    newPassword: form.get("newPassword"),
  });
  if (!parsed.success) {
    return {
      done: false,
      errors: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? "form"), i.message])),
    };
  }
  if (form.get("confirmPassword") !== parsed.data.newPassword) {
    return { done: false, errors: { confirmPassword: "The two new passwords differ." } };
  }
  const runtime = getRuntime();
  try {
    await changeFirstPassword(runtime.db, runtime.clock, staff.userId, parsed.data);
  } catch (error) {
    if (error instanceof ServiceError && error.kind === "INVALID") {
      return { done: false, errors: { [error.field ?? "form"]: error.message } };
    }
    throw error;
  }
  return { done: true, errors: {} };
}
