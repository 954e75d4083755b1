import { Client, LnpChecker, PortIn } from "@bandwidth/numbers";
import type { DbHandle } from "@portway/db";
import { hour, type Loop, minute, startLoop, waitForStatus, waitForSuppsSent } from "@portway/worker/testing";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { adminOf, newKey, pdfBytes, startApi, startReceiver, type WebhookReceiver } from "./helpers";

let loop: Loop;
let handle: DbHandle;
let api: Awaited<ReturnType<typeof startApi>>;
let key = "";
let accountId = "";
let receiver: WebhookReceiver;

function sdk(password = key, account = accountId) {
  return new Client(account, "integration", password, null, null, { apiEndPoint: `${api.url}/v1.0` });
}

/** An order as the SDK's users write it: camelCase keys, 10-digit numbers, a ZIP with a leading zero. */
function lnpOrder(tn: string, reference: string) {
  return {
    customerOrderId: reference,
    siteId: "1",
    billingTelephoneNumber: tn,
    subscriber: {
      subscriberType: "BUSINESS",
      businessName: "Bandwidth Mover Co",
      serviceAddress: { houseNumber: "12", streetName: "Harvard St", city: "Boston", stateCode: "MA", zip: "02134" },
    },
    loaAuthorizingPerson: "Pat Signer",
    wirelessInfo: { accountNumber: "0012345" },
    listOfPhoneNumbers: { phoneNumber: [tn] },
    requestedFocDate: "2026-12-14T16:00:00.000Z",
  };
}

beforeAll(async () => {
  // The real carrier simulator and the worker, over HTTP; the API runs on the loop's clock and database.
  loop = await startLoop(inject("databaseUrl"), "api_bandwidth_journey");
  handle = loop.handle;
  api = await startApi(handle, loop.clock);
  const admin = await adminOf(handle, "admin@acme.test");
  accountId = admin.accountId;
  key = await newKey(handle, loop.clock, admin);
  receiver = await startReceiver(handle, loop.clock, admin);
});
afterAll(async () => {
  await receiver?.close();
  await api?.close();
  await loop?.stop();
});

