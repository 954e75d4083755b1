import { ConfigError, isProduction, readPort } from "@portway/services";

/** The public API's port when API_PORT is not set. */
export const defaultApiPort = 3004;

export interface ApiEnvConfig {
  production: boolean;
  databaseUrl: string;
  port: number;
  host: string;
}

/** Reads and checks the API's configuration (a pure function of the environment it is given). */
export function readApiEnv(env: NodeJS.ProcessEnv): ApiEnvConfig {
  if (!env.DATABASE_URL) {
    throw new ConfigError("DATABASE_URL is missing: start Portway with the README start command, or set DATABASE_URL.");
  }
  return {
    production: isProduction(env),
    databaseUrl: env.DATABASE_URL,
    port: readPort(env, "API_PORT", defaultApiPort),
    host: env.PORTWAY_BIND_HOST || "127.0.0.1",
  };
}
