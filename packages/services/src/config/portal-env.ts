import type { Portal } from "../auth/index";
import { ConfigError, developmentAuthSecret, type EnvSource, readPort, readSecret, readUrl } from "./config-error";

export interface PortalEnv {
  portal: Portal;
  production: boolean;
  databaseUrl: string;
  authSecret: string;
  baseUrl: string;
  simulatorUrl: string;
}

export const defaultPorts = { customer: 3000, admin: 3001, worker: 3002, simulator: 3003, postgres: 5433 } as const;

/** Configuration of a portal, read once at startup by the app's env.ts. */
export function readPortalEnv(env: EnvSource, portal: Portal): PortalEnv {
  const production = env.NODE_ENV === "production";
  if (!env.DATABASE_URL) {
    throw new ConfigError("DATABASE_URL is missing: start Portway with the README start command, or set DATABASE_URL.");
  }
  const port = readPort(env, portal === "customer" ? "CUSTOMER_PORT" : "ADMIN_PORT", defaultPorts[portal]);
  const simulatorPort = readPort(env, "SIMULATOR_PORT", defaultPorts.simulator);
  return {
    portal,
    production,
    databaseUrl: env.DATABASE_URL,
    authSecret: readSecret(env, "PORTWAY_AUTH_SECRET", production, developmentAuthSecret),
    baseUrl: readUrl(env, portal === "customer" ? "CUSTOMER_URL" : "ADMIN_URL", `http://localhost:${port}`),
    simulatorUrl: readUrl(env, "SIMULATOR_URL", `http://127.0.0.1:${simulatorPort}`),
  };
}
