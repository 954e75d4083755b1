import { randomUUID } from "node:crypto";
import { logger } from "@portway/observability";
import { TRPCError } from "@trpc/server";

/** PostgreSQL codes that mean the caller sent something wrong, not that the server broke. */
const clientErrorCodes: Readonly<Record<string, { code: TRPCError["code"]; message: string }>> = {
  "22P02": { code: "BAD_REQUEST", message: "A value has the wrong form (for example an ID that is not a UUID)." },
  "22021": { code: "BAD_REQUEST", message: "A text contains a character that cannot be stored (such as NUL)." },
  "23505": { code: "CONFLICT", message: "This already exists." },
};

interface PgLike {
  code?: unknown;
  column?: unknown;
  constraint?: unknown;
  cause?: unknown;
}

/** The PostgreSQL error in a cause chain (drizzle wraps the driver's), if any. */
function findPgError(error: unknown): PgLike | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
    const candidate = current as PgLike;
    if (typeof candidate.code === "string" && /^[0-9A-Z]{5}$/.test(candidate.code)) {
      return candidate;
    }
    current = candidate.cause;
  }
  return null;
}

/** A PostgreSQL error of the caller's making as a typed 4xx (with the column or constraint), else null. */
export function toClientError(error: unknown): TRPCError | null {
  const pg = findPgError(error);
  const known = pg && typeof pg.code === "string" ? clientErrorCodes[pg.code] : undefined;
  if (!pg || !known) {
    return null;
  }
  const field = typeof pg.column === "string" ? pg.column : typeof pg.constraint === "string" ? pg.constraint : null;
  return new TRPCError({ code: known.code, message: field ? `${known.message} (${field})` : known.message });
}

/** Logs an unexpected failure with a reference and answers only that reference. */
export function maskInternalError(error: unknown, path: string | undefined): string {
  const ref = randomUUID().slice(0, 8);
  logger().error({ err: error, ref, path }, "internal error");
  return `Internal error (ref ${ref})`;
}
