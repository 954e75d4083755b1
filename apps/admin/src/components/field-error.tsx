"use client";

interface ErrorShape {
  message: string;
  data?: { fieldErrors?: Record<string, string[] | undefined> | null; domain?: { field: string | null } | null } | null;
}

/**
 * A server error shown next to the field it concerns: the input schema's message for that field, or the use
 * case's message when it names the field. Without `field`, the errors that belong to no shown field.
 */
export function FieldError({ error, field }: { error: ErrorShape | null; field?: string }) {
  if (!error) {
    return null;
  }
  const fieldErrors = error.data?.fieldErrors ?? null;
  const domainField = error.data?.domain?.field ?? null;
  let message: string | null = null;
  if (field) {
    message = fieldErrors?.[field]?.[0] ?? (domainField === field ? error.message : null);
  } else if (!fieldErrors && !domainField) {
    message = error.message;
  } else if (fieldErrors && Object.keys(fieldErrors).length === 0) {
    message = error.message;
  }
  return message ? (
    <span role="alert" className="form-error">
      {message}
    </span>
  ) : null;
}
