import { hour, type Loop, minute, startLoop, waitForStatus, waitForSuppsSent } from "@portway/worker/testing";
import { createConfig, lintFromString, stringifyYaml } from "@redocly/openapi-core";
import createClient from "openapi-fetch";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { paths } from "./generated/portway-api";
import { adminOf, newKey, pdfBytes, startApi, startReceiver, submissionFor, type WebhookReceiver } from "./helpers";
import { generateClientTypes, refreshClientTypes } from "./openapi-client";

let loop: Loop;
let api: Awaited<ReturnType<typeof startApi>>;
let key: string;
let receiver: WebhookReceiver;

function client() {
  return createClient<paths>({ baseUrl: api.url, headers: { authorization: `Bearer ${key}` } });
}

beforeAll(async () => {
  // The real carrier simulator and the worker, over HTTP; the API runs on the loop's clock and database.
  loop = await startLoop(inject("databaseUrl"), "api_rest_journey");
  api = await startApi(loop.handle, loop.clock);
  const admin = await adminOf(loop.handle, "admin@acme.test");
  key = await newKey(loop.handle, loop.clock, admin);
  receiver = await startReceiver(loop.handle, loop.clock, admin);
});
afterAll(async () => {
  await receiver?.close();
  await api?.close();
  await loop?.stop();
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

describe("a journey with the generated client, through the carrier simulator and the worker", () => {
  it("checks, submits twice with one idempotency key, follows the simulator's FOC, refuses a stale ETag, cancels one order and completes another", async () => {
    const http = client();
    const tn = "+16172533901";
    const tn2 = "+16172533902";
    const check = await http.POST("/v1/portability-checks", { body: { input: `${tn}\n${tn2}` } });
    expect(check.response.status).toBe(200);
    expect(check.data?.numbers[0]).toMatchObject({ tn, valid: true, portable: true, onNet: false });
    expect(check.data?.grouping.orders).toHaveLength(1);

    const loaForm = () => {
      const form = new FormData();
      form.append("file", new Blob([pdfBytes], { type: "application/pdf" }), "loa.pdf");
      form.append("kind", "LOA");
      form.append("signedAt", "2026-12-04T15:00:00Z");
      return form;
    };
    const submission = submissionFor([tn], "API-JOURNEY-1");
    const draft = await http.POST("/v1/port-ins", { body: { mode: "draft", submission } });
    expect(draft.response.status).toBe(201);
    const draftId = draft.data && "draftId" in draft.data ? draft.data.draftId : "";
    const loa = await http.POST("/v1/drafts/{draftId}/documents", {
      params: { path: { draftId } },
      body: loaForm() as never,
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

    // A second order, to be completed: submitted now so that it travels the same clock moves.
    const submission2 = { ...submissionFor([tn2], "API-JOURNEY-2"), onDemandActivation: true };
    const draft2 = await http.POST("/v1/port-ins", { body: { mode: "draft", submission: submission2 } });
    const draft2Id = draft2.data && "draftId" in draft2.data ? draft2.data.draftId : "";
    await http.POST("/v1/drafts/{draftId}/documents", {
      params: { path: { draftId: draft2Id } },
      body: loaForm() as never,
    });
    const submitted2 = await http.POST("/v1/port-ins", { body: { draftId: draft2Id, submission: submission2 } });
    expect(submitted2.response.status).toBe(201);
    const order2 = submitted2.data && "orders" in submitted2.data ? (submitted2.data.orders[0]?.id ?? "") : "";

    const got = await http.GET("/v1/port-ins/{id}", { params: { path: { id: orderId } } });
    expect(["SUBMITTED", "CSR_REVIEW"]).toContain(got.data?.status);
    const staleEtag = got.response.headers.get("etag") ?? "";
    expect(staleEtag).toBe(`"${got.data?.version}"`);
    const documents = await http.GET("/v1/port-ins/{id}/documents", { params: { path: { id: orderId } } });
    expect(documents.data?.data.map((d) => d.kind)).toEqual(["LOA"]);
    const download = await fetch(`${api.url}/v1/documents/${documents.data?.data[0]?.id}`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(pdfBytes);

    // The worker sends the order to the simulator, which accepts it; the CSR it returns 10 simulated minutes later
    // moves the order on, and the ETag read before is stale.
    await waitForStatus(loop, orderId, "CSR_REVIEW");
    await waitForStatus(loop, order2, "CSR_REVIEW");
    const accepted = await http.GET("/v1/port-ins/{id}", { params: { path: { id: orderId } } });
    expect(accepted.data?.pon).toMatch(/^\d{9}$/);
    await loop.advance(10 * minute);
    await waitForStatus(loop, orderId, "PENDING_FOC");
    const reviewed = await http.GET("/v1/port-ins/{id}", { params: { path: { id: orderId } } });
    expect(reviewed.response.headers.get("etag")).not.toBe(staleEtag);
    const stale = await http.PATCH("/v1/port-ins/{id}", {
      params: { path: { id: orderId }, header: { "if-match": staleEtag } },
      body: { accountNumber: "ACCT-200" },
    });
    expect(stale.response.status).toBe(412);
    expect(stale.response.headers.get("content-type")).toContain("application/problem+json");
    expect(stale.error?.code).toBe("VERSION_CONFLICT");

    // The simulator reviews and confirms the FOC as the clocks move.
    await loop.advance(5 * hour);
    await waitForStatus(loop, orderId, "FOC");
    await waitForStatus(loop, order2, "FOC");
    const foc = await http.GET("/v1/port-ins/{id}", { params: { path: { id: orderId } } });
    expect(foc.data?.status).toBe("FOC");
    expect(foc.data?.focAt).toBe("2026-12-14T16:00:00.000Z");
    const options = await http.GET("/v1/port-ins/{id}/foc-options", { params: { path: { id: orderId } } });
    expect(options.data?.dates.length).toBeGreaterThan(0);

    const note = await http.POST("/v1/port-ins/{id}/notes", {
      params: { path: { id: orderId } },
      body: { body: "Please port before noon." },
    });
    expect(note.response.status).toBe(201);

    // The cancel travels to the simulator as a SUPP; its acceptance, 30 simulated minutes later, cancels the order.
    const cancel = await http.POST("/v1/port-ins/{id}/cancel", {
      params: { path: { id: orderId }, header: { "if-match": foc.response.headers.get("etag") ?? "" } },
      body: { reason: "Customer stays with the current carrier" },
    });
    expect(cancel.response.status).toBe(200);
    expect(cancel.data?.status).toBe("SUPP_PENDING");
    await waitForSuppsSent(loop, orderId);
    await loop.advance(40 * minute);
    await waitForStatus(loop, orderId, "CANCELLED");
    const cancelled = await http.GET("/v1/port-ins/{id}", { params: { path: { id: orderId } } });
    expect(cancelled.data?.status).toBe("CANCELLED");
    const history = await http.GET("/v1/port-ins/{id}/history", { params: { path: { id: orderId } } });
    expect(history.data?.data.map((h) => h.to)).toEqual(
      expect.arrayContaining(["SUBMITTED", "CSR_REVIEW", "PENDING_FOC", "FOC", "SUPP_PENDING", "CANCELLED"]),
    );
    const list = await http.GET("/v1/port-ins", {
      params: { query: { customerReference: "API-JOURNEY-1", status: "CANCELLED" } },
    });
    expect(list.data?.data.map((o) => o.id)).toEqual([orderId]);

    // The second order: the clocks move to its FOC, the on-demand activation goes to the simulator, which activates.
    await loop.setTime(new Date("2026-12-14T16:05:00Z"));
    const activate = await http.POST("/v1/port-ins/{id}/activate", { params: { path: { id: order2 } } });
    expect(activate.response.status).toBe(200);
    await waitForStatus(loop, order2, "COMPLETE");
    const complete = await http.GET("/v1/port-ins/{id}", { params: { path: { id: order2 } } });
    expect(complete.data?.status).toBe("COMPLETE");
    expect(complete.data?.tns[0]?.status).toBe("ACTIVATED");

    // Every event the journey produced reaches a standardwebhooks receiver, and verifies there.
    const { received, eventIds } = await receiver.settle();
    expect(eventIds.length).toBeGreaterThanOrEqual(10);
    // Delivery is at least once (a receiver dedupes by webhook-id): every event arrived.
    expect([...new Set(received.map((r) => r.id))].sort()).toEqual([...eventIds].sort());
    expect(received.filter((r) => !r.verified)).toEqual([]);
    expect(received.map((r) => r.type)).toEqual(
      expect.arrayContaining(["order.foc", "order.status_changed", "order.note_added"]),
    );
    // The event log answers the same events, newest first, each with the payload that was delivered.
    const log = await http.GET("/v1/events", { params: { query: { limit: 200 } } });
    expect(log.data?.data.map((e) => e.id).sort()).toEqual([...eventIds].sort());
    const cancelledEvent = log.data?.data.find(
      (e) =>
        e.orderId === orderId && e.type === "order.status_changed" && JSON.stringify(e.payload).includes("CANCELLED"),
    );
    expect(cancelledEvent).toBeTruthy();
  });
});
