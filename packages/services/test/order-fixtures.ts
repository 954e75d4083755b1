import { authUsers, customerAccounts, type Db, manualRequests, outbox } from "@portway/db";
import { eq, sql } from "drizzle-orm";
import { fixedClock } from "../src/clock";
import { type ServiceError, saveDraft, uploadDraftDocument } from "../src/index";

/** Monday 2026-12-07, 10:00 ET. */
export const mondayMorning = new Date("2026-12-07T15:00:00Z");
/** Thursday 2026-12-10, 11:00 ET: three business days later, inside every window. */
export const thursdayFoc = "2026-12-10T16:00:00.000Z";

export const minimalPdf = Buffer.from(
  "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n",
).toString("base64");

export async function demoCustomer(db: Db, slug: "acme-voice" | "blue-harbor") {
  const [account] = await db.select().from(customerAccounts).where(eq(customerAccounts.slug, slug));
  if (!account) {
    throw new Error(`demo account ${slug} missing`);
  }
  const [user] = await db.select().from(authUsers).where(eq(authUsers.accountId, account.id)).limit(1);
  if (!user) {
    throw new Error(`demo user of ${slug} missing`);
  }
  return { accountId: account.id, userId: user.id, name: user.name };
}

/** TNs of one NPA-NXX with line numbers from `first`, E.164. */
export function tnRange(npaNxx: string, first: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `+1${npaNxx}${String(first + i).padStart(4, "0")}`);
}

export function submissionData(tns: string[], reference: string, overrides: Record<string, unknown> = {}) {
  return {
    tns,
    btn: tns[0],
    partialPort: false,
    subscriber: { type: "BUSINESS" as const, businessName: "Harbor Dental LLC" },
    accountNumber: "ACCT-778812",
    serviceAddress: { houseNumber: "100", street: "Main St", city: "Boston", state: "MA" as const, zip: "02110" },
    loaAuthorizingPerson: "Dana Harbor",
    requestedFoc: thursdayFoc,
    onDemandActivation: false,
    customerOrderRef: reference,
    ...overrides,
  };
}

/** A draft with a signed LOA, as the new port-in form leaves it before submit. */
export async function draftWithLoa(
  db: Db,
  who: { accountId: string; userId: string },
  data: ReturnType<typeof submissionData>,
) {
  const clock = fixedClock(mondayMorning);
  const draft = await saveDraft(db, clock, who, { data });
  await uploadDraftDocument(db, clock, who, {
    draftId: draft.id,
    kind: "LOA",
    fileName: "loa.pdf",
    contentBase64: minimalPdf,
    signedAt: "2026-12-04T15:00:00Z",
  });
  return draft;
}

export async function jobsOf(db: Db, orderId: string) {
  const rows = await db.select().from(outbox).where(sql`${outbox.payload}->>'orderId' = ${orderId}`);
  return rows.map((r) => r.job);
}

export async function manualRequestsOf(db: Db, orderId: string) {
  return db.select().from(manualRequests).where(eq(manualRequests.orderId, orderId));
}

/** The error a use case fails with; the test fails if it succeeds. */
export async function failure(promise: Promise<unknown> | (() => unknown)): Promise<ServiceError> {
  try {
    await (typeof promise === "function" ? promise() : promise);
  } catch (error) {
    return error as ServiceError;
  }
  throw new Error("expected the use case to fail");
}
