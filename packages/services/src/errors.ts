import type { FieldIssue } from "@portway/domain";

/** The closed set of failures a use case reports; the API maps each kind to a transport code in one table. */
export type ServiceErrorKind = "NOT_FOUND" | "INVALID" | "CONFLICT" | "FORBIDDEN" | "PRECONDITION";

/** An expected failure of a use case, with the domain code, the field concerned and, for forms, every issue. */
export class ServiceError extends Error {
  constructor(
    readonly kind: ServiceErrorKind,
    readonly code: string,
    message: string,
    readonly field: string | null = null,
    readonly issues: readonly FieldIssue[] = [],
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export function notFound(what: string): ServiceError {
  return new ServiceError("NOT_FOUND", "NOT_FOUND", `${what} was not found.`);
}

export function invalid(issues: readonly FieldIssue[], message?: string): ServiceError {
  const first = issues[0];
  return new ServiceError(
    "INVALID",
    first?.code ?? "INVALID",
    message ?? (issues.length === 1 && first ? first.message : `${issues.length} problems need fixing.`),
    first?.field ?? null,
    issues,
  );
}
