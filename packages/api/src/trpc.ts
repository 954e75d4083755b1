import type { Db } from "@portway/db";
import type { Clock, CustomerIdentity, Identity, StaffIdentity } from "@portway/services";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError, z } from "zod";

export interface Context {
  db: Db;
  clock: Clock;
  identity: Identity | null;
  config: { simulatorUrl: string };
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    return {
      ...shape,
      data: {
        ...shape.data,
        // Field-level messages for forms: which field, what is wrong.
        fieldErrors: error.cause instanceof ZodError ? z.flattenError(error.cause).fieldErrors : null,
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Explicitly public: no session needed. */
export const publicProcedure = t.procedure;

/** A signed-in customer user; the context carries the account, so every query is scoped to it. */
export const customerProcedure = t.procedure.use(({ ctx, next }) => {
  if (ctx.identity?.kind !== "customer") {
    throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to the customer portal first." });
  }
  const user: CustomerIdentity = ctx.identity;
  return next({ ctx: { ...ctx, user, account: { id: user.accountId } } });
});

/** A signed-in member of the porting team. */
export const staffProcedure = t.procedure.use(({ ctx, next }) => {
  if (ctx.identity?.kind !== "staff") {
    throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to the admin portal first." });
  }
  const staff: StaffIdentity = ctx.identity;
  return next({ ctx: { ...ctx, staff } });
});

/** Porting team leads only (administration, reports). */
export const leadProcedure = staffProcedure.use(({ ctx, next }) => {
  if (ctx.staff.role !== "lead") {
    throw new TRPCError({ code: "FORBIDDEN", message: "Only a porting team lead may do this." });
  }
  return next({ ctx });
});
