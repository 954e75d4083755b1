import { randomUUID } from "node:crypto";
import { z } from "@hono/zod-openapi";
import { logger } from "@portway/observability";
import { ServiceError, type ServiceErrorKind } from "@portway/services";
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ZodError } from "zod";

/** One problem of a request: which field, which domain code, what to do. */
export const problemErrorSchema = z
  .object({
    field: z.string().nullable(),
    code: z.string(),
    message: z.string(),
  })
  .openapi("ProblemError");

/** RFC 9457 problem details, with every field-level error of the request. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.int(),
    detail: z.string(),
    code: z.string(),
    errors: z.array(problemErrorSchema),
  })
  .openapi("Problem");
export type Problem = z.infer<typeof problemSchema>;

const problemContent = { "application/problem+json": { schema: problemSchema } };

/** The error answers every route may give, for the OpenAPI document. */
export function problemResponses(...statuses: number[]) {
  const descriptions: Record<number, string> = {
    400: "The request is invalid: every problem with its field and code.",
    401: "No valid API key.",
    403: "The key may not do this.",
    404: "Not found in the key's account.",
    409: "Conflicts with the current state (or an idempotency key reused with another body).",
    412: "The If-Match ETag is not the order's current one.",
    413: "The body is too large.",
    428: "If-Match is required.",
    429: "The key's budget of calls for this minute is spent (Retry-After says when to go on).",
  };
  return Object.fromEntries(
    [400, 401, 429, ...statuses].map((status) => [
      status,
      { description: descriptions[status] ?? "Error", content: problemContent },
    ]),
  ) as Record<number, { description: string; content: typeof problemContent }>;
}

const titles: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  412: "Precondition Failed",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  428: "Precondition Required",
  429: "Too Many Requests",
  500: "Internal Server Error",
};

/** The one table from a use case's failure kind to an HTTP status. */
export const serviceErrorStatus: Readonly<Record<ServiceErrorKind, ContentfulStatusCode>> = {
  NOT_FOUND: 404,
  INVALID: 400,
  CONFLICT: 409,
  FORBIDDEN: 403,
  PRECONDITION: 412,
};

export function problem(
  status: ContentfulStatusCode,
  code: string,
  detail: string,
  errors: Problem["errors"] = [],
): Problem {
  return {
    type: `https://portway.dev/problems/${code.toLowerCase().replaceAll("_", "-")}`,
    title: titles[status] ?? "Error",
    status,
    detail,
    code,
    errors,
  };
}

export function problemResponse(c: Context, body: Problem, headers: Record<string, string> = {}): Response {
  return c.body(JSON.stringify(body), body.status as ContentfulStatusCode, {
    "content-type": "application/problem+json",
    ...headers,
  });
}

export function fromServiceError(error: ServiceError): Problem {
  const errors =
    error.issues.length > 0
      ? error.issues.map((issue) => ({ field: issue.field, code: issue.code, message: issue.message }))
      : [{ field: error.field, code: error.code, message: error.message }];
  return problem(serviceErrorStatus[error.kind], error.code, error.message, errors);
}

/** zod's issues as the problem's errors: the dotted path is the field. */
export function fromZodError(error: ZodError, where: string): Problem {
  const errors = error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.map(String).join(".") : where,
    code: issue.code.toUpperCase(),
    message: issue.message,
  }));
  const first = errors[0];
  return problem(
    400,
    "INVALID_REQUEST",
    errors.length === 1 && first ? first.message : `${errors.length} problems need fixing.`,
    errors,
  );
}

/** PostgreSQL codes that mean the caller sent something wrong, not that the server broke. */
const clientPgCodes: Readonly<Record<string, { status: ContentfulStatusCode; code: string; message: string }>> = {
  "22P02": {
    status: 400,
    code: "INVALID_VALUE",
    message: "A value has the wrong form (for example an ID that is not a UUID).",
  },
  "22021": {
    status: 400,
    code: "INVALID_CHARACTER",
    message: "A text contains a character that cannot be stored (such as NUL).",
  },
  "23505": { status: 409, code: "ALREADY_EXISTS", message: "This already exists." },
};

function findPgCode(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) {
      return code;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

/**
 * Any thrown error as a problem: expected failures with their domain code, a caller's bad value that PostgreSQL
 * refused as a 4xx, and anything else as a 500 that says only a reference (the log holds the cause, never the answer).
 */
export function toProblem(error: unknown, path: string): Problem {
  if (error instanceof ServiceError) {
    return fromServiceError(error);
  }
  if (error instanceof ZodError) {
    return fromZodError(error, "body");
  }
  if (error instanceof SyntaxError) {
    return problem(400, "INVALID_JSON", "The body is not valid JSON.", [
      { field: "body", code: "INVALID_JSON", message: error.message },
    ]);
  }
  const pgCode = findPgCode(error);
  const known = pgCode ? clientPgCodes[pgCode] : undefined;
  if (known) {
    return problem(known.status, known.code, known.message, [
      { field: null, code: known.code, message: known.message },
    ]);
  }
  const ref = randomUUID().slice(0, 8);
  logger().error({ err: error, ref, path }, "internal error");
  return problem(500, "INTERNAL", `Internal error (ref ${ref})`);
}
