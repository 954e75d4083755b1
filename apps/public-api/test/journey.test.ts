import type { DbHandle } from "@portway/db";
import { applyOrderEventAs } from "@portway/services";
import { createConfig, lintFromString, stringifyYaml } from "@redocly/openapi-core";
import createClient from "openapi-fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { paths } from "./generated/portway-api";
import {
  adminOf,
  newKey,
  openSeededDb,
  pdfBytes,
  startApi,
  startReceiver,
  submissionFor,
  testClock,
  type WebhookReceiver,
} from "./helpers";
import { generateClientTypes, refreshClientTypes } from "./openapi-client";

let handle: DbHandle;
let api: Awaited<ReturnType<typeof startApi>>;
let key: string;
let receiver: WebhookReceiver;
const clock = testClock();
const partner = { actor: { kind: "PARTNER" as const } };

function client() {
  return createClient<paths>({ baseUrl: api.url, headers: { authorization: `Bearer ${key}` } });
}

beforeAll(async () => {
  handle = await openSeededDb();
  api = await startApi(handle, clock);
  const admin = await adminOf(handle, "admin@acme.test");
  key = await newKey(handle, clock, admin);
  receiver = await startReceiver(handle, clock, admin);
});
afterAll(async () => {
  await receiver.close();
  await api.close();
  await handle.close();
});

describe("the OpenAPI document", () => {
  it("validates with Redocly's recommended rules without an error", async () => {
    const document = await (await fetch(`${api.url}/v1/openapi.json`)).json();
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.webhooks ?? {})).toContain("order.status_changed");
    const config = await createConfig({ extends: ["recommended"] });
    const problems = await lintFromString({ source: stringifyYaml(document), config });
    const errors = problems.filter((p) => p.severity === "error");
    expect(errors.map((e) => `${e.ruleId}: ${e.message} at ${e.location[0]?.pointer}`)).toEqual([]);
  });

  it("generates the client types the journey is typed with (openapi-typescript)", async () => {
    const document = await (await fetch(`${api.url}/v1/openapi.json`)).json();
    const generated = await generateClientTypes(document);
    refreshClientTypes(generated);
    for (const route of ["/v1/portability-checks", "/v1/port-ins/{id}", "/v1/port-ins/{id}/cancel"]) {
      expect(generated).toContain(`"${route}": {`);
    }
    expect(generated).toContain('"if-match": string;');
  });
});

