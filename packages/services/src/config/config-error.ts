/** A configuration problem: its message is one line that says what is wrong and how to fix it. */
export class ConfigError extends Error {}

export type EnvSource = Record<string, string | undefined>;

export const developmentAuthSecret = "portway-development-secret-do-not-use-in-production";

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
