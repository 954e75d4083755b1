import { authAccounts, authSessions, authUsers, authVerifications, type Db, findUserById } from "@portway/db";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { deleteSessionCookie } from "better-auth/cookies";
import { eq } from "drizzle-orm";
import { isDemoPassword } from "../demo/credentials";
import type { Identity } from "../identity";
import { resolveApiKey } from "../notifications/api-keys";
import { isReservedName, minPasswordLength, weakPasswordReason } from "./password-policy";

export type Portal = "customer" | "admin";

export interface AuthOptions {
  db: Db;
  portal: Portal;
  secret: string;
  baseURL: string;
  /** When true, demo passwords are refused at sign-in. */
  production: boolean;
}

const portalKind = { customer: "customer", admin: "staff" } as const;

const wrongPortalMessage: Record<Portal, string> = {
  customer: "This is the customer portal; porting team accounts sign in at the admin portal.",
  admin: "This is the admin portal for the porting team; customer users sign in at the customer portal.",
};

/**
 * One auth instance per portal. Both share the user and session tables but use their own cookie, and each refuses
 * users of the other kind, at sign-in and again whenever a session is resolved.
 */
export function createAuth(options: AuthOptions) {
  const { db, portal } = options;
  return betterAuth({
    appName: "Portway",
    baseURL: options.baseURL,
    secret: options.secret,
    trustedOrigins: [options.baseURL, options.baseURL.replace("localhost", "127.0.0.1")],
    database: drizzleAdapter(db, {
      provider: "pg",
      schema: { authUsers, authSessions, authAccounts, authVerifications },
    }),
    user: {
      modelName: "authUsers",
      additionalFields: {
        kind: { type: "string", required: true, input: false },
        role: { type: "string", required: true, input: false },
        accountId: { type: "string", required: false, input: false },
      },
    },
    session: { modelName: "authSessions", expiresIn: 60 * 60 * 12, updateAge: 60 * 60 },
    account: { modelName: "authAccounts" },
    verification: { modelName: "authVerifications" },
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: minPasswordLength,
      maxPasswordLength: 128,
    },
    advanced: { cookiePrefix: `portway-${portal}` },
    telemetry: { enabled: false },
    // better-auth's limiter counts per process and keys on X-Forwarded-For, which any client sets: sign-in is
    // throttled in front of it instead (handleAuthRequest, counts held in PostgreSQL, the client address from the
    // trusted-proxy setting).
    rateLimit: { enabled: false },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path === "/change-password") {
          const body = (ctx.body ?? {}) as { newPassword?: unknown };
          const weak = typeof body.newPassword === "string" ? weakPasswordReason(body.newPassword) : null;
          if (weak) {
            throw new APIError("BAD_REQUEST", { message: weak });
          }
          // A new password ends every other session: whoever knew the old one is signed out.
          return { context: { ...ctx, body: { ...(ctx.body as object), revokeOtherSessions: true } } };
        }
        if (ctx.path === "/update-user") {
          const name = (ctx.body as { name?: unknown } | undefined)?.name;
          if (typeof name === "string" && isReservedName(name)) {
            throw new APIError("BAD_REQUEST", {
              message: `“${name.trim()}” names Portway or its partner: choose your own name.`,
            });
          }
          return;
        }
        if (ctx.path !== "/sign-in/email") {
          return;
        }
        const body = (ctx.body ?? {}) as { email?: unknown; password?: unknown };
        if (options.production && typeof body.password === "string" && isDemoPassword(body.password)) {
          throw new APIError("FORBIDDEN", {
            message: "Demo passwords are refused in production: set a real password for this user.",
          });
        }
      }),
      // Which portal a user belongs to is said only once the password is right, so the message names no account
      // to someone guessing emails; the session just made is removed again.
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-in/email") {
          return;
        }
        const returned = ctx.context.returned as { token?: unknown; user?: { email?: unknown } } | undefined;
        const email = typeof returned?.user?.email === "string" ? returned.user.email : null;
        if (!email || typeof returned?.token !== "string") {
          return;
        }
        const rows = await db
          .select({ kind: authUsers.kind })
          .from(authUsers)
          .where(eq(authUsers.email, email.toLowerCase()))
          .limit(1);
        const kind = rows[0]?.kind;
        if (kind && kind !== portalKind[portal]) {
          await ctx.context.internalAdapter.deleteSession(returned.token);
          deleteSessionCookie(ctx);
          throw new APIError("FORBIDDEN", { message: wrongPortalMessage[portal] });
        }
      }),
    },
  });
}

export type PortwayAuth = ReturnType<typeof createAuth>;

/** Resolves the signed-in user of a request for one portal; a user of the other kind resolves to null. */
export async function resolveIdentity(
  auth: PortwayAuth,
  db: Db,
  portal: Portal,
  headers: Headers,
): Promise<Identity | null> {
  // Customer API keys (`Authorization: Bearer pwk_…`) act like a member's session of their account.
  if (portal === "customer" && headers.get("authorization")?.startsWith("Bearer ")) {
    return resolveApiKey(db, headers.get("authorization"), new Date());
  }
  const session = await auth.api.getSession({ headers });
  if (!session) {
    return null;
  }
  // Read the user from the database, not the cookie cache, so a role change takes effect at once.
  const user = await findUserById(db, session.user.id);
  if (!user || user.kind !== portalKind[portal]) {
    return null;
  }
  if (user.kind === "customer" && user.accountId && (user.role === "admin" || user.role === "member")) {
    return {
      kind: "customer",
      userId: user.id,
      name: user.name,
      email: user.email,
      role: user.role,
      accountId: user.accountId,
    };
  }
  if (user.kind === "staff" && (user.role === "analyst" || user.role === "lead")) {
    return { kind: "staff", userId: user.id, name: user.name, email: user.email, role: user.role };
  }
  return null;
}

export * from "./auth-route";
export * from "./client-address";
export * from "./http";
export * from "./limits";
export * from "./password-policy";
export * from "./portal-runtime";
