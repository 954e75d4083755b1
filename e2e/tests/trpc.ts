import { expect, type Page } from "@playwright/test";
import { createDb } from "@portway/db";
import { adminUrl, customerUrl, e2ePorts } from "../ports";
import { advanceSandboxClock } from "./sandbox";

/**
 * A small tRPC-over-HTTP client for browser tests: it calls a portal's API with the cookies of a signed-in page,
 * in tRPC's wire format with the superjson envelope (`{ json }`; the values these tests send are plain JSON).
 */
interface TrpcAnswer<T> {
  result?: { data: { json: T } };
  error?: { json: { message: string; data?: { code?: string } } };
}

export class TrpcCallError extends Error {
  constructor(
    readonly path: string,
    readonly status: number,
    readonly code: string | undefined,
    message: string,
  ) {
    super(`${path}: HTTP ${status} ${code ?? ""} ${message}`);
  }
}

export async function callTrpc<T>(
  page: Page,
  portal: "customer" | "admin",
  path: string,
  input: unknown,
  kind: "query" | "mutation",
): Promise<T> {
  const base = portal === "customer" ? customerUrl : adminUrl;
  const url = `${base}/api/trpc/${path}`;
  const headers = { origin: base, "content-type": "application/json" };
  const envelope = JSON.stringify({ json: input ?? null });
  const response =
    kind === "query"
      ? await page.request.get(`${url}?input=${encodeURIComponent(envelope)}`, { headers })
      : await page.request.post(url, { headers, data: envelope });
  const body = (await response.json()) as TrpcAnswer<T>;
  if (!response.ok() || !body.result) {
    throw new TrpcCallError(path, response.status(), body.error?.json.data?.code, body.error?.json.message ?? "");
  }
  return body.result.data.json;
}

/** A signed LOA as the tests upload it: a small, real PDF. */
export const loaPdf = Buffer.from(
  "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n",
);

/** The ISO instant of an ET wall-clock date and time. */
export function easternInstant(date: string, time: string): string {
  for (const offset of ["-04:00", "-05:00"]) {
    const candidate = new Date(`${date}T${time}:00${offset}`);
    const wall = new Intl.DateTimeFormat("en-CA", {
      timeZone: "America/New_York",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    }).format(candidate);
    if (wall.replace(",", "") === `${date} ${time}`) {
      return candidate.toISOString();
    }
  }
  throw new Error(`no ET instant for ${date} ${time}`);
}

interface OffNetSubmission {
  tns: string[];
  reference: string;
  carrierSpid: string;
  portType: string;
  /** Which valid FOC date to request (0 = the earliest). */
  focIndex?: number;
  focTime: string;
  businessName: string;
  accountNumber: string;
  serviceAddress: { houseNumber: string; street: string; city: string; state: string; zip: string };
  loaAuthorizingPerson: string;
}

/** A complete off-net submission with a signed LOA, through the customer API: draft, LOA, submit. */
async function submitOffNet(page: Page, spec: OffNetSubmission): Promise<string> {
  const me = await callTrpc<{ now: string }>(page, "customer", "me.get", undefined, "query");
  const foc = await callTrpc<{ dates: string[] }>(
    page,
    "customer",
    "foc.forSubmission",
    { orders: [{ carrierSpid: spec.carrierSpid, portType: spec.portType }] },
    "query",
  );
  const date = foc.dates[spec.focIndex ?? 0];
  if (!date) {
    throw new Error("no FOC date offered");
  }
  const [first = ""] = spec.tns;
  const data = {
    tns: spec.tns,
    btn: first,
    partialPort: false,
    subscriber: { type: "BUSINESS", businessName: spec.businessName },
    accountNumber: spec.accountNumber,
    serviceAddress: spec.serviceAddress,
    loaAuthorizingPerson: spec.loaAuthorizingPerson,
    requestedFoc: easternInstant(date, spec.focTime),
    onDemandActivation: false,
    customerOrderRef: spec.reference,
  };
  const draft = await callTrpc<{ id: string }>(page, "customer", "drafts.save", { data }, "mutation");
  await callTrpc(
    page,
    "customer",
    "drafts.uploadDocument",
    {
      draftId: draft.id,
      kind: "LOA",
      fileName: "signed-loa.pdf",
      contentBase64: loaPdf.toString("base64"),
      signedAt: new Date(me.now).toISOString(),
    },
    "mutation",
  );
  const result = await callTrpc<{ orders: { id: string }[] }>(
    page,
    "customer",
    "submissions.submit",
    { draftId: draft.id, submission: data },
    "mutation",
  );
  const order = result.orders[0];
  if (!order) {
    throw new Error("no order created");
  }
  return order.id;
}

