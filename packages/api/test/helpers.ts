import { createDb, type DbHandle } from "@portway/db";
import {
  type CustomerIdentity,
  fixedClock,
  type Identity,
  saveDraft,
  seedDemoData,
  seedNumberingData,
  submitPortRequest,
  uploadDraftDocument,
} from "@portway/services";
import { inject } from "vitest";
import type { Context } from "../src/trpc";

/** Monday 2026-12-07, 10:00 ET: the API tests' fixed "now". */
export const clock = fixedClock(new Date("2026-12-07T15:00:00Z"));

/** The smallest PDF the document checks accept, base64 as the upload procedures take it. */
export const pdf = Buffer.from(
  "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n",
).toString("base64");

/** The demo data's analyst and lead of the porting team. */
export const analyst: Identity = {
  kind: "staff",
  userId: "demo-analyst-portway",
  name: "Ana Analyst",
  email: "analyst@portway.test",
  role: "analyst",
};
export const lead: Identity = {
  kind: "staff",
  userId: "demo-lead-portway",
  name: "Lee Lead",
  email: "lead@portway.test",
  role: "lead",
};

/** A connection to the test database (from the global setup) with the demo and numbering data seeded. */
export async function openSeededDb(): Promise<DbHandle> {
  const handle = createDb(inject("databaseUrl"));
  await seedDemoData(handle.db, { production: false });
  await seedNumberingData(handle.db);
  return handle;
}

/** The tRPC context of a call by `identity` (or anonymous) at the fixed clock; the simulator is unreachable. */
export function contextFor(handle: DbHandle, identity: Identity | null): Context {
  return { db: handle.db, clock, identity, config: { partnerUrl: "http://127.0.0.1:9" } };
}

/** Acme Voice's first user (by email) as a customer admin, with a placeholder email. */
export async function acmeCustomer(handle: DbHandle): Promise<CustomerIdentity> {
  const row = (
    await handle.pool.query(
      "select u.id, u.name, u.account_id from auth_users u join customer_accounts a on a.id = u.account_id where a.slug = 'acme-voice' order by u.email limit 1",
    )
  ).rows[0];
  return {
    kind: "customer",
    userId: row.id,
    name: row.name,
    email: "x@x.test",
    role: "admin",
    accountId: row.account_id,
  };
}

type Submission = Parameters<typeof submitPortRequest>[3]["submission"];

/** Saves `data` as a draft of `owner`, uploads a signed LOA and submits it; the first order's id ("" if none). */
export async function submitOrder(
  handle: DbHandle,
  owner: { accountId: string; userId: string },
  data: Submission,
): Promise<string> {
  const draft = await saveDraft(handle.db, clock, owner, { data });
  await uploadDraftDocument(handle.db, clock, owner, {
    draftId: draft.id,
    kind: "LOA",
    fileName: "loa.pdf",
    contentBase64: pdf,
    signedAt: "2026-12-04T15:00:00Z",
  });
  const result = await submitPortRequest(handle.db, clock, owner, { draftId: draft.id, submission: data });
  return result.orders[0]?.id ?? "";
}