describe("a journey with the generated client", () => {
  it("checks, submits twice with one idempotency key, follows FOC, refuses a stale ETag and cancels", async () => {
    const http = client();
    const tn = "+16172533901";
    const check = await http.POST("/v1/portability-checks", { body: { input: tn } });
    expect(check.response.status).toBe(200);
    expect(check.data?.numbers[0]).toMatchObject({ tn, valid: true, portable: true, onNet: false });
    expect(check.data?.grouping.orders).toHaveLength(1);

    const submission = submissionFor([tn], "API-JOURNEY-1");
    const draft = await http.POST("/v1/port-ins", { body: { mode: "draft", submission } });
    expect(draft.response.status).toBe(201);
    const draftId = draft.data && "draftId" in draft.data ? draft.data.draftId : "";
    const form = new FormData();
    form.append("file", new Blob([pdfBytes], { type: "application/pdf" }), "loa.pdf");
    form.append("kind", "LOA");
    form.append("signedAt", "2026-12-04T15:00:00Z");
    const loa = await http.POST("/v1/drafts/{draftId}/documents", {
      params: { path: { draftId } },
      body: form as never,
    });
    expect(loa.response.status).toBe(201);

    const idempotencyKey = `journey-${Date.now()}`;
    const submit = () =>
      http.POST("/v1/port-ins", {
        params: { header: { "idempotency-key": idempotencyKey } },
        body: { draftId, submission },
      });
    const first = await submit();
    expect(first.response.status).toBe(201);
    const second = await submit();
    expect(second.response.status).toBe(201);
    expect(second.response.headers.get("idempotent-replayed")).toBe("true");
    expect(second.data).toEqual(first.data);
    const reused = await http.POST("/v1/port-ins", {
      params: { header: { "idempotency-key": idempotencyKey } },
      body: { submission: { ...submission, customerOrderRef: "API-JOURNEY-OTHER" } },
    });
    expect(reused.response.status).toBe(409);
    expect(reused.error?.code).toBe("IDEMPOTENCY_KEY_REUSED");

    const orderId = first.data && "orders" in first.data ? (first.data.orders[0]?.id ?? "") : "";
    const got = await http.GET("/v1/port-ins/{id}", { params: { path: { id: orderId } } });
    expect(got.data?.status).toBe("SUBMITTED");
    const staleEtag = got.response.headers.get("etag") ?? "";
    expect(staleEtag).toBe(`"${got.data?.version}"`);
    const documents = await http.GET("/v1/port-ins/{id}/documents", { params: { path: { id: orderId } } });
    expect(documents.data?.data.map((d) => d.kind)).toEqual(["LOA"]);
    const download = await fetch(`${api.url}/v1/documents/${documents.data?.data[0]?.id}`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(pdfBytes);

    await applyOrderEventAs(handle.db, clock, partner, orderId, { type: "PARTNER_ACCEPTED", pon: "410000001" });
    const stale = await http.PATCH("/v1/port-ins/{id}", {
      params: { path: { id: orderId }, header: { "if-match": staleEtag } },
      body: { accountNumber: "ACCT-200" },
    });
    expect(stale.response.status).toBe(412);
    expect(stale.response.headers.get("content-type")).toContain("application/problem+json");
    expect(stale.error?.code).toBe("VERSION_CONFLICT");

    await applyOrderEventAs(handle.db, clock, partner, orderId, { type: "CSR_UNAVAILABLE" });
    await applyOrderEventAs(handle.db, clock, partner, orderId, {
      type: "FOC_RECEIVED",
      focAt: "2026-12-14T16:00:00.000Z",
    });
    const foc = await http.GET("/v1/port-ins/{id}", { params: { path: { id: orderId } } });
    expect(foc.data?.status).toBe("FOC");
    const options = await http.GET("/v1/port-ins/{id}/foc-options", { params: { path: { id: orderId } } });
    expect(options.data?.dates.length).toBeGreaterThan(0);

    const note = await http.POST("/v1/port-ins/{id}/notes", {
      params: { path: { id: orderId } },
      body: { body: "Please port before noon." },
    });
    expect(note.response.status).toBe(201);

    const cancel = await http.POST("/v1/port-ins/{id}/cancel", {
      params: { path: { id: orderId }, header: { "if-match": foc.response.headers.get("etag") ?? "" } },
      body: { reason: "Customer stays with the current carrier" },
    });
    expect(cancel.response.status).toBe(200);
    if (cancel.data?.status === "SUPP_PENDING") {
      await applyOrderEventAs(handle.db, clock, partner, orderId, { type: "SUPP_ACCEPTED" });
    }
    const cancelled = await http.GET("/v1/port-ins/{id}", { params: { path: { id: orderId } } });
    expect(cancelled.data?.status).toBe("CANCELLED");
    const history = await http.GET("/v1/port-ins/{id}/history", { params: { path: { id: orderId } } });
    expect(history.data?.data.map((h) => h.to)).toContain("CANCELLED");
    const list = await http.GET("/v1/port-ins", {
      params: { query: { customerReference: "API-JOURNEY-1", status: "CANCELLED" } },
    });
    expect(list.data?.data.map((o) => o.id)).toEqual([orderId]);

    // A second order goes to COMPLETE: FOC, on-demand activation on the FOC day through the API, numbers activated.
    const tn2 = "+16172533902";
    const submission2 = { ...submissionFor([tn2], "API-JOURNEY-2"), onDemandActivation: true };
    const draft2 = await http.POST("/v1/port-ins", { body: { mode: "draft", submission: submission2 } });
    const draft2Id = draft2.data && "draftId" in draft2.data ? draft2.data.draftId : "";
    const loa2 = new FormData();
    loa2.append("file", new Blob([pdfBytes], { type: "application/pdf" }), "loa.pdf");
    loa2.append("signedAt", "2026-12-04T15:00:00Z");
    await http.POST("/v1/drafts/{draftId}/documents", { params: { path: { draftId: draft2Id } }, body: loa2 as never });
    const submitted2 = await http.POST("/v1/port-ins", { body: { draftId: draft2Id, submission: submission2 } });
    const order2 = submitted2.data && "orders" in submitted2.data ? (submitted2.data.orders[0]?.id ?? "") : "";
    await applyOrderEventAs(handle.db, clock, partner, order2, { type: "PARTNER_ACCEPTED", pon: "410000002" });
    await applyOrderEventAs(handle.db, clock, partner, order2, { type: "CSR_UNAVAILABLE" });
    await applyOrderEventAs(handle.db, clock, partner, order2, {
      type: "FOC_RECEIVED",
      focAt: "2026-12-14T16:00:00.000Z",
    });
    clock.set(new Date("2026-12-14T16:05:00Z"));
    const activate = await http.POST("/v1/port-ins/{id}/activate", { params: { path: { id: order2 } } });
    expect(activate.response.status).toBe(200);
    await applyOrderEventAs(handle.db, clock, partner, order2, { type: "TNS_ACTIVATED", tns: [tn2] });
    const complete = await http.GET("/v1/port-ins/{id}", { params: { path: { id: order2 } } });
    expect(complete.data?.status).toBe("COMPLETE");
    expect(complete.data?.tns[0]?.status).toBe("ACTIVATED");

    // Every event the journey produced reaches a standardwebhooks receiver, and verifies there.
    const received = await receiver.deliverAll();
    expect(received.length).toBeGreaterThanOrEqual(6);
    expect(received.map((r) => r.type)).toEqual(expect.arrayContaining(["order.foc", "order.status_changed"]));
    expect(received.filter((r) => !r.verified)).toEqual([]);
  });
});
