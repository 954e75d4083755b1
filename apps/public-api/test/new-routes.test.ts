import { Client, PortIn } from "@bandwidth/numbers";
import type { DbHandle } from "@portway/db";
import { addNote, createWebhookEndpoint, webhookEventTypes } from "@portway/services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminOf, newKey, openSeededDb, pdfBytes, startApi, testClock } from "./helpers";

let handle: DbHandle;
let api: Awaited<ReturnType<typeof startApi>>;
const clock = testClock();
let key = "";
let accountId = "";

beforeAll(async () => {
  handle = await openSeededDb();
  api = await startApi(handle, clock);
  const admin = await adminOf(handle, "admin@acme.test");
  accountId = admin.accountId;
  key = await newKey(handle, clock, admin);
  // Events are recorded for the account's endpoints: one subscribed to everything (never delivered: no worker).
  await createWebhookEndpoint(handle.db, clock, admin, {
    url: "http://127.0.0.1:9/new-routes",
    description: "event log",
    eventTypes: [...webhookEventTypes],
  });
});
afterAll(async () => {
  await api.close();
  await handle.close();
});

const bw = (path: string, init: { method?: string; body?: BodyInit; type?: string } = {}) =>
  fetch(`${api.url}/v1.0/accounts/${accountId}/${path}`, {
    method: init.method ?? "GET",
    headers: { authorization: `Bearer ${key}`, "content-type": init.type ?? "application/xml" },
    ...(init.body !== undefined ? { body: init.body } : {}),
  });
