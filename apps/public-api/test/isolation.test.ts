import type { DbHandle } from "@portway/db";
import {
  addAccountUser,
  addCustomerNote,
  createWebhookEndpoint,
  deactivateAccountUser,
  openTicket,
  revokeApiKeyOf,
  saveDraft,
  submitPortRequest,
  uploadDraftDocument,
} from "@portway/services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminOf, newKey, openSeededDb, pdfBytes, startApi, submissionFor, testClock } from "./helpers";

let handle: DbHandle;
let api: Awaited<ReturnType<typeof startApi>>;
const clock = testClock();
/** Acme Voice's resources, which a Blue Harbor key must never see or touch. */
const acme = { orderId: "", draftId: "", documentId: "", ticketId: "", endpointId: "", eventId: "", noteId: "" };
/** Blue Harbor's own order: the Bandwidth routes with a file or note ID are also probed under it, with Acme's IDs. */
let blueOrderId = "";
let blueKey = "";
let blueAccountId = "";

beforeAll(async () => {
  handle = await openSeededDb();
  api = await startApi(handle, clock);
  const admin = await adminOf(handle, "admin@acme.test");
  const owner = { accountId: admin.accountId, userId: admin.userId };
  const endpoint = await createWebhookEndpoint(handle.db, clock, admin, {
    url: "http://127.0.0.1:9/hooks",
    description: "isolation",
    eventTypes: ["order.status_changed"],
  });
  acme.endpointId = endpoint.id;
  const data = submissionFor(["+16172533951"], "API-ISOLATION-1");
  const draft = await saveDraft(handle.db, clock, owner, { data });
  const document = await uploadDraftDocument(handle.db, clock, owner, {
    draftId: draft.id,
    kind: "LOA",
    fileName: "loa.pdf",
    contentBase64: pdfBytes.toString("base64"),
    signedAt: "2026-12-04T15:00:00Z",
  });
  acme.documentId = document.id;
  const submitted = await submitPortRequest(handle.db, clock, owner, { draftId: draft.id, submission: data });
  acme.orderId = submitted.orders[0]?.id ?? "";
  acme.draftId = (await saveDraft(handle.db, clock, owner, { data: { customerOrderRef: "API-ISOLATION-DRAFT" } })).id;
  acme.ticketId = (
    await openTicket(
      handle.db,
      clock,
      { ...owner, name: admin.name },
      {
        orderId: acme.orderId,
        subject: "Isolation",
        body: "A ticket of Acme",
      },
    )
  ).id;
  const event = await handle.pool.query("select id from webhook_events where account_id = $1 limit 1", [
    admin.accountId,
  ]);
  acme.eventId = event.rows[0]?.id ?? "";
  acme.noteId = (
    await addCustomerNote(
      handle.db,
      clock,
      { ...owner, name: admin.name },
      { orderId: acme.orderId, body: "A note of Acme (API-ISOLATION)" },
    )
  ).id;
  const blue = await adminOf(handle, "admin@blueharbor.test");
  blueKey = await newKey(handle, clock, blue);
  blueAccountId = blue.accountId;
  const blueOwner = { accountId: blue.accountId, userId: blue.userId };
  const blueData = submissionFor(["+16172533952"], "API-ISOLATION-BLUE");
  const blueDraft = await saveDraft(handle.db, clock, blueOwner, { data: blueData });
  await uploadDraftDocument(handle.db, clock, blueOwner, {
    draftId: blueDraft.id,
    kind: "LOA",
    fileName: "loa.pdf",
    contentBase64: pdfBytes.toString("base64"),
    signedAt: "2026-12-04T15:00:00Z",
  });
  blueOrderId =
    (await submitPortRequest(handle.db, clock, blueOwner, { draftId: blueDraft.id, submission: blueData })).orders[0]
      ?.id ?? "";
});
afterAll(async () => {
  await api.close();
  await handle.close();
});

interface Probe {
  method: string;
  /** The route as the OpenAPI document names it. */
  route: string;
  path: () => string;
  body?: () => BodyInit;
  contentType?: string;
  /** Admin-only changes are refused to every API key (403) before the ID is looked up. */
  expect?: number;
}

