"use client";

import { useActionState, useEffect } from "react";
import { type ChangePasswordState, changePasswordAction } from "./actions";

const initial: ChangePasswordState = { done: false, errors: {} };

function Problem({ message }: { message: string | undefined }) {
  return message ? (
    <span role="alert" className="form-error">
      {message}
    </span>
  ) : null;
}

export function ChangePasswordForm() {
  const [state, action, pending] = useActionState(changePasswordAction, initial);
  useEffect(() => {
    if (state.done) {
      window.location.assign("/");
    }
  }, [state.done]);
  return (
    <form action={action} className="stack">
      <label>
        Password you were given
        <input name="currentPassword" type="password" autoComplete="current-password" required />
        <Problem message={state.errors.currentPassword} />
      </label>
      <label>
        New password (at least 12 characters)
        <input name="newPassword" type="password" autoComplete="new-password" minLength={12} required />
        <Problem message={state.errors.newPassword} />
      </label>
      <label>
        New password again
        <input name="confirmPassword" type="password" autoComplete="new-password" minLength={12} required />
        <Problem message={state.errors.confirmPassword} />
      </label>
      <Problem message={state.errors.form} />
      <button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Set my password"}
      </button>
      {state.done ? <p role="status">Password changed. Opening your home page…</p> : null}
    </form>
  );
}
