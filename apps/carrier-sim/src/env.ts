/** The simulator's configuration; the only place in this app that reads process.env. */
function readPort(name: string, fallback: number): number {
  const raw = process.env[name];
  const port = raw ? Number(raw) : fallback;
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new Error(`${name}="${raw}" is not a port number: use a whole number from 1 to 65535.`);
  }
  return port;
}

export const env = {
  port: readPort("SIMULATOR_PORT", 3003),
  databaseUrl: process.env.DATABASE_URL ?? null,
};
