import { expect, type Page } from "@playwright/test";
import { customerUrl } from "../ports";
import { advanceSandboxClock } from "./sandbox";

/** A signed LOA as the tests upload it: a small, real PDF. */
export const loaPdf = Buffer.from(
  "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n",
);

interface TrpcAnswer<T> {
  result?: { data: { json: T } };
  error?: { json: { message: string } };
}

/** Calls the customer tRPC API as the signed-in browser user (same cookies), the way the portal itself does. */
export async function callCustomerApi<T>(
  page: Page,
  path: string,
  input: unknown,
  kind: "query" | "mutation",
): Promise<T> {
  const url = `${customerUrl}/api/trpc/${path}`;
  const headers = { origin: customerUrl, "content-type": "application/json" };
  const response =
    kind === "query"
      ? await page.request.get(`${url}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`, { headers })
      : await page.request.post(url, { headers, data: JSON.stringify({ json: input }) });
  const body = (await response.json()) as TrpcAnswer<T>;
  if (!response.ok() || !body.result) {
    throw new Error(`${path}: ${response.status()} ${body.error?.json.message ?? JSON.stringify(body)}`);
  }
  return body.result.data.json;
}

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

export interface OrderSpec {
  tns: string[];
  reference: string;
  accountNumber?: string;
  /** Which valid FOC date to request (0 = the earliest). */
  focIndex?: number;
  focTime?: string;
}

/** A complete off-net submission (Boston, Atlantic Telephone) with a signed LOA, through the customer API. */
export async function submitOrderViaApi(page: Page, spec: OrderSpec): Promise<string> {
  const me = await callCustomerApi<{ now: string }>(page, "me.get", undefined, "query");
  const foc = await callCustomerApi<{ dates: string[] }>(
    page,
    "foc.forSubmission",
    { orders: [{ carrierSpid: "9202", portType: "AUTOMATED" }] },
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
    subscriber: { type: "BUSINESS", businessName: "Harbor Lights Bakery" },
    accountNumber: spec.accountNumber ?? "ACCT-55001",
    serviceAddress: { houseNumber: "12", street: "Atlantic Ave", city: "Boston", state: "MA", zip: "02110" },
    loaAuthorizingPerson: "Jordan Baker",
    requestedFoc: easternInstant(date, spec.focTime ?? "12:00"),
    onDemandActivation: false,
    customerOrderRef: spec.reference,
  };
  const draft = await callCustomerApi<{ id: string }>(page, "drafts.save", { data }, "mutation");
  await callCustomerApi(
    page,
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
  const result = await callCustomerApi<{ orders: { id: string }[] }>(
    page,
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

export interface OrderState {
  order: { status: string; pon: string | null; focAt: string | null; version: number };
}

export function readOrder(page: Page, orderId: string) {
  return callCustomerApi<OrderState>(page, "orders.get", { orderId }, "query");
}

/** Waits (real time) until the partner accepted the order: the simulator's timers start from that moment. */
export async function waitForPon(page: Page, orderId: string) {
  await expect
    .poll(async () => (await readOrder(page, orderId)).order.pon, { timeout: 60_000, intervals: [500, 1000] })
    .not.toBeNull();
}

/** Moves business time forward in steps until the order reaches a status (or fails after `maxSteps`). */
export async function advanceUntilStatus(page: Page, orderId: string, statuses: string[], stepMs = 60 * 60_000) {
  for (let step = 0; step < 12; step++) {
    const state = await readOrder(page, orderId);
    if (statuses.includes(state.order.status)) {
      return state;
    }
    await advanceSandboxClock(stepMs);
    // The worker applies delivered callbacks in its own loop; give it a moment.
    await page.waitForTimeout(1500);
  }
  const state = await readOrder(page, orderId);
  expect(statuses).toContain(state.order.status);
  return state;
}
