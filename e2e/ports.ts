/**
 * Ports of the product instance the browser tests start (kept apart from a running `npm start`).
 * `E2E_PORT_BASE` moves the whole instance, so that two runs can share a machine.
 */
const base = Number(process.env.E2E_PORT_BASE ?? 4300);

export const e2ePorts = {
  customer: base,
  admin: base + 1,
  worker: base + 2,
  simulator: base + 3,
  api: base + 4,
  postgres: base + 232,
} as const;

export const customerUrl = `http://localhost:${e2ePorts.customer}`;
export const adminUrl = `http://localhost:${e2ePorts.admin}`;
export const apiUrl = `http://localhost:${e2ePorts.api}`;