/**
 * Submits an off-net order as the signed-in customer (Austin, Prairie Telephone Coop, partner-served): 601 or more
 * numbers make it a PROJECT order. The FOC is one the customer's picker offers.
 */
export function submitAsCustomer(
  page: Page,
  spec: { tns: string[]; reference: string; focIndex?: number },
): Promise<string> {
  const portType = spec.tns.length > 600 ? "PROJECT" : "AUTOMATED";
  return submitOffNet(page, {
    ...spec,
    carrierSpid: "9203",
    portType,
    focTime: portType === "PROJECT" ? "11:30" : "12:00",
    businessName: "Lone Star Dental",
    accountNumber: "ACCT-77001",
    serviceAddress: { houseNumber: "500", street: "Congress Ave", city: "Austin", state: "TX", zip: "78701" },
    loaAuthorizingPerson: "Casey Lone",
  });
}

export interface OrderSpec {
  tns: string[];
  reference: string;
  accountNumber?: string;
  /** Which valid FOC date to request (0 = the earliest). */
  focIndex?: number;
  focTime?: string;
}

/** A complete off-net submission (Boston, Atlantic Telephone) with a signed LOA, through the customer API. */
export function submitOrderViaApi(page: Page, spec: OrderSpec): Promise<string> {
  return submitOffNet(page, {
    ...spec,
    carrierSpid: "9202",
    portType: "AUTOMATED",
    focTime: spec.focTime ?? "12:00",
    businessName: "Harbor Lights Bakery",
    accountNumber: spec.accountNumber ?? "ACCT-55001",
    serviceAddress: { houseNumber: "12", street: "Atlantic Ave", city: "Boston", state: "MA", zip: "02110" },
    loaAuthorizingPerson: "Jordan Baker",
  });
}

export interface CustomerOrder {
  order: { status: string; pon: string | null; focAt: string | null; version: number };
}

export function readCustomerOrder(page: Page, orderId: string) {
  return callTrpc<CustomerOrder>(page, "customer", "orders.get", { orderId }, "query");
}

export async function waitForCustomerOrder(
  page: Page,
  orderId: string,
  check: (order: CustomerOrder["order"]) => boolean,
  timeout = 60_000,
) {
  await expect
    .poll(async () => check((await readCustomerOrder(page, orderId)).order), { timeout, intervals: [500, 1000] })
    .toBe(true);
  return (await readCustomerOrder(page, orderId)).order;
}

/** Waits (real time) until the partner accepted the order: the simulator's timers start from that moment. */
export async function waitForPon(page: Page, orderId: string) {
  await expect
    .poll(async () => (await readCustomerOrder(page, orderId)).order.pon, { timeout: 60_000, intervals: [500, 1000] })
    .not.toBeNull();
}

/** Moves business time forward in steps until the order reaches a status (or fails after `maxSteps`). */
export async function advanceUntilStatus(page: Page, orderId: string, statuses: string[], stepMs = 60 * 60_000) {
  for (let step = 0; step < 12; step++) {
    const state = await readCustomerOrder(page, orderId);
    if (statuses.includes(state.order.status)) {
      return state;
    }
    await advanceSandboxClock(stepMs);
    // The worker applies delivered callbacks in its own loop; give it a moment.
    await page.waitForTimeout(1500);
  }
  const state = await readCustomerOrder(page, orderId);
  expect(statuses).toContain(state.order.status);
  return state;
}

/** The carrier simulator's sandbox controls (faults, stats). */
export async function simulator(route: string, body?: unknown) {
  const response = await fetch(`http://127.0.0.1:${e2ePorts.simulator}${route}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    throw new Error(`${route}: HTTP ${response.status} ${await response.text()}`);
  }
  return response.json() as Promise<Record<string, unknown>>;
}

/** The product database of this browser-test run (as the global setup started it). */
export function productDatabaseUrl(): string {
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${url.pathname.replace(/^\//, "") || "portway"}_test_e2e`;
    return url.toString();
  }
  return `postgres://postgres:portway@127.0.0.1:${e2ePorts.postgres}/portway`;
}

/** Runs one statement on the product database (for test setup that has no UI, like a job's retry budget). */
export async function productSql(text: string, values: unknown[] = []) {
  const handle = createDb(productDatabaseUrl(), { max: 1, applicationName: "portway-e2e" });
  try {
    return (await handle.pool.query(text, values)).rows as Record<string, unknown>[];
  } finally {
    await handle.close();
  }
}
