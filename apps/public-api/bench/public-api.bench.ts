/**
 * Public API benchmarks (not a test). Prints medians and ratios against the service call measured in the same run:
 * - GET /v1/port-ins/{id} and Bandwidth's GET portins/{id} against getOrderDetail, on a real order among N orders;
 * - a 600-TN submit through /v1 and through /v1.0 (create + LOA upload) against the same services called directly;
 * - lnpchecker and /v1/portability-checks with 10,000 numbers against checkNumbers.
 * Run: pnpm --filter @portway/public-api bench  (BENCH_ORDERS seeds fewer than 1,000,000 orders for a quick look)
 */
import { serve } from "@hono/node-server";
import { createDb } from "@portway/db";
import { bulkSeedOrders, createTestDatabase } from "@portway/db/testing";
import {
  checkNumbers,
  createApiKey,
  fixedClock,
  getOrderDetail,
  resolveApiKeyOnce,
  saveDraft,
  seedDemoData,
  seedNumberingData,
  submitPortRequest,
  uploadDraftDocument,
} from "@portway/services";
import { createApp } from "../src/app";

const clock = fixedClock(new Date("2026-12-07T15:00:00Z"));
const pdf = Buffer.from("%PDF-1.4\n%%EOF\n");

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

const range = (npaNxx: string, first: number, count: number) =>
  Array.from({ length: count }, (_, i) => `+1${npaNxx}${String(first + i).padStart(4, "0")}`);

function submission(list: string[], reference: string) {
  return {
    tns: list,
    btn: list[0] ?? "",
    partialPort: false,
    subscriber: { type: "BUSINESS" as const, businessName: "Bench Co" },
    accountNumber: "BENCH-1",
    serviceAddress: { houseNumber: "1", street: "Main St", city: "Boston", state: "MA" as const, zip: "02110" },
    loaAuthorizingPerson: "Bench Person",
    requestedFoc: "2026-12-14T16:00:00.000Z",
    onDemandActivation: false,
    customerOrderRef: reference,
    documents: [],
  };
}

function lnpOrderXml(list: string[], reference: string) {
  return `<?xml version="1.0" encoding="UTF-8"?><LnpOrder><CustomerOrderId>${reference}</CustomerOrderId><BillingTelephoneNumber>${list[0]}</BillingTelephoneNumber><Subscriber><SubscriberType>BUSINESS</SubscriberType><BusinessName>Bench Co</BusinessName><ServiceAddress><HouseNumber>1</HouseNumber><StreetName>Main St</StreetName><City>Boston</City><StateCode>MA</StateCode><Zip>02110</Zip></ServiceAddress></Subscriber><LoaAuthorizingPerson>Bench Person</LoaAuthorizingPerson><WirelessInfo><AccountNumber>BENCH-1</AccountNumber></WirelessInfo><ListOfPhoneNumbers>${list.map((tn) => `<PhoneNumber>${tn}</PhoneNumber>`).join("")}</ListOfPhoneNumbers><RequestedFocDate>2026-12-14T16:00:00.000Z</RequestedFocDate></LnpOrder>`;
}

const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;

