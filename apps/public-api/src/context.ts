import { OpenAPIHono } from "@hono/zod-openapi";
import type { Db } from "@portway/db";
import { type ActingAs, type Clock, type CustomerIdentity, customerActing } from "@portway/services";
import type { ApiLimits } from "@portway/services/auth";
import { fromZodError, problemResponse } from "./problem";

/** What the API needs, built once per process: its database, the business clock and how to bring it up to date. */
export interface ApiRuntime {
  db: Db;
  clock: Clock;
  /** Brings the clock up to date with the sandbox's stored offset (no-op in production). */
  refreshClock?: () => Promise<void>;
  /** The most a request body may be, in bytes (documents are the largest: 3 MB, base64 or multipart). */
  maxBodyBytes?: number;
  /**
   * Calls per API key (shared with the portal's API and every process), said on every answer by RateLimit-Policy and
   * RateLimit; absent, nothing is limited.
   */
  limits?: Pick<ApiLimits, "spendCall">;
}

/** The caller an API key stands for; every query is scoped to its account. */
export interface Caller {
  user: CustomerIdentity;
  accountId: string;
  acting: ActingAs;
  owner: { accountId: string; userId: string; apiKeyId?: string };
}

export interface ApiEnv {
  Variables: { caller: Caller; runtime: ApiRuntime };
}

/** A router whose request validation failures answer problem+json with every field. */
export function newRouter() {
  return new OpenAPIHono<ApiEnv>({
    // A path with a trailing slash is the same route: Bandwidth's C# SDK calls `/portins/`.
    strict: false,
    defaultHook: (result, c) => {
      if (!result.success) {
        return problemResponse(c, fromZodError(result.error, result.target));
      }
      return undefined;
    },
  });
}

export type ApiRouter = ReturnType<typeof newRouter>;

export function callerFor(user: CustomerIdentity): Caller {
  return {
    user,
    accountId: user.accountId,
    ...customerActing(user),
  };
}
