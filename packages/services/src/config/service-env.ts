import { ConfigError, type EnvSource, readPort, readUrl } from "./config-error";
import { defaultPorts } from "./portal-env";

export interface WorkerEnv {
  production: boolean;
  databaseUrl: string;
  port: number;
  simulatorUrl: string;
}

function requireDatabaseUrl(env: EnvSource): string {
  if (!env.DATABASE_URL) {
    throw new ConfigError("DATABASE_URL is missing: start Portway with the README start command, or set DATABASE_URL.");
  }
  return env.DATABASE_URL;
}

/** Configuration of the worker, read once at startup by its env.ts. */
export function readWorkerEnv(env: EnvSource): WorkerEnv {
  const simulatorPort = readPort(env, "SIMULATOR_PORT", defaultPorts.simulator);
  return {
    production: env.NODE_ENV === "production",
    databaseUrl: requireDatabaseUrl(env),
    port: readPort(env, "WORKER_PORT", defaultPorts.worker),
    simulatorUrl: readUrl(env, "SIMULATOR_URL", `http://127.0.0.1:${simulatorPort}`),
  };
}