describe("@bandwidth/numbers 2.0.0, unmodified, against /v1.0", () => {
  it("checks, creates (PENDING_DOCUMENTS), uploads the LOA (submitted), reads, lists, notes, SUPPs and cancels", async () => {
    const client = sdk();
    const tn = "6172533961";
    const check = await LnpChecker.checkAsync(client, [tn], "offnetportability");
    const partnerGroup = check.partnerSupportedRateCenters.rateCenterGroup;
    expect(partnerGroup).toMatchObject({ vendor: "Level 3", automatedPort: true, tnList: { tn } });
    const plain = await LnpChecker.checkAsync(client, [tn], false);
    // Without offnetportability an off-net number looks unsupported, as Bandwidth answers.
    expect(plain.unsupportedRateCenters.rateCenterGroup.tnList.tn).toBe(tn);

    const order = await PortIn.createAsync(client, lnpOrder(tn, "BW-SDK-1"));
    expect(order.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(order.processingStatus).toBe("PENDING_DOCUMENTS");
    const fileName = await order.createFileAsync(pdfBytes, "application/pdf");
    expect(fileName).toMatch(/\.pdf$/);

    const got = await PortIn.getAsync(client, order.id);
    expect(got.processingStatus).toBe("SUBMITTED");
    expect(got.customerOrderId).toBe("BW-SDK-1");
    expect(got.listOfPhoneNumbers.phoneNumber).toBe(tn);
    // The SDK's documented quirk: numeric-looking strings are read back as numbers (leading zeros lost).
    expect(got.subscriber.serviceAddress.zip).toBe(2134);
    expect(got.wirelessInfo.accountNumber).toBe(12345);

    const files = await got.getFilesAsync(true);
    // getFiles answers the fileData itself, an object rather than a list for one file (a documented SDK quirk).
    expect(files.fileMetaData.documentType).toBe("LOA");
    // The SDK's metadata calls: the name given keeps the file's type, the type stays LOA.
    await got.updateFileMetadataAsync(fileName, { documentName: "Signed LOA", documentType: "LOA" });
    expect(await got.getFileMetadataAsync(fileName)).toEqual({ documentName: "Signed LOA.pdf", documentType: "LOA" });

    const list = await PortIn.listAsync(client, { page: 1, size: 10, customerOrderId: "BW-SDK-1" });
    expect(list.totalCount).toBe(1);
    expect(list.lnpPortInfoForGivenStatus.orderId).toBe(got.orderId);
    expect(list.lnpPortInfoForGivenStatus.processingStatus).toBe("SUBMITTED");

    const note = await got.addNoteAsync({ userId: "integration", description: "Port before noon, please." });
    expect(note.description).toBe("Port before noon, please.");
    const notes = await got.getNotesAsync();
    expect(notes.map((n) => n.description)).toContain("Port before noon, please.");
    const history = await got.getHistoryAsync();
    expect(history.map((h) => h.status)).toContain("SUBMITTED");
    const tns = await got.getTnsAsync();
    expect(tns).toMatchObject({ count: 1, telephoneNumber: tn });
    expect(await got.getAreaCodesAsync()).toEqual([{ areaCode: 617, count: 1 }]);
    expect(await got.getNpaNxxAsync()).toEqual([{ "nPA-NXX": 617253, count: 1 }]);
    // The SDK reads totals as TelephoneDetailsReports; the spec's Quantity/Count comes back as [undefined].
    expect(await got.getTotalsAsync()).toEqual([undefined]);

    // GET-then-PUT with the SDK's shortened ZIP and account number is refused, never sent to the carrier.
    const orderId = String(got.orderId);
    // The worker sent the order to the carrier simulator, which accepted it.
    await waitForStatus(loop, orderId, "CSR_REVIEW");
    const shortened = await got
      .updateAsync({ subscriber: { serviceAddress: { zip: got.subscriber.serviceAddress.zip } } })
      .then(
        () => null,
        (error: { status?: number; response?: { text?: string } }) => error,
      );
    // A 4xx's error XML is not parsed by the SDK: the status and the raw text are what its users get.
    expect(shortened?.status).toBe(400);
    expect(shortened?.response?.text).toContain("<Code>7312</Code>");
    const shortenedAccount = await got
      .updateAsync({ wirelessInfo: { accountNumber: got.wirelessInfo.accountNumber } })
      .then(
        () => null,
        (error: { status?: number; response?: { text?: string } }) => error,
      );
    expect(shortenedAccount?.response?.text).toContain("<Code>7313</Code>");
    // A change the simulated LSP has no record against (it checks the account number against the one on file).
    const supp = await got.updateAsync({ wirelessInfo: { pinNumber: "4821" } });
    expect(supp.processingStatus).toBe("REQUESTED_SUPP");

    // The simulator answers the change after 30 simulated minutes, returns a new CSR, reviews and confirms the FOC.
    await waitForSuppsSent(loop, orderId);
    await loop.advance(40 * minute);
    await waitForStatus(loop, orderId, "PENDING_FOC");
    await loop.advance(5 * hour);
    await waitForStatus(loop, orderId, "FOC");
    const focked = await PortIn.getAsync(client, order.id);
    expect(focked.processingStatus).toBe("FOC");
    const activation = await focked.getActivationStatusAsync();
    expect(activation.activationStatus.notYetActivatedTelephoneNumbersList.telephoneNumber).toBe(tn);
    const focHistory = await focked.getHistoryAsync();
    expect(focHistory.map((h) => h.status)).toEqual(expect.arrayContaining(["SUBMITTED", "FOC"]));
    expect(focHistory.map((h) => String(h.note).split(":")[0])).toEqual(
      expect.arrayContaining(["PARTNER_ACCEPTED", "EDIT", "SUPP_ACCEPTED", "CSR_RETURNED", "FOC_RECEIVED"]),
    );

    // DELETE cancels: REQUESTED_CANCEL until the simulator accepts the cancel, then CANCELLED.
    await focked.deleteAsync();
    const afterDelete = await PortIn.getAsync(client, order.id);
    expect(afterDelete.processingStatus).toBe("REQUESTED_CANCEL");
    await waitForSuppsSent(loop, orderId);
    await loop.advance(40 * minute);
    await waitForStatus(loop, orderId, "CANCELLED");
    const cancelled = await PortIn.getAsync(client, order.id);
    expect(cancelled.processingStatus).toBe("CANCELLED");
    const cancelledList = await PortIn.listAsync(client, { page: 1, size: 10, status: "cancelled" });
    expect(cancelledList.lnpPortInfoForGivenStatus.orderId).toBe(got.orderId);
  });

  it("answers a wrong key 401 with a Basic challenge and another account's ID 403", async () => {
    const wrong = await fetch(`${api.url}/v1.0/accounts/${accountId}/portins?page=1&size=1`, {
      headers: { authorization: `Basic ${Buffer.from("x:pwk_nope").toString("base64")}` },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get("www-authenticate")).toContain("Basic");
    const blue = await adminOf(handle, "admin@blueharbor.test");
    const other = await fetch(`${api.url}/v1.0/accounts/${blue.accountId}/portins?page=1&size=1`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(other.status).toBe(403);
  });

  it("refuses an unknown or misplaced element instead of dropping it", async () => {
    const post = (body: string) =>
      fetch(`${api.url}/v1.0/accounts/${accountId}/portins`, {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/xml" },
        body,
      });
    const misplaced = await post(
      "<LnpOrder><CustomerOrderId>BW-BAD</CustomerOrderId><AccountNumber>1</AccountNumber></LnpOrder>",
    );
    expect(misplaced.status).toBe(400);
    expect(await misplaced.text()).toContain("misplaced: it belongs in WirelessInfo");
    const unknown = await post("<LnpOrder><Frobnicate>1</Frobnicate></LnpOrder>");
    expect(unknown.status).toBe(400);
    const namespaced = await post(
      '<?xml version="1.0"?><LnpOrder xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><ProcessingStatus>DRAFT</ProcessingStatus><CustomerOrderId>BW-NS</CustomerOrderId></LnpOrder>',
    );
    expect(namespaced.status).toBe(201);
    expect(await namespaced.text()).toContain("<ProcessingStatus>DRAFT</ProcessingStatus>");
    const check = (body: string) =>
      fetch(`${api.url}/v1.0/accounts/${accountId}/lnpchecker?fullCheck=true`, {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/xml" },
        body,
      });
    // Any form of the request is read (here with a namespace, the full parser's path); strange content is refused.
    const lenient = await check(
      '<NumberPortabilityRequest xmlns:xsd="http://www.w3.org/2001/XMLSchema"><TnList><Tn>+16172533963</Tn><Tn>16172533964</Tn></TnList></NumberPortabilityRequest>',
    );
    expect(lenient.status).toBe(200);
    expect(await lenient.text()).toContain("<Tn>6172533964</Tn>");
    const stray = await check(
      "<NumberPortabilityRequest><TnList><Tn>6172533963</Tn><X>1</X></TnList></NumberPortabilityRequest>",
    );
    expect(stray.status).toBe(400);
    const broken = await check("<NumberPortabilityRequest><TnList><Tn>6172533963</TnList>");
    expect(broken.status).toBe(400);
    expect(await broken.text()).toContain("<NumberPortabilityResponse>");
  });

  it("completes an order the simulator activated at its FOC", async () => {
    const client = sdk();
    const tn = "6172533962";
    const order = await PortIn.createAsync(client, lnpOrder(tn, "BW-SDK-2"));
    expect(order.processingStatus).toBe("PENDING_DOCUMENTS");
    await order.createFileAsync(pdfBytes, "application/pdf");
    const got = await PortIn.getAsync(client, order.id);
    const orderId = String(got.orderId);
    await waitForStatus(loop, orderId, "CSR_REVIEW");
    await loop.advance(10 * minute);
    await waitForStatus(loop, orderId, "PENDING_FOC");
    await loop.advance(5 * hour);
    await waitForStatus(loop, orderId, "FOC");
    const focked = await PortIn.getAsync(client, order.id);
    expect(focked.processingStatus).toBe("FOC");
    // The clocks move to the FOC: the worker's activation scan sends the activation, the simulator activates.
    await loop.setTime(new Date("2026-12-14T16:00:00.000Z"));
    await loop.worker.scanNow();
    await waitForStatus(loop, orderId, "COMPLETE");
    const complete = await PortIn.getAsync(client, order.id);
    expect(complete.processingStatus).toBe("COMPLETE");
    const activation = await complete.getActivationStatusAsync();
    expect(activation.activationStatus.activatedTelephoneNumbersList.telephoneNumber).toBe(tn);

    // Every event of both Bandwidth journeys reaches a standardwebhooks receiver, and verifies there.
    const { received, eventIds } = await receiver.settle();
    expect(eventIds.length).toBeGreaterThanOrEqual(10);
    // Delivery is at least once (a receiver dedupes by webhook-id): every event arrived.
    expect([...new Set(received.map((r) => r.id))].sort()).toEqual([...eventIds].sort());
    expect(received.filter((r) => !r.verified)).toEqual([]);
    expect(received.map((r) => r.type)).toEqual(
      expect.arrayContaining(["order.foc", "order.status_changed", "order.note_added"]),
    );
  });
});
