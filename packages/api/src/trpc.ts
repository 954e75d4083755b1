import type { Db } from "@portway/db";
import {
  type ActingAs,
  type Clock,
  type CustomerIdentity,
  customerActing,
  type Identity,
  ServiceError,
  type StaffIdentity,
} from "@portway/services";
import { type ApiLimits, TooManyRequests } from "@portway/services/auth";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError, z } from "zod";
import { toTrpcError } from "./errors";
import { maskInternalError, toClientError } from "./internal-errors";

export interface Context {
  db: Db;
  clock: Clock;
  identity: Identity | null;
  config: { partnerUrl: string };
  /** Call budgets and the large-check slot; absent, nothing is limited (direct calls in tests). */
  limits?: ApiLimits;
  /** Headers of the HTTP answer (`Retry-After` of a 429), set by the HTTP handler. */
  resHeaders?: Headers;
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error, path }) {
    if (error.code === "INTERNAL_SERVER_ERROR") {
      // Never the SQL, its parameters or a stack: a reference that the log holds with the cause.
      const { stack: _stack, ...data } = shape.data;
      return {
        ...shape,
        message: maskInternalError(error.cause ?? error, path),
        data: { ...data, fieldErrors: null, domain: null },
      };
    }
    return {
      ...shape,
      data: {
        ...shape.data,
        // Field-level messages for forms: which field, what is wrong.
        fieldErrors: error.cause instanceof ZodError ? z.flattenError(error.cause).fieldErrors : null,
        domain:
          error.cause instanceof ServiceError
            ? {
                code: error.cause.code,
                field: error.cause.field,
                issues: error.cause.issues,
                details: error.cause.details,
              }
            : null,
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Expected failures of use cases become tRPC errors in one place (see errors.ts for the table). */
const mapServiceErrors = t.middleware(async ({ ctx, next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof TooManyRequests) {
    ctx.resHeaders?.set("retry-after", String(result.error.cause.retryAfterSeconds));
    throw new TRPCError({ code: "TOO_MANY_REQUESTS", message: result.error.cause.message, cause: result.error.cause });
  }
  if (!result.ok && result.error.cause instanceof ServiceError) {
    throw toTrpcError(result.error.cause);
  }
  if (!result.ok && result.error.code === "INTERNAL_SERVER_ERROR") {
    const client = toClientError(result.error.cause);
    if (client) {
      throw client;
    }
  }
  return result;
});

/** Explicitly public: no session needed. */
export const publicProcedure = t.procedure.use(mapServiceErrors);

/** A signed-in customer user; the context carries the account, so every query is scoped to it. */
export const customerProcedure = publicProcedure.use(({ ctx, next }) => {
  if (ctx.identity?.kind !== "customer") {
    throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to the customer portal first." });
  }
  const user: CustomerIdentity = ctx.identity;
  const { acting, owner } = customerActing(user);
  return next({ ctx: { ...ctx, user, account: { id: user.accountId }, acting, owner } });
});

/** A signed-in member of the porting team. */
export const staffProcedure = publicProcedure.use(({ ctx, next }) => {
  if (ctx.identity?.kind !== "staff") {
    throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to the admin portal first." });
  }
  const staff: StaffIdentity = ctx.identity;
  const acting: ActingAs = { actor: { kind: "STAFF", id: staff.userId } };
  return next({ ctx: { ...ctx, staff, acting } });
});

/** Porting team leads only (administration, reports). */
export const leadProcedure = staffProcedure.use(({ ctx, next }) => {
  if (ctx.staff.role !== "lead") {
    throw new TRPCError({ code: "FORBIDDEN", message: "Only a porting team lead may do this." });
  }
  return next({ ctx });
});
