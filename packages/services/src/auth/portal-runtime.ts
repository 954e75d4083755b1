import { createDb, type Db } from "@portway/db";
import type { Clock } from "../clock";
import { systemClock } from "../clock";
import type { PortalEnv } from "../config/portal-env";
import type { Identity } from "../identity";
import { createSandboxClock } from "../sandbox/sandbox-clock";
import { handleAuthRequest } from "./auth-route";
import { createAuth, type PortwayAuth, resolveIdentity } from "./index";
import { ApiLimits, SignInThrottle } from "./limits";

export interface PortalRuntime {
  env: PortalEnv;
  db: Db;
  auth: PortwayAuth;
  clock: Clock;
  /** Brings the clock up to date with the sandbox's stored offset (no-op in production). */
  refreshClock: () => Promise<void>;
  identify: (headers: Headers) => Promise<Identity | null>;
  /** Per-user and per-API-key call budgets and the one-large-check-per-account slot, shared by every process. */
  limits: ApiLimits;
  /** The `/api/auth/*` route: body cap and sign-in throttling in front of better-auth. */
  handleAuth: (request: Request) => Promise<Response>;
}

/** What a portal's server needs, built once per process from its configuration. */
export function createPortalRuntime(env: PortalEnv): PortalRuntime {
  const { db, pool } = createDb(env.databaseUrl, { applicationName: `portway-${env.portal}` });
  const throttle = new SignInThrottle(pool);
  const auth = createAuth({
    db,
    portal: env.portal,
    secret: env.authSecret,
    baseURL: env.baseUrl,
    production: env.production,
  });
  // Outside production, business time is the sandbox clock that demos and tests move forward.
  const sandbox = env.production ? null : createSandboxClock(db);
  sandbox?.keepFresh();
  return {
    env,
    db,
    auth,
    clock: sandbox ?? systemClock,
    refreshClock: async () => {
      await sandbox?.refresh();
    },
    limits: new ApiLimits(pool),
    identify: (headers) => resolveIdentity(auth, db, env.portal, headers),
    handleAuth: (request) => handleAuthRequest(request, { auth, throttle, trustedProxyHops: env.trustedProxyHops }),
  };
}
