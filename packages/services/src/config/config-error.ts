/** A configuration problem: its message is one line that says what is wrong and how to fix it. */
export class ConfigError extends Error {}

export type EnvSource = Record<string, string | undefined>;

export const developmentAuthSecret = "portway-development-secret-do-not-use-in-production";

/**
 * Whether Portway runs in production. `next start` forces NODE_ENV=production inside a portal whatever the
 * deployment is, so the start script passes the mode it was started in as PORTWAY_ENV; a process started without it
 * (a deployment running `next start` or the worker by hand) takes NODE_ENV, production being the safe reading.
 */
export function isProduction(env: EnvSource): boolean {
  const mode = env.PORTWAY_ENV;
  if (mode === undefined || mode === "") {
    return env.NODE_ENV === "production";
  }
  if (mode !== "production" && mode !== "development") {
    throw new ConfigError(`PORTWAY_ENV="${mode}" is not a mode: use production or development.`);
  }
  return mode === "production";
}

export function readPort(env: EnvSource, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") {
    return fallback;
  }
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new ConfigError(`${name}="${raw}" is not a port number: use a whole number from 1 to 65535.`);
  }
  return port;
}

export function readSecret(env: EnvSource, name: string, production: boolean, devFallback: string): string {
  const value = env[name];
  if (value && value.length >= 32) {
    return value;
  }
  if (value) {
    throw new ConfigError(
      `${name} is too short: use at least 32 random characters (for example: openssl rand -hex 32).`,
    );
  }
  if (production) {
    throw new ConfigError(
      `${name} is missing: production needs a secret of at least 32 random characters (openssl rand -hex 32).`,
    );
  }
  return devFallback;
}

/** A URL that production requires to be set (no development fallback) and, with `https`, to use https. */
export function readProductionUrl(
  env: EnvSource,
  name: string,
  options: { production: boolean; fallback: string; https?: boolean; what: string },
): string {
  if (!options.production) {
    return readUrl(env, name, options.fallback);
  }
  if (!env[name]) {
    throw new ConfigError(`${name} is missing: production needs ${options.what}.`);
  }
  const url = readUrl(env, name);
  if (options.https && !url.startsWith("https://")) {
    throw new ConfigError(
      `${name}="${env[name]}" must be an https URL in production (session cookies are Secure): set it to https://…`,
    );
  }
  return url;
}

export function readUrl(env: EnvSource, name: string, fallback?: string): string {
  const value = env[name] ?? fallback;
  if (!value) {
    throw new ConfigError(`${name} is missing: set it to a URL.`);
  }
  try {
    return new URL(value).toString().replace(/\/$/, "");
  } catch {
    throw new ConfigError(`${name}="${value}" is not a valid URL.`);
  }
}
