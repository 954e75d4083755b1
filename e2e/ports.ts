/** Ports of the product instance the browser tests start (kept apart from a running `npm start`). */
export const e2ePorts = {
  customer: 4300,
  admin: 4301,
  worker: 4302,
  simulator: 4303,
  postgres: 4532,
} as const;

export const customerUrl = `http://localhost:${e2ePorts.customer}`;
export const adminUrl = `http://localhost:${e2ePorts.admin}`;
