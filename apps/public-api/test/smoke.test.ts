import type { DbHandle } from "@portway/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminOf, newKey, openSeededDb, startApi, testClock } from "./helpers";

let handle: DbHandle;
let api: Awaited<ReturnType<typeof startApi>>;
let key: string;
const clock = testClock();

beforeAll(async () => {
  handle = await openSeededDb();
  api = await startApi(handle, clock);
  key = await newKey(handle, clock, await adminOf(handle, "admin@acme.test"));
});
afterAll(async () => {
  await api.close();
  await handle.close();
});

describe("smoke", () => {
  it("serves the document and answers 401 problem+json without a key", async () => {
    const doc = await fetch(`${api.url}/v1/openapi.json`);
    expect(doc.status).toBe(200);
    const body = await doc.json();
    expect(body.openapi).toBe("3.1.0");
    const denied = await fetch(`${api.url}/v1/port-ins`);
    expect(denied.status).toBe(401);
    expect(denied.headers.get("content-type")).toContain("application/problem+json");
    const ok = await fetch(`${api.url}/v1/port-ins`, { headers: { authorization: `Bearer ${key}` } });
    expect(ok.status).toBe(200);
  });
});
