import { ConfigError, type EnvSource, isProduction, readPort, readSecret, readUrl } from "./config-error";
import { defaultPorts, readPartnerUrl } from "./portal-env";

export interface WorkerEnv {
  production: boolean;
  databaseUrl: string;
  port: number;
  /** The porting partner's API (the carrier simulator in development). */
  partnerUrl: string;
  /** The carrier simulator's control API (clock, faults): development only, null in production. */
  simulatorUrl: string | null;
  /** Where the partner posts callbacks: this worker's endpoint as the partner reaches it. */
  callbackUrl: string;
  callbackSecret: string;
  partnerApiKey: string | null;
  /** How often the scans run (activation, stuck orders), and how long an open order may stay quiet. */
  scanIntervalMs: number;
  reconcileQuietMs: number;
}

export const developmentCallbackSecret = "portway-dev-partner-callback-secret";

function requireDatabaseUrl(env: EnvSource): string {
  if (!env.DATABASE_URL) {
    throw new ConfigError("DATABASE_URL is missing: start Portway with the README start command, or set DATABASE_URL.");
  }
  return env.DATABASE_URL;
}

/** Configuration of the worker, read once at startup by its env.ts. */
export function readWorkerEnv(env: EnvSource): WorkerEnv {
  const simulatorPort = readPort(env, "SIMULATOR_PORT", defaultPorts.simulator);
  const production = isProduction(env);
  const port = readPort(env, "WORKER_PORT", defaultPorts.worker);
  return {
    production,
    databaseUrl: requireDatabaseUrl(env),
    port,
    partnerUrl: readPartnerUrl(env, production, simulatorPort),
    simulatorUrl: production ? null : readUrl(env, "SIMULATOR_URL", `http://127.0.0.1:${simulatorPort}`),
    callbackUrl: readUrl(env, "PARTNER_CALLBACK_URL", `http://127.0.0.1:${port}/partner/callbacks`),
    callbackSecret: readSecret(env, "PARTNER_CALLBACK_SECRET", production, developmentCallbackSecret),
    partnerApiKey: env.PARTNER_API_KEY || null,
    scanIntervalMs: readPositive(env, "WORKER_SCAN_INTERVAL_MS", 5_000),
    reconcileQuietMs: readPositive(env, "RECONCILE_QUIET_MS", 10 * 60_000),
  };
}

function readPositive(env: EnvSource, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") {
    return fallback;
  }
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new ConfigError(`${name}="${raw}" must be a whole number of milliseconds above 0.`);
  }
  return value;
}