const rest = (path: string) => fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${key}` } });

/** A Bandwidth create of one number, waiting for its LOA (PENDING_DOCUMENTS). */
async function pendingPortIn(tn: string, reference: string) {
  const client = new Client(accountId, "integration", key, null, null, { apiEndPoint: `${api.url}/v1.0` });
  const order = await PortIn.createAsync(client, {
    customerOrderId: reference,
    siteId: "1",
    billingTelephoneNumber: tn,
    subscriber: {
      subscriberType: "BUSINESS",
      businessName: "Metadata Co",
      serviceAddress: { houseNumber: "12", streetName: "Harvard St", city: "Boston", stateCode: "MA", zip: "02134" },
    },
    loaAuthorizingPerson: "Pat Signer",
    wirelessInfo: { accountNumber: "0012345" },
    listOfPhoneNumbers: { phoneNumber: [tn] },
    requestedFocDate: "2026-12-14T16:00:00.000Z",
  });
  expect(order.processingStatus).toBe("PENDING_DOCUMENTS");
  return order.id;
}

const statusOf = async (id: string) =>
  /<ProcessingStatus>([A-Z_]+)<\/ProcessingStatus>/.exec(await (await bw(`portins/${id}`)).text())?.[1];
const metadataOf = async (id: string, file: string) => (await bw(`portins/${id}/loas/${file}/metadata`)).text();

describe("Bandwidth LOA metadata (PUT and DELETE)", () => {
  it("declares an uploaded file the LOA (which submits the waiting draft), renames it, refuses bad metadata and resets the name", async () => {
    const id = await pendingPortIn("6172533971", "BW-META-1");
    // Uploaded as OTHER first (the MCP client's way: raw bytes, then the metadata): the draft still waits.
    const upload = await bw(`portins/${id}/loas?documentType=OTHER`, {
      method: "POST",
      body: pdfBytes,
      type: "application/pdf",
    });
    expect(upload.status).toBe(201);
    const file = /<filename>([^<]+)<\/filename>/.exec(await upload.text())?.[1] ?? "";
    expect(await statusOf(id)).toBe("PENDING_DOCUMENTS");

    const declared = await bw(`portins/${id}/loas/${file}/metadata`, {
      method: "PUT",
      body: "<FileMetaData><DocumentName>Signed LOA</DocumentName><DocumentType>LOA</DocumentType></FileMetaData>",
    });
    expect(declared.status).toBe(200);
    expect(await declared.text()).toContain("<DocumentName>Signed LOA.pdf</DocumentName>");
    expect(await statusOf(id)).toBe("SUBMITTED");
    const metadata = await metadataOf(id, file);
    expect(metadata).toContain("<DocumentName>Signed LOA.pdf</DocumentName>");
    expect(metadata).toContain("<DocumentType>LOA</DocumentType>");

    const unknown = await bw(`portins/${id}/loas/${file}/metadata`, {
      method: "PUT",
      body: "<FileMetaData><DocumentType>LOA</DocumentType><Signer>x</Signer></FileMetaData>",
    });
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain("FileMetaData/Signer is not an element this API accepts.");
    const badType = await bw(`portins/${id}/loas/${file}/metadata`, {
      method: "PUT",
      body: "<FileMetaData><DocumentType>PASSPORT</DocumentType></FileMetaData>",
    });
    expect(badType.status).toBe(400);
    expect(await badType.text()).toContain("<Code>7350</Code>");
    // The order was submitted on this LOA: it stays one.
    const onlyLoa = await bw(`portins/${id}/loas/${file}/metadata`, {
      method: "PUT",
      body: "<FileMetaData><DocumentType>INVOICE</DocumentType></FileMetaData>",
    });
    expect(onlyLoa.status).toBe(412);
    expect(await onlyLoa.text()).toContain("<Code>LOA_REQUIRED</Code>");
    // A name cannot move a path or hide the file's type.
    const sneaky = await bw(`portins/${id}/loas/${file}/metadata`, {
      method: "PUT",
      body: "<FileMetaData><DocumentName>../../etc/passwd</DocumentName></FileMetaData>",
    });
    expect(sneaky.status).toBe(200);
    expect(await metadataOf(id, file)).toContain("<DocumentName>_.._etc_passwd.pdf</DocumentName>");

    const deleted = await bw(`portins/${id}/loas/${file}/metadata`, { method: "DELETE" });
    expect(deleted.status).toBe(200);
    const reset = await metadataOf(id, file);
    expect(reset).toContain("<DocumentName>loa.pdf</DocumentName>");
    expect(reset).toContain("<DocumentType>LOA</DocumentType>");
    const missing = await bw(`portins/${id}/loas/00000000-0000-4000-8000-000000000000.pdf/metadata`, {
      method: "DELETE",
    });
    expect(missing.status).toBe(404);
  });
});

describe("Bandwidth LOA replacement and removal (PUT and DELETE loas/{fileId})", () => {
  const png = Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
    "base64",
  );

  it("replaces a file in place with the SDK's updateFile, refuses a file of no accepted type, and keeps an order's last LOA", async () => {
    const id = await pendingPortIn("6172533975", "BW-FILE-1");
    const client = new Client(accountId, "integration", key, null, null, { apiEndPoint: `${api.url}/v1.0` });
    const draft = await PortIn.getAsync(client, id);
    const file = await draft.createFileAsync(pdfBytes, "application/pdf");
    const order = await PortIn.getAsync(client, id);
    expect(order.processingStatus).toBe("SUBMITTED");
    const documentId = file.replace(/\.pdf$/, "");

    // The SDK's updateFile: a raw PUT of the new bytes with their media type.
    await order.updateFileAsync(file, png, "image/png");
    const download = await bw(`portins/${id}/loas/${documentId}.png`);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await download.arrayBuffer())).toEqual(png);
    expect(await metadataOf(id, `${documentId}.png`)).toContain("<DocumentName>loa.png</DocumentName>");
    const list = await (await bw(`portins/${id}/loas?metadata=true`)).text();
    expect(list).toContain(`<FileName>${documentId}.png</FileName>`);
    expect(list).toContain("<fileCount>1</fileCount>");

    const garbage = await bw(`portins/${id}/loas/${documentId}.png`, {
      method: "PUT",
      body: Buffer.from([0, 1, 2, 3, 255, 254, 0, 0]),
      type: "application/octet-stream",
    });
    expect(garbage.status).toBe(400);
    expect(await garbage.text()).toContain("<Code>UNSUPPORTED_TYPE</Code>");

    // The order's only LOA stays; with a second one uploaded, the first can go.
    const only = await bw(`portins/${id}/loas/${documentId}.png`, { method: "DELETE" });
    expect(only.status).toBe(412);
    expect(await only.text()).toContain("<Code>LOA_REQUIRED</Code>");
    const second = await bw(`portins/${id}/loas?documentType=LOA`, {
      method: "POST",
      body: pdfBytes,
      type: "application/pdf",
    });
    expect(second.status).toBe(201);
    const removed = await bw(`portins/${id}/loas/${documentId}.png`, { method: "DELETE" });
    expect(removed.status).toBe(200);
    const after = await (await bw(`portins/${id}/loas`)).text();
    expect(after).toContain("<fileCount>1</fileCount>");
    expect(after).not.toContain(documentId);
    expect((await bw(`portins/${id}/loas/${documentId}.png`)).status).toBe(404);
  });
});

describe("Bandwidth paths with a trailing slash (as the C# SDK calls them)", () => {
  it("are the same routes", async () => {
    const created = await bw("portins/", {
      method: "POST",
      body: "<LnpOrder><ProcessingStatus>DRAFT</ProcessingStatus><CustomerOrderId>BW-SLASH-1</CustomerOrderId></LnpOrder>",
    });
    expect(created.status).toBe(201);
    const listed = await bw("portins/?page=1&size=1");
    expect(listed.status).toBe(200);
    expect(await listed.text()).toContain("<LNPResponseWrapper>");
    const id = created.headers.get("location")?.split("/").pop() ?? "";
    expect(await (await bw(`portins/${id}/`)).text()).toContain("<CustomerOrderId>BW-SLASH-1</CustomerOrderId>");
  });
});

describe("Bandwidth note update (PUT notes/{noteId})", () => {
  it("changes a note the account wrote, refuses the carrier's notes and bad descriptions", async () => {
    const id = await pendingPortIn("6172533972", "BW-NOTE-1");
    await bw(`portins/${id}/loas`, { method: "POST", body: pdfBytes, type: "application/pdf" });
    const orderId = /<OrderId>([^<]+)<\/OrderId>/.exec(await (await bw(`portins/${id}`)).text())?.[1] ?? "";
    const added = await bw(`portins/${orderId}/notes`, {
      method: "POST",
      body: "<Note><UserId>integration</UserId><Description>Port before noon.</Description></Note>",
    });
    expect(added.status).toBe(201);
    const noteId = added.headers.get("location")?.split("/").pop() ?? "";
    const put = (note: string, body: string) => bw(`portins/${orderId}/notes/${note}`, { method: "PUT", body });

    const changed = await put(
      noteId,
      "<Note><UserId>integration</UserId><Description>Port after noon.</Description></Note>",
    );
    expect(changed.status).toBe(200);
    expect(await changed.text()).toBe("");
    const notes = await (await bw(`portins/${orderId}/notes`)).text();
    expect(notes).toContain("<Description>Port after noon.</Description>");
    expect(notes).not.toContain("Port before noon.");
    expect(notes).toContain(`<Id>${noteId}</Id>`);

    const empty = await put(noteId, "<Note><Description></Description></Note>");
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("<ErrorCode>5219</ErrorCode>");
    const long = await put(noteId, `<Note><Description>${"x".repeat(501)}</Description></Note>`);
    expect(long.status).toBe(400);
    const stray = await put(noteId, "<Note><Description>x</Description><Author>y</Author></Note>");
    expect(stray.status).toBe(400);

    const partnerNote = await addNote(handle.db, {
      orderId,
      body: "The losing carrier asks for a bill copy.",
      visibility: "CUSTOMER",
      source: "PARTNER",
      authorName: "Carrier",
      at: clock.now(),
    });
    const theirs = await put(partnerNote.id, "<Note><Description>Changed</Description></Note>");
    expect(theirs.status).toBe(403);
    expect(await theirs.text()).toContain("<ErrorCode>NOTE_NOT_YOURS</ErrorCode>");
    const internal = await addNote(handle.db, {
      orderId,
      body: "Internal remark",
      visibility: "INTERNAL",
      source: "STAFF",
      authorName: "Porting team",
      at: clock.now(),
    });
    expect((await put(internal.id, "<Note><Description>Changed</Description></Note>")).status).toBe(404);
    expect(
      (await put("00000000-0000-4000-8000-000000000000", "<Note><Description>x</Description></Note>")).status,
    ).toBe(404);
    expect((await put("not-an-id", "<Note><Description>x</Description></Note>")).status).toBe(404);
  });
});

describe("GET /v1/events (the account's event log)", () => {
  it("pages an order's events newest first by cursor, filters by type and refuses bad filters and cursors", async () => {
    // An order (created and submitted through the Bandwidth-compatible API) and three notes on it.
    const id = await pendingPortIn("6172533974", "BW-EVENTS-1");
    await bw(`portins/${id}/loas`, { method: "POST", body: pdfBytes, type: "application/pdf" });
    const orderId = /<OrderId>([^<]+)<\/OrderId>/.exec(await (await bw(`portins/${id}`)).text())?.[1] ?? "";
    for (const text of ["one", "two", "three"]) {
      clock.advance(1_000);
      await fetch(`${api.url}/v1/port-ins/${orderId}/notes`, {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        body: JSON.stringify({ body: `Event log note ${text}` }),
      });
    }

    const all = await (await rest(`/v1/events?orderId=${orderId}&limit=200`)).json();
    const types = all.data.map((e: { type: string }) => e.type);
    expect(types.filter((t: string) => t === "order.note_added")).toHaveLength(3);
    expect(types).toContain("order.status_changed");
    const instants = all.data.map((e: { occurredAt: string }) => e.occurredAt);
    expect([...instants].sort().reverse()).toEqual(instants);
    expect(all.data[0].payload.data.note.body).toBe("Event log note three");
    expect(all.nextCursor).toBeNull();

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await rest(`/v1/events?orderId=${orderId}&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(response.status).toBe(200);
      const page = await response.json();
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.data.map((e: { id: string }) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.data.map((e: { id: string }) => e.id));

    const notes = await (await rest(`/v1/events?orderId=${orderId}&type=order.note_added`)).json();
    expect(notes.data.map((e: { type: string }) => e.type)).toEqual([
      "order.note_added",
      "order.note_added",
      "order.note_added",
    ]);
    const one = await (await rest(`/v1/events/${notes.data[0].id}`)).json();
    expect(one.payload).toEqual(notes.data[0].payload);

    const badType = await rest("/v1/events?type=order.exploded");
    expect(badType.status).toBe(400);
    expect(badType.headers.get("content-type")).toContain("application/problem+json");
    const badCursor = await rest("/v1/events?cursor=bm90LWEtY3Vyc29y");
    expect(badCursor.status).toBe(400);
    expect((await badCursor.json()).code).toBe("INVALID_CURSOR");
    expect((await rest("/v1/events?limit=0")).status).toBe(400);
  });
});
