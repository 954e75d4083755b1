"use client";

import { type FormEvent, useState } from "react";

export interface SignInFormProps {
  title: string;
  /** Where to go once signed in. */
  next: string;
  hint?: React.ReactNode;
}

/** Email and password sign-in against this portal's auth endpoint. */
export function SignInForm({ title, next, hint }: SignInFormProps) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const response = await fetch("/api/auth/sign-in/email", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") }),
      });
      if (!response.ok) {
        const body = (await response.json().catch(() => ({}))) as { message?: string };
        setError(
          response.status === 401
            ? "Wrong email or password."
            : (body.message ?? `Sign-in failed (${response.status}).`),
        );
        return;
      }
      window.location.assign(next);
    } finally {
      setPending(false);
    }
  }

  return (
    <main className="sign-in">
      <form onSubmit={onSubmit} aria-labelledby="sign-in-title" noValidate>
        <h1 id="sign-in-title">{title}</h1>
        <label>
          Email
          <input name="email" type="email" autoComplete="username" required />
        </label>
        <label>
          Password
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        {error ? (
          <p role="alert" className="form-error">
            {error}
          </p>
        ) : null}
        <button type="submit" disabled={pending}>
          {pending ? "Signing in…" : "Sign in"}
        </button>
        {hint}
      </form>
    </main>
  );
}
