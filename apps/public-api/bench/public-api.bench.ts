/**
 * Public API benchmarks (not a test). Prints medians and ratios against the service call measured in the same run:
 * - GET /v1/port-ins/{id} against getPortIn and Bandwidth's GET portins/{id} against getBandwidthPortIn (the services
 *   each calls), on a real order among N orders; the order page's getOrderDetail beside them for comparison;
 * - a 600-TN submit through /v1 and through /v1.0 (create + LOA upload) against the portal's services called
 *   directly (saveDraft, upload, submit), and /v1.0 also against its own services (submitOrAwaitDocuments, then
 *   attachDraftDocument);
 * - lnpchecker and /v1/portability-checks with 10,000 numbers against checkNumbers.
 * Run: pnpm --filter @portway/public-api bench  (BENCH_ORDERS seeds fewer than 1,000,000 orders for a quick look)
 */
import { createServer } from "node:http";
import os from "node:os";
import { serve } from "@hono/node-server";
import { createDb, withIndexesBuiltAfter } from "@portway/db";
import { bulkSeedOrders, createTestDatabase, releaseTns } from "@portway/db/testing";
import {
  attachDraftDocument,
  checkNumbers,
  createApiKey,
  fixedClock,
  getBandwidthPortIn,
  getOrderDetail,
  getPortIn,
  resolveApiKeyOnce,
  saveDraft,
  seedDemoData,
  seedNumberingData,
  submitOrAwaitDocuments,
  submitPortRequest,
  uploadDraftDocument,
} from "@portway/services";
import { FormData, Pool } from "undici";
import { createApp } from "../src/app";

const clock = fixedClock(new Date("2026-12-07T15:00:00Z"));

/** A one-page PDF with its catalog, page tree and cross-reference table, as uploads are opened before they are kept. */
function onePagePdf() {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  for (const [index, object] of objects.entries()) {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  }
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("");
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}
const pdf = onePagePdf();

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
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");