async function main() {
  const totalOrders = Number(process.env.BENCH_ORDERS ?? 1_000_000);
  const database = await createTestDatabase("bench_public_api");
  const handle = createDb(database.url, { max: 6 });
  const app = createApp({ db: handle.db, clock });
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  try {
    await seedDemoData(handle.db, { production: false });
    await seedNumberingData(handle.db);
    const row = (
      await handle.pool.query(
        "select u.id, u.account_id from auth_users u join customer_accounts a on a.id = u.account_id where a.slug = 'acme-voice' and u.email = 'admin@acme.test'",
      )
    ).rows[0];
    const owner = { accountId: row.account_id as string, userId: row.id as string };
    const admin = {
      kind: "customer" as const,
      ...owner,
      name: "Bench",
      email: "admin@acme.test",
      role: "admin" as const,
    };
    const key = (await createApiKey(handle.db, clock, admin, { name: "bench" })).key;
    const auth = { authorization: `Bearer ${key}` };

    const seedStart = performance.now();
    await bulkSeedOrders(handle, { orders: totalOrders, tnsPerOrder: 10, accounts: 10 });
    await handle.pool.query("vacuum analyze");
    console.log(
      `seeded ${totalOrders.toLocaleString("en-US")} orders in ${((performance.now() - seedStart) / 1000).toFixed(0)} s`,
    );

    // A real order (LOA, history, lines) of the key's account, among the seeded ones.
    const data = submission(range("617253", 9000, 3), "BENCH-GET");
    const draft = await saveDraft(handle.db, clock, owner, { data });
    await uploadDraftDocument(handle.db, clock, owner, {
      draftId: draft.id,
      kind: "LOA",
      fileName: "loa.pdf",
      contentBase64: pdf.toString("base64"),
      signedAt: "2026-12-04T15:00:00Z",
    });
    const orderId =
      (await submitPortRequest(handle.db, clock, owner, { draftId: draft.id, submission: data })).orders[0]?.id ?? "";

    const rest: number[] = [];
    const bandwidth: number[] = [];
    const service: number[] = [];
    const health: number[] = [];
    const keyCheck: number[] = [];
    for (let round = 0; round < 60; round++) {
      service.push(
        await time(() =>
          getOrderDetail(handle.db, { orderId, accountId: owner.accountId }, { staff: false, now: clock.now() }),
        ),
      );
      rest.push(await time(async () => (await fetch(`${base}/v1/port-ins/${orderId}`, { headers: auth })).text()));
      health.push(await time(async () => (await fetch(`${base}/health`)).text()));
      keyCheck.push(await time(() => resolveApiKeyOnce(handle.db, `Bearer ${key}`, clock.now())));
      bandwidth.push(
        await time(async () =>
          (await fetch(`${base}/v1.0/accounts/${owner.accountId}/portins/${orderId}`, { headers: auth })).text(),
        ),
      );
    }
    const drop = (values: number[]) => values.slice(10);
    const [restP50, bwP50, serviceP50] = [median(drop(rest)), median(drop(bandwidth)), median(drop(service))];
    console.log(
      `GET /v1/port-ins/{id}: p50 ${restP50.toFixed(2)} ms; getOrderDetail p50 ${serviceP50.toFixed(2)} ms; ratio ${ratio(restP50, serviceP50)} (goal <= 1.5x, < 10 ms)`,
    );
    console.log(
      `  of which: HTTP round trip (GET /health) p50 ${median(drop(health)).toFixed(2)} ms; API key check (resolveApiKeyOnce) p50 ${median(drop(keyCheck)).toFixed(2)} ms`,
    );
    console.log(
      `GET /v1.0/…/portins/{id}: p50 ${bwP50.toFixed(2)} ms; ratio ${ratio(bwP50, serviceP50)} (goal <= 1.5x, < 10 ms)`,
    );

    const submitRest: number[] = [];
    const submitBandwidth: number[] = [];
    const submitService: number[] = [];
    for (let round = 0; round < 5; round++) {
      const serviceTns = range("617253", round * 1800, 600);
      submitService.push(
        await time(async () => {
          const d = await saveDraft(handle.db, clock, owner, { data: submission(serviceTns, `BENCH-S-${round}`) });
          await uploadDraftDocument(handle.db, clock, owner, {
            draftId: d.id,
            kind: "LOA",
            fileName: "loa.pdf",
            contentBase64: pdf.toString("base64"),
            signedAt: "2026-12-04T15:00:00Z",
          });
          await submitPortRequest(handle.db, clock, owner, {
            draftId: d.id,
            submission: submission(serviceTns, `BENCH-S-${round}`),
          });
        }),
      );
      const restTns = range("617253", round * 1800 + 600, 600);
      submitRest.push(
        await time(async () => {
          const json = { "content-type": "application/json", ...auth };
          const created = (await (
            await fetch(`${base}/v1/port-ins`, {
              method: "POST",
              headers: json,
              body: JSON.stringify({ mode: "draft", submission: submission(restTns, `BENCH-R-${round}`) }),
            })
          ).json()) as { draftId: string };
          const form = new FormData();
          form.append("file", new Blob([pdf], { type: "application/pdf" }), "loa.pdf");
          form.append("signedAt", "2026-12-04T15:00:00Z");
          await (
            await fetch(`${base}/v1/drafts/${created.draftId}/documents`, { method: "POST", headers: auth, body: form })
          ).text();
          const submitted = await fetch(`${base}/v1/port-ins`, {
            method: "POST",
            headers: json,
            body: JSON.stringify({ draftId: created.draftId, submission: submission(restTns, `BENCH-R-${round}`) }),
          });
          if (submitted.status !== 201) {
            throw new Error(`REST submit answered ${submitted.status}: ${await submitted.text()}`);
          }
        }),
      );
      const bwTns = range("617253", round * 1800 + 1200, 600);
      submitBandwidth.push(
        await time(async () => {
          const xmlHeaders = { "content-type": "application/xml", ...auth };
          const created = await (
            await fetch(`${base}/v1.0/accounts/${owner.accountId}/portins`, {
              method: "POST",
              headers: xmlHeaders,
              body: lnpOrderXml(bwTns, `BENCH-B-${round}`),
            })
          ).text();
          const id = /<OrderId>([^<]+)<\/OrderId>/.exec(created)?.[1] ?? "";
          const uploaded = await fetch(`${base}/v1.0/accounts/${owner.accountId}/portins/${id}/loas`, {
            method: "POST",
            headers: { "content-type": "application/pdf", ...auth },
            body: pdf,
          });
          if (uploaded.status !== 201) {
            throw new Error(`Bandwidth LOA upload answered ${uploaded.status}: ${await uploaded.text()}`);
          }
        }),
      );
    }
    const [sRest, sBw, sService] = [median(submitRest), median(submitBandwidth), median(submitService)];
    console.log(
      `600-TN submit (draft, LOA, submit): /v1 p50 ${sRest.toFixed(0)} ms, /v1.0 p50 ${sBw.toFixed(0)} ms; services p50 ${sService.toFixed(0)} ms; ratios ${ratio(sRest, sService)} / ${ratio(sBw, sService)} (goal <= 1.2x)`,
    );

    const tenThousand = range("617253", 0, 10_000);
    const checkXml = `<NumberPortabilityRequest><TnList>${tenThousand.map((tn) => `<Tn>${tn.slice(2)}</Tn>`).join("")}</TnList></NumberPortabilityRequest>`;
    const lnp: number[] = [];
    const restCheck: number[] = [];
    const checkService: number[] = [];
    for (let round = 0; round < 7; round++) {
      checkService.push(
        await time(() =>
          checkNumbers(handle.db, {
            input: tenThousand.join("\n"),
            accountId: owner.accountId,
            now: clock.now(),
            limits: { maxTns: 10_000 },
          }),
        ),
      );
      lnp.push(
        await time(async () =>
          (
            await fetch(`${base}/v1.0/accounts/${owner.accountId}/lnpchecker?fullCheck=offnetportability`, {
              method: "POST",
              headers: { "content-type": "application/xml", ...auth },
              body: checkXml,
            })
          ).text(),
        ),
      );
      restCheck.push(
        await time(async () =>
          (
            await fetch(`${base}/v1/portability-checks`, {
              method: "POST",
              headers: { "content-type": "application/json", ...auth },
              body: JSON.stringify({ input: tenThousand.join("\n") }),
            })
          ).text(),
        ),
      );
    }
    const [lP50, rP50, cP50] = [median(lnp), median(restCheck), median(checkService)];
    console.log(
      `lnpchecker 10,000 numbers: p50 ${lP50.toFixed(0)} ms (goal < 300 ms); /v1/portability-checks p50 ${rP50.toFixed(0)} ms; checkNumbers p50 ${cP50.toFixed(0)} ms; ratios ${ratio(lP50, cP50)} / ${ratio(rP50, cP50)}`,
    );
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await handle.close();
    await database.teardown();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
