import { createDb, type DbHandle } from "@portway/db";
import type { Identity } from "@portway/services";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { adminRouter } from "../../src/admin";
import { customerRouter } from "../../src/customer";
import { handleTrpcRequest, maxTrpcBatch, maxTrpcBodyBytes } from "../../src/http-handler";
import { acmeCustomer, contextFor, lead, openSeededDb } from "../helpers";

const own = "http://localhost:3001";
let handle: DbHandle;
let customer: Identity;

beforeAll(async () => {
  handle = await openSeededDb();
  customer = await acmeCustomer(handle);
});
afterAll(async () => {
  await handle.close();
});

function post(path: string, input: unknown, headers: Record<string, string>, body?: BodyInit) {
  return new Request(`${own}/api/trpc/${path}`, {
    method: "POST",
    headers: { cookie: "portway.session_token=x", ...headers },
    body: body ?? JSON.stringify(superjson.serialize(input)),
  });
}

function adminCall(request: Request, identity: Identity | null = lead) {
  return handleTrpcRequest(request, {
    router: adminRouter,
    ownOrigin: own,
    createContext: () => contextFor(handle, identity),
  });
}

function customerCall(request: Request, identity: Identity | null = customer, h: DbHandle = handle) {
  return handleTrpcRequest(request, {
    router: customerRouter,
    ownOrigin: "http://localhost:3000",
    createContext: () => contextFor(h, identity),
  });
}

async function newUserInput(email: string) {
  const accountId = (await handle.pool.query("select id from customer_accounts where slug = 'acme-voice'")).rows[0].id;
  return { accountId, name: "Mallory", email, role: "member", password: "a long enough password" };
}

async function userExists(email: string) {
  return (await handle.pool.query("select 1 from auth_users where email = $1", [email])).rows.length > 0;
}

describe("cross-site mutations (M1)", () => {
  it("refuses a mutation from a foreign origin and writes nothing", async () => {
    const input = await newUserInput("mallory-origin@acme.test");
    const response = await adminCall(
      post("administration.createUser", input, { "content-type": "application/json", origin: "http://evil.example" }),
    );
    expect(response.status).toBe(403);
    expect(await userExists("mallory-origin@acme.test")).toBe(false);
  });

  it("refuses a multipart form post and a mutation with neither Origin nor same-origin fetch metadata", async () => {
    const input = await newUserInput("mallory-form@acme.test");
    const form = new FormData();
    for (const [k, v] of Object.entries(input)) {
      form.set(k, String(v));
    }
    const multipart = await adminCall(post("administration.createUser", input, { origin: own }, form));
    expect(multipart.status).toBe(415);
    const noOrigin = await adminCall(
      post("administration.createUser", input, { "content-type": "application/json", "sec-fetch-site": "cross-site" }),
    );
    expect(noOrigin.status).toBe(403);
    expect(await userExists("mallory-form@acme.test")).toBe(false);
  });

  it("accepts the portal's own origin, and same-origin fetch metadata without Origin", async () => {
    const first = await adminCall(
      post("administration.createUser", await newUserInput("own-origin@acme.test"), {
        "content-type": "application/json",
        origin: own,
      }),
    );
    expect(first.status).toBe(200);
    const second = await adminCall(
      post("administration.createUser", await newUserInput("own-fetch@acme.test"), {
        "content-type": "application/json",
        "sec-fetch-site": "same-origin",
      }),
    );
    expect(second.status).toBe(200);
    expect(await userExists("own-origin@acme.test")).toBe(true);
  });
});

describe("batch and body limits (M7)", () => {
  it(`refuses a batch of more than ${maxTrpcBatch} calls and a body over ${maxTrpcBodyBytes} bytes`, async () => {
    const paths = Array.from({ length: maxTrpcBatch + 1 }, () => "me.get").join(",");
    const batch = await customerCall(
      new Request(`http://localhost:3000/api/trpc/${paths}?batch=1`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: "http://localhost:3000" },
        body: "{}",
      }),
    );
    expect(batch.status).toBe(400);
    const big = await customerCall(
      new Request("http://localhost:3000/api/trpc/tickets.open", {
        method: "POST",
        headers: { "content-type": "application/json", origin: "http://localhost:3000" },
        body: JSON.stringify({ json: { subject: "x".repeat(maxTrpcBodyBytes + 10) } }),
      }),
    );
    expect(big.status).toBe(413);
  });
});

describe("errors (M5, M6)", () => {
  it("answers a NUL character in text with a 400, not a 500 with SQL", async () => {
    const response = await customerCall(
      post(
        "apiKeys.create",
        { name: "bad\u0000name" },
        { "content-type": "application/json", origin: "http://localhost:3000" },
      ),
    );
    const text = await response.text();
    expect(response.status).toBe(400);
    expect(text).not.toMatch(/insert into|\$1/i);
  });

  it("masks an unexpected failure as 'Internal error (ref X)', without the cause", async () => {
    const broken = createDb(inject("databaseUrl"));
    await broken.close();
    const response = await customerCall(
      post(
        "apiKeys.create",
        { name: "after close" },
        { "content-type": "application/json", origin: "http://localhost:3000" },
      ),
      customer,
      broken,
    );
    const text = await response.text();
    expect(response.status).toBe(500);
    expect(text).toMatch(/Internal error \(ref [0-9a-f]{8}\)/);
    expect(text).not.toMatch(/pool|insert into|stack/i);
  });
});
