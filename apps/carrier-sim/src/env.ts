/** The simulator's configuration; the only place in this app that reads process.env. */
function readPort(name: string, fallback: number): number {
  const raw = process.env[name];
  const port = raw ? Number(raw) : fallback;
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new Error(`${name}="${raw}" is not a port number: use a whole number from 1 to 65535.`);
  }
  return port;
}

function readMilliseconds(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw ? Number(raw) : fallback;
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${name}="${raw}" is not a number of milliseconds: use a whole number, 0 or more.`);
  }
  return value;
}

/** Development default so `npm start` works out of the box; the worker uses the same default. */
export const developmentCallbackSecret = "portway-dev-partner-callback-secret";

export const env = {
  port: readPort("SIMULATOR_PORT", 3003),
  databaseUrl: process.env.DATABASE_URL ?? null,
  /** Signs callbacks; must equal the worker's PARTNER_CALLBACK_SECRET. */
  callbackSecret: process.env.PARTNER_CALLBACK_SECRET || developmentCallbackSecret,
  /** When set, the partner API (/v1) requires `authorization: Bearer <key>`. */
  apiKey: process.env.SIMULATOR_API_KEY || null,
  schema: process.env.SIMULATOR_DB_SCHEMA || "carrier_sim",
  tickMs: readMilliseconds("SIMULATOR_TICK_MS", 250),
};