async function main() {
  const totalOrders = Number(process.env.BENCH_ORDERS ?? 1_000_000);
  const database = await createTestDatabase("bench_public_api");
  const handle = createDb(database.url, { max: 6 });
  const app = createApp({ db: handle.db, clock });
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  // The floor of any Node HTTP API here: node:http itself answering a constant, no framework, no key, no database.
  const bare = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "application/json", "content-length": "11" });
    response.end('{"ok":true}');
  });
  await new Promise<void>((resolve) => bare.listen(0, "127.0.0.1", () => resolve()));
  const bareAddress = bare.address();
  const bareClient = new Pool(
    `http://127.0.0.1:${typeof bareAddress === "object" && bareAddress ? bareAddress.port : 0}`,
    {
      connections: 1,
    },
  );
  // The API's client: one kept-alive connection, as an integration calling the API in sequence holds one.
  const client = new Pool(base, { connections: 1 });
  const call = async (
    path: string,
    init: { method?: "GET" | "POST"; headers?: Record<string, string>; body?: string | Buffer | FormData } = {},
  ) => {
    const answer = await client.request({ path, method: init.method ?? "GET", headers: init.headers, body: init.body });
    return { status: answer.statusCode, text: await answer.body.text() };
  };
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

    console.log(`load average (1, 5, 15 min) before seeding: ${load()}`);
    const seedStart = performance.now();
    // Set-based inserts into the tables stripped of their secondary indexes, then each index built in one pass.
    await withIndexesBuiltAfter(handle, ["port_orders", "port_order_tns"], () =>
      bulkSeedOrders(handle, { orders: totalOrders, tnsPerOrder: 10, accounts: 10 }),
    );
    await handle.pool.query("vacuum analyze");
    console.log(
      `seeded ${totalOrders.toLocaleString("en-US")} orders in ${((performance.now() - seedStart) / 1000).toFixed(0)} s`,
    );

    // A real order (LOA, history, lines) of the key's account, among the seeded ones.
    const data = submission(range("617253", 9700, 3), "BENCH-GET");
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

    console.log(`load average at the reads: ${load()}`);
    const rest: number[] = [];
    const bandwidth: number[] = [];
    const restService: number[] = [];
    const bandwidthService: number[] = [];
    const page: number[] = [];
    const health: number[] = [];
    const bareTrip: number[] = [];
    const inProcess: number[] = [];
    const keyCheck: number[] = [];
    const keyAndService: number[] = [];
    const where = { orderId, accountId: owner.accountId };
    for (let round = 0; round < 210; round++) {
      restService.push(await time(() => getPortIn(handle.db, where, { now: clock.now() })));
      rest.push(await time(() => call(`/v1/port-ins/${orderId}`, { headers: auth })));
      inProcess.push(await time(async () => (await app.request(`/v1/port-ins/${orderId}`, { headers: auth })).text()));
      health.push(await time(() => call("/health")));
      bareTrip.push(await time(async () => (await bareClient.request({ path: "/", method: "GET" })).body.text()));
      keyCheck.push(await time(() => resolveApiKeyOnce(handle.db, `Bearer ${key}`, clock.now())));
      keyAndService.push(
        await time(async () => {
          await resolveApiKeyOnce(handle.db, `Bearer ${key}`, clock.now());
          await getPortIn(handle.db, where, { now: clock.now() });
        }),
      );
      bandwidthService.push(await time(() => getBandwidthPortIn(handle.db, owner.accountId, orderId)));
      bandwidth.push(await time(() => call(`/v1.0/accounts/${owner.accountId}/portins/${orderId}`, { headers: auth })));
      page.push(await time(() => getOrderDetail(handle.db, where, { staff: false, now: clock.now() })));
    }
    const drop = (values: number[]) => values.slice(10);
    const p50 = (values: number[]) => median(drop(values));
    const [restP50, bwP50, restServiceP50, bwServiceP50] = [
      p50(rest),
      p50(bandwidth),
      p50(restService),
      p50(bandwidthService),
    ];
    console.log(
      `GET /v1/port-ins/{id}: p50 ${restP50.toFixed(2)} ms; getPortIn p50 ${restServiceP50.toFixed(2)} ms; ratio ${ratio(restP50, restServiceP50)} (goal <= 1.5x, < 10 ms)`,
    );
    console.log(
      `  against the two service calls the handler makes (resolveApiKeyOnce, then getPortIn) p50 ${p50(keyAndService).toFixed(2)} ms: ${ratio(restP50, p50(keyAndService))}`,
    );
    console.log(
      `  of which: HTTP round trip (GET /health) p50 ${p50(health).toFixed(2)} ms; API key check (resolveApiKeyOnce) p50 ${p50(keyCheck).toFixed(2)} ms; the same GET without HTTP (app.request) p50 ${p50(inProcess).toFixed(2)} ms; bare node:http round trip p50 ${p50(bareTrip).toFixed(2)} ms`,
    );
    console.log(
      `GET /v1.0/…/portins/{id}: p50 ${bwP50.toFixed(2)} ms; getBandwidthPortIn p50 ${bwServiceP50.toFixed(2)} ms; ratio ${ratio(bwP50, bwServiceP50)} (goal <= 1.5x, < 10 ms)`,
    );
    console.log(
      `  the order page's getOrderDetail p50 ${p50(page).toFixed(2)} ms (REST GET / it: ${ratio(restP50, p50(page))}; Bandwidth GET / it: ${ratio(bwP50, p50(page))})`,
    );

    // The four ways of submitting a port request with its LOA, each timed as a whole.
    const viaServices = async (tns: string[], reference: string) => {
      const d = await saveDraft(handle.db, clock, owner, { data: submission(tns, reference) });
      await uploadDraftDocument(handle.db, clock, owner, {
        draftId: d.id,
        kind: "LOA",
        fileName: "loa.pdf",
        contentBase64: pdf.toString("base64"),
        signedAt: "2026-12-04T15:00:00Z",
      });
      await submitPortRequest(handle.db, clock, owner, { draftId: d.id, submission: submission(tns, reference) });
    };
    const viaRest = async (tns: string[], reference: string) => {
      const json = { "content-type": "application/json", ...auth };
      const created = await call("/v1/port-ins", {
        method: "POST",
        headers: json,
        body: JSON.stringify({ mode: "draft", submission: submission(tns, reference) }),
      });
      const { draftId } = JSON.parse(created.text) as { draftId: string };
      const form = new FormData();
      form.append("file", new Blob([pdf], { type: "application/pdf" }), "loa.pdf");
      form.append("signedAt", "2026-12-04T15:00:00Z");
      const uploaded = await call(`/v1/drafts/${draftId}/documents`, { method: "POST", headers: auth, body: form });
      if (uploaded.status !== 201) {
        throw new Error(`REST upload answered ${uploaded.status}: ${uploaded.text}`);
      }
      const submitted = await call("/v1/port-ins", {
        method: "POST",
        headers: json,
        body: JSON.stringify({ draftId, submission: submission(tns, reference) }),
      });
      if (submitted.status !== 201) {
        throw new Error(`REST submit answered ${submitted.status}: ${submitted.text}`);
      }
    };
    const viaBandwidth = async (tns: string[], reference: string) => {
      const created = await call(`/v1.0/accounts/${owner.accountId}/portins`, {
        method: "POST",
        headers: { "content-type": "application/xml", ...auth },
        body: lnpOrderXml(tns, reference),
      });
      const id = /<OrderId>([^<]+)<\/OrderId>/.exec(created.text)?.[1] ?? "";
      const uploaded = await call(`/v1.0/accounts/${owner.accountId}/portins/${id}/loas`, {
        method: "POST",
        headers: { "content-type": "application/pdf", ...auth },
        body: pdf,
      });
      if (uploaded.status !== 201) {
        throw new Error(`Bandwidth LOA upload answered ${uploaded.status}: ${uploaded.text}`);
      }
    };
    // The services the Bandwidth-compatible create and LOA upload call, without HTTP and XML.
    const viaBandwidthServices = async (tns: string[], reference: string) => {
      const waiting = await submitOrAwaitDocuments(handle.db, clock, owner, submission(tns, reference));
      if (waiting.kind !== "pending-documents") {
        throw new Error("the Bandwidth services' submission should wait for its LOA");
      }
      const attached = await attachDraftDocument(handle.db, clock, owner, {
        draftId: waiting.draftId,
        kind: "LOA",
        fileName: "loa.pdf",
        contentBase64: pdf.toString("base64"),
      });
      if (!attached.submitted) {
        throw new Error("the LOA should have submitted the waiting submission");
      }
    };
    const ways = [viaServices, viaRest, viaBandwidth, viaBandwidthServices];
    // Warm-up: each way once with 50 numbers (lines 9750-9949), so no way is timed while its code is still cold.
    for (const [index, way] of ways.entries()) {
      await way(range("617253", 9750 + index * 50, 50), `BENCH-W-${index}`);
    }
    console.log(`load average at the submits: ${load()}`);
    const submitTimes: number[][] = ways.map(() => []);
    // Each round submits the same 2,400 numbers (600 each way), freed again after it; the ways take turns at going
    // first, so none is always timed just after the same other.
    const rounds = Number(process.env.BENCH_SUBMIT_ROUNDS ?? 12);
    for (let round = 0; round < rounds; round++) {
      for (let turn = 0; turn < ways.length; turn++) {
        const index = (round + turn) % ways.length;
        const way = ways[index];
        const tns = range("617253", index * 600, 600);
        if (way) {
          submitTimes[index]?.push(await time(() => way(tns, `BENCH-${index}-${round}`)));
        }
      }
      await releaseTns(handle, range("617253", 0, 2400));
    }
    const [submitService = [], submitRest = [], submitBandwidth = [], bandwidthServices = []] = submitTimes;
    const [sRest, sBw, sService, sBwService] = [
      median(submitRest),
      median(submitBandwidth),
      median(submitService),
      median(bandwidthServices),
    ];
    console.log(
      `600-TN submit (draft, LOA, submit): /v1 p50 ${sRest.toFixed(0)} ms, /v1.0 p50 ${sBw.toFixed(0)} ms; services p50 ${sService.toFixed(0)} ms; ratios ${ratio(sRest, sService)} / ${ratio(sBw, sService)} (goal <= 1.2x)`,
    );
    console.log(
      `  /v1.0 against its own services (submitOrAwaitDocuments + attachDraftDocument) p50 ${sBwService.toFixed(0)} ms: ${ratio(sBw, sBwService)}`,
    );
    console.log(`load average at the checks: ${load()}`);

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
        await time(() =>
          call(`/v1.0/accounts/${owner.accountId}/lnpchecker?fullCheck=offnetportability`, {
            method: "POST",
            headers: { "content-type": "application/xml", ...auth },
            body: checkXml,
          }),
        ),
      );
      restCheck.push(
        await time(() =>
          call("/v1/portability-checks", {
            method: "POST",
            headers: { "content-type": "application/json", ...auth },
            body: JSON.stringify({ input: tenThousand.join("\n") }),
          }),
        ),
      );
    }
    const [lP50, rP50, cP50] = [median(lnp), median(restCheck), median(checkService)];
    console.log(
      `lnpchecker 10,000 numbers: p50 ${lP50.toFixed(0)} ms (goal < 300 ms); /v1/portability-checks p50 ${rP50.toFixed(0)} ms; checkNumbers p50 ${cP50.toFixed(0)} ms; ratios ${ratio(lP50, cP50)} / ${ratio(rP50, cP50)}`,
    );
    console.log(`load average at the end: ${load()}`);
  } finally {
    await client.close();
    await bareClient.close();
    await new Promise<void>((resolve) => bare.close(() => resolve()));
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await handle.close();
    await database.teardown();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