const json = (value: unknown) => () => JSON.stringify(value);
const pdfForm = () => {
  const form = new FormData();
  form.append("file", new Blob([pdfBytes], { type: "application/pdf" }), "loa.pdf");
  form.append("kind", "LOA");
  return form;
};

/** Every /v1 route that takes an ID, with Acme's ID in it. */
const probes: Probe[] = [
  { method: "GET", route: "/v1/port-ins/{id}", path: () => `/v1/port-ins/${acme.orderId}` },
  {
    method: "PATCH",
    route: "/v1/port-ins/{id}",
    path: () => `/v1/port-ins/${acme.orderId}`,
    body: json({ accountNumber: "X-1" }),
  },
  {
    method: "POST",
    route: "/v1/port-ins/{id}/reschedule",
    path: () => `/v1/port-ins/${acme.orderId}/reschedule`,
    body: json({ date: "2026-12-16", time: "10:00" }),
  },
  {
    method: "POST",
    route: "/v1/port-ins/{id}/cancel",
    path: () => `/v1/port-ins/${acme.orderId}/cancel`,
    body: json({}),
  },
  { method: "POST", route: "/v1/port-ins/{id}/activate", path: () => `/v1/port-ins/${acme.orderId}/activate` },
  { method: "POST", route: "/v1/port-ins/{id}/resubmit", path: () => `/v1/port-ins/${acme.orderId}/resubmit` },
  { method: "GET", route: "/v1/port-ins/{id}/foc-options", path: () => `/v1/port-ins/${acme.orderId}/foc-options` },
  { method: "GET", route: "/v1/port-ins/{id}/history", path: () => `/v1/port-ins/${acme.orderId}/history` },
  { method: "GET", route: "/v1/port-ins/{id}/notes", path: () => `/v1/port-ins/${acme.orderId}/notes` },
  {
    method: "POST",
    route: "/v1/port-ins/{id}/notes",
    path: () => `/v1/port-ins/${acme.orderId}/notes`,
    body: json({ body: "hello" }),
  },
  { method: "GET", route: "/v1/port-ins/{id}/documents", path: () => `/v1/port-ins/${acme.orderId}/documents` },
  {
    method: "POST",
    route: "/v1/port-ins/{id}/documents",
    path: () => `/v1/port-ins/${acme.orderId}/documents`,
    body: pdfForm,
    contentType: "multipart",
  },
  { method: "GET", route: "/v1/port-ins/{id}/tickets", path: () => `/v1/port-ins/${acme.orderId}/tickets` },
  {
    method: "POST",
    route: "/v1/port-ins/{id}/tickets",
    path: () => `/v1/port-ins/${acme.orderId}/tickets`,
    body: json({ subject: "x", body: "y" }),
  },
  {
    method: "POST",
    route: "/v1/drafts/{draftId}/documents",
    path: () => `/v1/drafts/${acme.draftId}/documents`,
    body: pdfForm,
    contentType: "multipart",
  },
  { method: "GET", route: "/v1/documents/{documentId}", path: () => `/v1/documents/${acme.documentId}` },
  {
    method: "POST",
    route: "/v1/tickets/{ticketId}/replies",
    path: () => `/v1/tickets/${acme.ticketId}/replies`,
    body: json({ body: "reply" }),
  },
  {
    method: "GET",
    route: "/v1/webhook-endpoints/{endpointId}",
    path: () => `/v1/webhook-endpoints/${acme.endpointId}`,
    // Webhooks are for admin keys: a member key is refused before the ID is looked up (admin keys: webhook-keys test).
    expect: 403,
  },
  {
    method: "GET",
    route: "/v1/webhook-endpoints/{endpointId}/deliveries",
    path: () => `/v1/webhook-endpoints/${acme.endpointId}/deliveries`,
    expect: 403,
  },
  {
    method: "POST",
    route: "/v1/webhook-endpoints/{endpointId}/events/{eventId}/replay",
    path: () => `/v1/webhook-endpoints/${acme.endpointId}/events/${acme.eventId}/replay`,
    expect: 403,
  },
  { method: "GET", route: "/v1/events/{eventId}", path: () => `/v1/events/${acme.eventId}` },
];

