import type { DbHandle } from "@portway/db";
import { createApiKey, createWebhookEndpoint } from "@portway/services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminOf, openSeededDb, startApi, testClock } from "./helpers";

let handle: DbHandle;
let api: Awaited<ReturnType<typeof startApi>>;
const clock = testClock();
const keys = { acmeMember: "", acmeAdmin: "", blueAdmin: "" };
let acmeEndpointId = "";
let acmeSecret = "";

beforeAll(async () => {
  handle = await openSeededDb();
  api = await startApi(handle, clock);
  const acme = await adminOf(handle, "admin@acme.test");
  const blue = await adminOf(handle, "admin@blueharbor.test");
  const endpoint = await createWebhookEndpoint(handle.db, clock, acme, {
    url: "http://127.0.0.1:9/webhook-keys",
    description: "webhook keys",
    eventTypes: ["order.foc"],
  });
  acmeEndpointId = endpoint.id;
  acmeSecret = endpoint.secret;
  keys.acmeMember = (await createApiKey(handle.db, clock, acme, { name: "acme orders" })).key;
  keys.acmeAdmin = (await createApiKey(handle.db, clock, acme, { name: "acme hooks", role: "admin" })).key;
  keys.blueAdmin = (await createApiKey(handle.db, clock, blue, { name: "blue hooks", role: "admin" })).key;
});
afterAll(async () => {
  await api.close();
  await handle.close();
});

function call(key: string, method: string, path: string, body?: unknown) {
  return fetch(`${api.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body ? { "content-type": "application/json" } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
}

describe("/v1 webhook routes by the key's role", () => {
  it("refuse a member key with 403 on every webhook route", async () => {
    for (const [method, path] of [
      ["GET", "/v1/webhook-endpoints"],
      ["GET", `/v1/webhook-endpoints/${acmeEndpointId}`],
      ["GET", `/v1/webhook-endpoints/${acmeEndpointId}/deliveries`],
    ] as const) {
      const response = await call(keys.acmeMember, method, path);
      expect(`${method} ${path} ${response.status}`).toBe(`${method} ${path} 403`);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
      expect(await response.text()).not.toContain("webhook-keys");
    }
    const created = await call(keys.acmeMember, "POST", "/v1/webhook-endpoints", {
      url: "http://127.0.0.1:9/by-member",
      eventTypes: ["order.foc"],
    });
    expect(created.status).toBe(403);
  });

  it("let an admin key list and read its account's endpoints without any secret", async () => {
    const list = await call(keys.acmeAdmin, "GET", "/v1/webhook-endpoints");
    expect(list.status).toBe(200);
    const listed = await list.text();
    expect(listed).toContain(acmeEndpointId);
    const one = await call(keys.acmeAdmin, "GET", `/v1/webhook-endpoints/${acmeEndpointId}`);
    expect(one.status).toBe(200);
    const read = await one.text();
    for (const text of [listed, read]) {
      expect(text).not.toContain("whsec_");
      expect(text).not.toContain(acmeSecret.slice(6, 12));
    }
    const deliveries = await call(keys.acmeAdmin, "GET", `/v1/webhook-endpoints/${acmeEndpointId}/deliveries`);
    expect(deliveries.status).toBe(200);
  });

  it("answer the secret to an admin key's create only", async () => {
    const response = await call(keys.acmeAdmin, "POST", "/v1/webhook-endpoints", {
      url: "http://127.0.0.1:9/by-admin-key",
      eventTypes: ["order.foc"],
    });
    expect(response.status).toBe(201);
    const created = (await response.json()) as { id: string; secret: string };
    expect(created.secret).toMatch(/^whsec_/);
    const again = await (await call(keys.acmeAdmin, "GET", `/v1/webhook-endpoints/${created.id}`)).text();
    expect(again).toContain("by-admin-key");
    expect(again).not.toContain(created.secret.slice(6, 12));
  });

  it("answer 404 to another account's admin key for an endpoint that is not its own", async () => {
    for (const path of [
      `/v1/webhook-endpoints/${acmeEndpointId}`,
      `/v1/webhook-endpoints/${acmeEndpointId}/deliveries`,
    ]) {
      const response = await call(keys.blueAdmin, "GET", path);
      expect(`${path} ${response.status}`).toBe(`${path} 404`);
      expect(await response.text()).not.toContain("webhook-keys");
    }
    const listed = await (await call(keys.blueAdmin, "GET", "/v1/webhook-endpoints")).text();
    expect(listed).not.toContain(acmeEndpointId);
  });
});
