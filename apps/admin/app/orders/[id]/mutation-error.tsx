"use client";

/** A failed action's message, next to the form that caused it (the server names the field and why). */
export function MutationError({ error }: { error: { message: string } | null }) {
  if (!error) {
    return null;
  }
  return (
    <p role="alert" className="form-error">
      {error.message}
    </p>
  );
}
