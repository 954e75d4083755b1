import type { Portal } from "../auth/index";
import {
  ConfigError,
  developmentAuthSecret,
  type EnvSource,
  isProduction,
  readPort,
  readProductionUrl,
  readSecret,
} from "./config-error";

export interface PortalEnv {
  portal: Portal;
  production: boolean;
  databaseUrl: string;
  authSecret: string;
  baseUrl: string;
  /** The porting partner's API (the carrier simulator in development). */
  partnerUrl: string;
  /** Bearer token for `/metrics`; without one, production does not serve it. */
  metricsToken: string | null;
  /** Reverse proxies in front that append to X-Forwarded-For (TRUSTED_PROXY_HOPS); 0: the header is ignored. */
  trustedProxyHops: number;
}

export const defaultPorts = { customer: 3000, admin: 3001, worker: 3002, simulator: 3003, postgres: 5433 } as const;

/** Configuration of a portal, read once at startup by the app's env.ts. */
export function readPortalEnv(env: EnvSource, portal: Portal): PortalEnv {
  const production = isProduction(env);
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
    baseUrl: readProductionUrl(env, portal === "customer" ? "CUSTOMER_URL" : "ADMIN_URL", {
      production,
      fallback: `http://localhost:${port}`,
      https: true,
      what: `the portal's public https URL (https://${portal === "customer" ? "portal" : "admin"}.example.com)`,
    }),
    partnerUrl: readPartnerUrl(env, production, simulatorPort),
    metricsToken: env.METRICS_TOKEN || null,
    trustedProxyHops: readTrustedProxyHops(env),
  };
}

/**
 * The partner API: `PARTNER_URL`, required in production; in development it defaults to the carrier simulator
 * (`SIMULATOR_URL`, else the simulator's port on loopback).
 */
export function readPartnerUrl(env: EnvSource, production: boolean, simulatorPort: number): string {
  const fallback = env.SIMULATOR_URL || `http://127.0.0.1:${simulatorPort}`;
  return readProductionUrl(env, "PARTNER_URL", {
    production,
    fallback,
    what: "the porting partner's API URL (the real partner, never the simulator)",
  });
}

/** TRUSTED_PROXY_HOPS: how many reverse proxies in front append the address they saw to X-Forwarded-For. */
export function readTrustedProxyHops(env: EnvSource): number {
  const raw = env.TRUSTED_PROXY_HOPS;
  if (raw === undefined || raw === "") {
    return 0;
  }
  const hops = Number(raw);
  if (!Number.isInteger(hops) || hops < 0 || hops > 10) {
    throw new ConfigError(
      `TRUSTED_PROXY_HOPS="${raw}" is not a proxy count: use 0 (no proxy in front) up to 10, the number of proxies that append to X-Forwarded-For.`,
    );
  }
  return hops;
}