async function call(probe: Probe, key: string, extra: Record<string, string> = {}) {
  const headers: Record<string, string> = { authorization: `Bearer ${key}`, ...extra };
  if (probe.body && probe.contentType !== "multipart") {
    headers["content-type"] = "application/json";
  }
  if (probe.method === "PATCH") {
    headers["if-match"] = '"1"';
  }
  return fetch(`${api.url}${probe.path()}`, {
    method: probe.method,
    headers,
    ...(probe.body ? { body: probe.body() } : {}),
  });
}

describe("tenant isolation of the REST API", () => {
  it("covers every route of the document that takes an ID", async () => {
    const document = await (await fetch(`${api.url}/v1/openapi.json`)).json();
    const withIds = Object.entries(document.paths as Record<string, Record<string, unknown>>).flatMap(
      ([route, operations]) =>
        route.includes("{") ? Object.keys(operations).map((method) => `${method.toUpperCase()} ${route}`) : [],
    );
    expect(probes.map((p) => `${p.method} ${p.route}`).sort()).toEqual(withIds.sort());
  });

  it.each(probes.map((p) => [`${p.method} ${p.route}`, p] as const))(
    "%s with another account's ID is not found",
    async (_name, probe) => {
      const response = await call(probe, blueKey);
      expect(response.status).toBe(probe.expect ?? 404);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
      const text = await response.text();
      expect(text).not.toContain("API-ISOLATION");
    },
  );

  /** Every Bandwidth-compatible route with an order ID, called by Blue Harbor on its own account path with Acme's IDs. */
  const bandwidthProbes: [string, string, () => string, BodyInit | undefined][] = [
    ["GET", "portins/{id}", () => acme.orderId, undefined],
    ["PUT", "portins/{id}", () => acme.orderId, "<LnpOrderSupp><PartialPort>false</PartialPort></LnpOrderSupp>"],
    ["DELETE", "portins/{id}", () => acme.orderId, undefined],
    ["GET", "portins/{id}/notes", () => acme.orderId, undefined],
    ["POST", "portins/{id}/notes", () => acme.orderId, "<Note><UserId>x</UserId><Description>y</Description></Note>"],
    ["GET", "portins/{id}/history", () => acme.orderId, undefined],
    ["POST", "portins/{id}/loas", () => acme.orderId, "%PDF-1.4\n%%EOF\n"],
    ["GET", "portins/{id}/loas", () => acme.orderId, undefined],
    ["GET", "portins/{id}/loas/{file}", () => `${acme.orderId}/loas/${acme.documentId}.pdf`, undefined],
    ["PUT", "portins/{id}/loas/{file}", () => `${acme.orderId}/loas/${acme.documentId}.pdf`, "%PDF-1.4\n%%EOF\n"],
    ["DELETE", "portins/{id}/loas/{file}", () => `${acme.orderId}/loas/${acme.documentId}.pdf`, undefined],
    [
      "GET",
      "portins/{id}/loas/{file}/metadata",
      () => `${acme.orderId}/loas/${acme.documentId}.pdf/metadata`,
      undefined,
    ],
    [
      "PUT",
      "portins/{id}/loas/{file}/metadata",
      () => `${acme.orderId}/loas/${acme.documentId}.pdf/metadata`,
      "<FileMetaData><DocumentName>x</DocumentName><DocumentType>OTHER</DocumentType></FileMetaData>",
    ],
    [
      "DELETE",
      "portins/{id}/loas/{file}/metadata",
      () => `${acme.orderId}/loas/${acme.documentId}.pdf/metadata`,
      undefined,
    ],
    [
      "PUT",
      "portins/{id}/notes/{noteId}",
      () => `${acme.orderId}/notes/${acme.noteId}`,
      "<Note><UserId>x</UserId><Description>changed</Description></Note>",
    ],
    // Blue Harbor's own order with Acme's file and note IDs.
    ["GET", "portins/{own}/loas/{file}", () => `${blueOrderId}/loas/${acme.documentId}.pdf`, undefined],
    ["PUT", "portins/{own}/loas/{file}", () => `${blueOrderId}/loas/${acme.documentId}.pdf`, "%PDF-1.4\n%%EOF\n"],
    ["DELETE", "portins/{own}/loas/{file}", () => `${blueOrderId}/loas/${acme.documentId}.pdf`, undefined],
    [
      "GET",
      "portins/{own}/loas/{file}/metadata",
      () => `${blueOrderId}/loas/${acme.documentId}.pdf/metadata`,
      undefined,
    ],
    [
      "PUT",
      "portins/{own}/loas/{file}/metadata",
      () => `${blueOrderId}/loas/${acme.documentId}.pdf/metadata`,
      "<FileMetaData><DocumentType>OTHER</DocumentType></FileMetaData>",
    ],
    [
      "DELETE",
      "portins/{own}/loas/{file}/metadata",
      () => `${blueOrderId}/loas/${acme.documentId}.pdf/metadata`,
      undefined,
    ],
    [
      "PUT",
      "portins/{own}/notes/{noteId}",
      () => `${blueOrderId}/notes/${acme.noteId}`,
      "<Note><Description>changed</Description></Note>",
    ],
    ["GET", "portins/{id}/tns", () => acme.orderId, undefined],
    ["GET", "portins/{id}/totals", () => acme.orderId, undefined],
    ["GET", "portins/{id}/areaCodes", () => acme.orderId, undefined],
    ["GET", "portins/{id}/npaNxx", () => acme.orderId, undefined],
    ["GET", "portins/{id}/activationStatus", () => acme.orderId, undefined],
    ["PUT", "portins/{id}/activationStatus", () => acme.orderId, "<ActivationStatus/>"],
    ["GET", "portins/{draftId}", () => acme.draftId, undefined],
  ];
  it.each(bandwidthProbes.map((p) => [`${p[0]} ${p[1]}`, p] as const))(
    "Bandwidth %s with another account's ID is not found",
    async (_name, [method, route, id, body]) => {
      const suffix = route.replace(/^portins\/\{(id|draftId)\}/, "");
      const target = /\{(file|noteId)\}/.test(route) ? id() : `${id()}${suffix}`;
      const response = await fetch(`${api.url}/v1.0/accounts/${blueAccountId}/portins/${target}`, {
        method,
        headers: { authorization: `Bearer ${blueKey}`, "content-type": "application/xml" },
        ...(body ? { body } : {}),
      });
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain("API-ISOLATION");
    },
  );

  it("Acme's documents and notes are unchanged by Blue Harbor's calls", async () => {
    const document = await handle.pool.query("select kind, file_name, content from documents where id = $1", [
      acme.documentId,
    ]);
    expect(document.rows[0]).toEqual({ kind: "LOA", file_name: "loa.pdf", content: pdfBytes });
    const note = await handle.pool.query("select body from notes where id = $1", [acme.noteId]);
    expect(note.rows[0]?.body).toBe("A note of Acme (API-ISOLATION)");
  });

  it("GET /v1/events answers only the key's own account's events, whatever order is asked for", async () => {
    const own = await fetch(`${api.url}/v1/events?limit=200`, { headers: { authorization: `Bearer ${blueKey}` } });
    expect(own.status).toBe(200);
    const ids = (await own.json()).data.map((e: { id: string }) => e.id);
    expect(ids).not.toContain(acme.eventId);
    const asked = await fetch(`${api.url}/v1/events?orderId=${acme.orderId}`, {
      headers: { authorization: `Bearer ${blueKey}` },
    });
    expect(asked.status).toBe(200);
    expect((await asked.json()).data).toEqual([]);
    // Acme's own key sees the events of that order.
    const ofOrder = await handle.pool.query("select id from webhook_events where order_id = $1", [acme.orderId]);
    expect(ofOrder.rows.length).toBeGreaterThan(0);
    const acmeKey = await newKey(handle, clock, await adminOf(handle, "admin@acme.test"));
    const acmeEvents = await fetch(`${api.url}/v1/events?orderId=${acme.orderId}`, {
      headers: { authorization: `Bearer ${acmeKey}` },
    });
    expect((await acmeEvents.json()).data.map((e: { id: string }) => e.id).sort()).toEqual(
      ofOrder.rows.map((r) => r.id).sort(),
    );
  });

  it("Acme's own order is there (the probes are not vacuous)", async () => {
    for (const id of Object.values(acme)) {
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
    }
    const acmeKey = await newKey(handle, clock, await adminOf(handle, "admin@acme.test"));
    const response = await call({ method: "GET", route: "", path: () => `/v1/port-ins/${acme.orderId}` }, acmeKey);
    expect(response.status).toBe(200);
    expect(response.headers.get("etag")).toMatch(/^"\d+"$/);
  });

  /** The event log and the Bandwidth metadata and note routes with Acme's own IDs, as `key` calls them: the ones not 401. */
  async function notRefused(key: string) {
    const account = (await adminOf(handle, "admin@acme.test")).accountId;
    const bw = `${api.url}/v1.0/accounts/${account}/portins/${acme.orderId}`;
    const calls: [string, string, string | undefined][] = [
      ["GET", `${api.url}/v1/events`, undefined],
      ["GET", `${bw}/loas/${acme.documentId}.pdf/metadata`, undefined],
      [
        "PUT",
        `${bw}/loas/${acme.documentId}.pdf/metadata`,
        "<FileMetaData><DocumentType>OTHER</DocumentType></FileMetaData>",
      ],
      ["DELETE", `${bw}/loas/${acme.documentId}.pdf/metadata`, undefined],
      ["PUT", `${bw}/loas/${acme.documentId}.pdf`, "%PDF-1.4\n%%EOF\n"],
      ["DELETE", `${bw}/loas/${acme.documentId}.pdf`, undefined],
      ["PUT", `${bw}/notes/${acme.noteId}`, "<Note><Description>changed</Description></Note>"],
    ];
    const answered: string[] = [];
    for (const [method, url, body] of calls) {
      const response = await fetch(url, {
        method,
        headers: { authorization: `Bearer ${key}`, "content-type": "application/xml" },
        ...(body ? { body } : {}),
      });
      if (response.status !== 401) {
        answered.push(`${method} ${url.replace(api.url, "")}: ${response.status}`);
      }
    }
    return answered;
  }

  it("a revoked key and the key of a deactivated creator answer 401", async () => {
    const admin = await adminOf(handle, "admin@acme.test");
    const revoked = await newKey(handle, clock, admin);
    const keyId = (
      await handle.pool.query("select id from api_keys where hash = encode(sha256($1::bytea), 'hex')", [revoked])
    ).rows[0]?.id as string;
    const list = () => fetch(`${api.url}/v1/port-ins`, { headers: { authorization: `Bearer ${revoked}` } });
    expect((await list()).status).toBe(200);
    const used = await handle.pool.query("select last_used_at from api_keys where id = $1", [keyId]);
    expect(used.rows[0]?.last_used_at).toEqual(clock.now());
    await revokeApiKeyOf(handle.db, clock, admin, { keyId });
    const denied = await list();
    expect(denied.status).toBe(401);
    expect((await denied.json()).code).toBe("UNAUTHORIZED");
    expect(await notRefused(revoked)).toEqual([]);

    await addAccountUser(handle.db, admin, {
      name: "Temp Admin",
      email: "temp-admin@acme.test",
      role: "admin",
      password: "a long enough password",
    });
    const temp = await adminOf(handle, "temp-admin@acme.test");
    const tempKey = await newKey(handle, clock, temp);
    const asTemp = () => fetch(`${api.url}/v1/port-ins`, { headers: { authorization: `Bearer ${tempKey}` } });
    expect((await asTemp()).status).toBe(200);
    await deactivateAccountUser(handle.db, admin, { userId: temp.userId });
    expect((await asTemp()).status).toBe(401);
    expect(await notRefused(tempKey)).toEqual([]);
  });

  it("an unknown or malformed credential is 401 problem+json with a Bearer challenge", async () => {
    for (const authorization of [
      "",
      "Bearer nope",
      "Bearer pwk_abcdefgh_0123456789abcdef0123456789abcdef",
      "Basic !!",
    ]) {
      const response = await fetch(`${api.url}/v1/port-ins`, { headers: authorization ? { authorization } : {} });
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toContain("Bearer");
    }
  });
});
