import type { DbHandle } from "@portway/db";
import { insertHolidays } from "@portway/db";
import { applyOrderEventAs, checkDocumentFile, type Identity, sampleTns, saveDraft } from "@portway/services";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCustomerCaller } from "../src/customer";
import { clock, contextFor, openSeededDb, submitOrder } from "./helpers";

let handle: DbHandle;
let identity: Identity;
let owner: { accountId: string; userId: string; name: string };

async function userOf(email: string) {
  const rows = await handle.pool.query("select id, name, account_id, role from auth_users where email = $1", [email]);
  const row = rows.rows[0];
  return { accountId: row.account_id as string, userId: row.id as string, name: row.name as string };
}

function caller() {
  return createCustomerCaller(contextFor(handle, identity));
}

function submission(tn: string, reference: string) {
  return {
    tns: [tn],
    btn: tn,
    partialPort: false,
    subscriber: { type: "BUSINESS" as const, businessName: "Home Test Co" },
    accountNumber: "ACCT-100",
    serviceAddress: { houseNumber: "1", street: "Main St", city: "Boston", state: "MA" as const, zip: "02110" },
    loaAuthorizingPerson: "Pat Signer",
    requestedFoc: "2026-12-14T16:00:00.000Z",
    onDemandActivation: false,
    customerOrderRef: reference,
  };
}

async function submitWithLoa(tn: string, reference: string) {
  const orderId = await submitOrder(handle, owner, submission(tn, reference));
  await applyOrderEventAs(handle.db, clock, { actor: { kind: "PARTNER" } }, orderId, {
    type: "PARTNER_ACCEPTED",
    pon: String(400_000_000 + Math.floor(Math.random() * 99_999)),
  });
  return orderId;
}

beforeAll(async () => {
  handle = await openSeededDb();
  owner = await userOf("admin@acme.test");
  identity = { kind: "customer", ...owner, email: "admin@acme.test", role: "admin" };
});
afterAll(async () => {
  await handle.close();
});

describe("customer home", () => {
  it("lists exceptions, drafts without an LOA and short-notice requests waiting for the porting team", async () => {
    const rejected = await submitWithLoa("+16172531201", "HOME-REJECTED");
    await applyOrderEventAs(handle.db, clock, { actor: { kind: "PARTNER" } }, rejected, {
      type: "REJECTED",
      rejections: [{ code: "LOA_INVALID", text: "LOA NOT LEGIBLE" }],
    });
    const draft = await saveDraft(handle.db, clock, owner, { data: { customerOrderRef: "HOME-DRAFT-NO-LOA" } });
    const focOrder = await submitWithLoa("+16172531202", "HOME-SHORT-NOTICE");
    await applyOrderEventAs(handle.db, clock, { actor: { kind: "PARTNER" } }, focOrder, { type: "CSR_UNAVAILABLE" });
    // FOC Tuesday 09:00 ET: the cutoff is Monday 09:00 ET, already past at 10:00 ET.
    const focked = await applyOrderEventAs(handle.db, clock, { actor: { kind: "PARTNER" } }, focOrder, {
      type: "FOC_RECEIVED",
      focAt: "2026-12-08T14:00:00.000Z",
    });
    await caller().orders.cancel({ orderId: focOrder, baseVersion: focked.version, reason: "Changed our mind" });

    const home = await caller().home.summary();
    expect(home.exceptions.map((o) => o.id)).toContain(rejected);
    expect(home.drafts.map((d) => d.id)).toContain(draft.id);
    expect(home.missingDocuments).toContainEqual(expect.objectContaining({ kind: "DRAFT", id: draft.id }));
    expect(home.missingDocuments).toContainEqual(expect.objectContaining({ kind: "ORDER", id: rejected }));
    const request = home.shortNotice.find((r) => r.order.id === focOrder);
    expect(request?.kind).toBe("SHORT_NOTICE_CANCEL");
    expect(home.upcoming.map((o) => o.id)).toContain(focOrder);
  });
});

describe("FOC options", () => {
  it("offers only business days from the earliest FOC, without a company holiday a lead added", async () => {
    const before = await caller().foc.forSubmission({ orders: [{ carrierSpid: "9202", portType: "AUTOMATED" }] });
    // Three business days after Monday 2026-12-07: Thursday 2026-12-10; Christmas Day is not offered.
    expect(before.earliest).toBe("2026-12-10");
    expect(before.dates[0]).toBe("2026-12-10");
    expect(before.dates).not.toContain("2026-12-12");
    expect(before.dates).not.toContain("2026-12-25");
    expect(before.dates).toContain("2026-12-16");
    expect(before.times[0]?.time).toBe("06:00");
    expect(before.times.at(-1)?.time).toBe("22:00");
    expect(before.times.find((t) => t.time === "07:00")?.outsideSupportHours).toBe(true);

    await insertHolidays(handle.db, [{ date: "2026-12-16", name: "Company day off", carrierId: null }]);
    const after = await caller().foc.forSubmission({ orders: [{ carrierSpid: "9202", portType: "AUTOMATED" }] });
    expect(after.dates).not.toContain("2026-12-16");
    expect(after.dates).toContain("2026-12-15");
    expect(after.dates).toContain("2026-12-17");
  });

  it("takes the strictest of a split submission: the longest lead and every carrier's holidays", async () => {
    const options = await caller().foc.forSubmission({
      orders: [
        { carrierSpid: "9202", portType: "AUTOMATED" },
        { carrierSpid: "9203", portType: "AUTOMATED" },
      ],
    });
    // Prairie Telephone Coop needs 5 business days: Monday 2026-12-14.
    expect(options.earliest).toBe("2026-12-14");
  });

  it("answers for one of the account's orders with its port type", async () => {
    const orderId = await submitWithLoa("+16172531203", "FOC-OPTIONS-ORDER");
    const options = await caller().foc.forOrder({ orderId });
    expect(options.portType).toBe("AUTOMATED");
    expect(options.dates.length).toBeGreaterThan(10);
  });
});

describe("LOA generation and account users", () => {
  it("generates an LOA PDF of a draft that passes the document check by content", async () => {
    const draft = await saveDraft(handle.db, clock, owner, {
      data: {
        ...submission(sampleTns.offNet, "LOA-GEN (1)"),
        subscriber: { type: "BUSINESS", businessName: "Gen Co" },
      },
    });
    const loa = await caller().drafts.generateLoa({ draftId: draft.id });
    expect(loa.fileName).toBe("LOA-LOA-GEN-1-.pdf");
    const bytes = Buffer.from(loa.contentBase64, "base64");
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    // The text as a PDF reader extracts it (the letter's fonts are embedded subsets, not readable in the bytes).
    const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
    const content = await (await pdf.getPage(1)).getTextContent();
    const text = content.items.map((item) => ("str" in item ? item.str : "")).join(" ");
    await pdf.destroy();
    expect(text).toContain("Gen Co");
    expect(text).toContain("Pat Signer");
    expect(text).toContain("(617) 253-1000");
    expect((await checkDocumentFile(loa.fileName, loa.contentBase64)).mediaType).toBe("application/pdf");
  });

  it("lists the account's users with their roles, and no other account's", async () => {
    const users = await caller().account.users();
    const emails = users.map((u) => u.email);
    expect(emails).toContain("admin@acme.test");
    expect(emails).toContain("member@acme.test");
    expect(emails.some((e) => e.includes("blueharbor"))).toBe(false);
    expect(users.find((u) => u.email === "member@acme.test")?.role).toBe("member");
  });
});
