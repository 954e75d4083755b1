import type { DbHandle } from "@portway/db";
import { rejectionRiskWarnings, seedDemoCarrierHistory } from "@portway/services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminOf, newKey, openSeededDb, pdfBytes, startApi, submissionFor, testClock } from "./helpers";

/**
 * The create APIs answer the wizard's rejection-risk warnings (never errors), from the same service: on the demo's
 * carrier history, Atlantic Telephone rejected over a fifth of its quarter for the service address.
 */
let handle: DbHandle;
let api: Awaited<ReturnType<typeof startApi>>;
let key = "";
let accountId = "";
const clock = testClock();

beforeAll(async () => {
  handle = await openSeededDb();
  await seedDemoCarrierHistory(handle.db, { production: false, now: clock.now() });
  api = await startApi(handle, clock);
  const admin = await adminOf(handle, "admin@acme.test");
  accountId = admin.accountId;
  key = await newKey(handle, clock, admin);
}, 120_000);
afterAll(async () => {
  await api?.close();
  await handle?.close();
});

/** What the wizard's review step shows for an Atlantic Telephone order with this account number and no PIN. */
async function wizardWarnings(accountNumber: string) {
  const result = await rejectionRiskWarnings(handle.db, {
    accountId,
    now: clock.now(),
    orders: [{ carrierSpid: "9202", portType: "AUTOMATED" }],
    accountNumber,
    pin: null,
  });
  return result.warnings;
}

describe("rejection-risk warnings in the create responses", () => {
  it("POST /v1/port-ins answers the wizard's warnings beside the orders", async () => {
    const auth = { authorization: `Bearer ${key}` };
    const submission = submissionFor(["+16172533981"], "RISK-REST-1");
    const draft = await fetch(`${api.url}/v1/port-ins`, {
      method: "POST",
      headers: { ...auth, "content-type": "application/json" },
      body: JSON.stringify({ mode: "draft", submission }),
    });
    const { draftId } = (await draft.json()) as { draftId: string };
    const form = new FormData();
    form.append("file", new Blob([pdfBytes], { type: "application/pdf" }), "loa.pdf");
    form.append("kind", "LOA");
    form.append("signedAt", "2026-12-04T15:00:00Z");
    const loa = await fetch(`${api.url}/v1/drafts/${draftId}/documents`, { method: "POST", headers: auth, body: form });
    expect(loa.status).toBe(201);
    const response = await fetch(`${api.url}/v1/port-ins`, {
      method: "POST",
      headers: { ...auth, "content-type": "application/json" },
      body: JSON.stringify({ draftId, submission }),
    });
    const body = (await response.json()) as { orders: unknown[]; riskWarnings: { field: string; message: string }[] };
    expect(response.status, JSON.stringify(body)).toBe(201);
    expect(body.orders).toHaveLength(1);
    const expected = await wizardWarnings("ACCT-100");
    expect(expected.map((w) => w.field)).toContain("serviceAddress");
    expect(body.riskWarnings).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(body.riskWarnings.find((w) => w.field === "serviceAddress")?.message).toMatch(
      /^Atlantic Telephone Company rejected \d+% of \d+ orders in the last 90 days for a service address/,
    );
  });

  it("POST portins (Bandwidth-compatible) answers them as Warnings, the order still received", async () => {
    const tn = "6172533982";
    const xml = `<LnpOrder><CustomerOrderId>RISK-BW-1</CustomerOrderId><SiteId>1</SiteId><BillingTelephoneNumber>${tn}</BillingTelephoneNumber><Subscriber><SubscriberType>BUSINESS</SubscriberType><BusinessName>Risk Mover Co</BusinessName><ServiceAddress><HouseNumber>12</HouseNumber><StreetName>Harvard St</StreetName><City>Boston</City><StateCode>MA</StateCode><Zip>02134</Zip></ServiceAddress></Subscriber><LoaAuthorizingPerson>Pat Signer</LoaAuthorizingPerson><WirelessInfo><AccountNumber>0012345</AccountNumber></WirelessInfo><ListOfPhoneNumbers><PhoneNumber>${tn}</PhoneNumber></ListOfPhoneNumbers><RequestedFocDate>2026-12-14T16:00:00.000Z</RequestedFocDate></LnpOrder>`;
    const response = await fetch(`${api.url}/v1.0/accounts/${accountId}/portins`, {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from(`integration:${key}`).toString("base64")}`,
        "content-type": "application/xml",
      },
      body: xml,
    });
    const text = await response.text();
    expect(response.status, text).toBe(201);
    const expected = await wizardWarnings("0012345");
    expect(expected.length).toBeGreaterThan(0);
    for (const warning of expected) {
      expect(text).toContain(`<Code>RISK_${warning.reason}</Code>`);
      expect(text).toContain(warning.message.replaceAll("'", "&apos;"));
    }
    expect(text).toMatch(/<Warnings>\s*<Warning>\s*<Code>RISK_ADDRESS_MISMATCH<\/Code>/);
  });

  it("a carrier under the minimum sample gets no warning", async () => {
    const result = await rejectionRiskWarnings(handle.db, {
      accountId,
      now: clock.now(),
      orders: [{ carrierSpid: "9201", portType: "AUTOMATED" }],
      accountNumber: "1",
      pin: "1",
    });
    expect(result.warnings).toEqual([]);
  });
});
