import { randomUUID } from "node:crypto";
import { createDb, type DbHandle } from "@portway/db";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  createAuth,
  handleAuthRequest,
  maxAuthBodyBytes,
  peerAddressHeader,
  SignInThrottle,
} from "../../src/auth/index";
import { readTrustedProxyHops } from "../../src/config/portal-env";
import { createCustomerAccount, createCustomerUser } from "../../src/index";

const baseURL = "http://localhost:3000";
const password = "correct horse battery staple";
let handle: DbHandle;

beforeAll(() => {
  handle = createDb(inject("databaseUrl"));
});
afterAll(async () => {
  await handle.close();
});

async function customerUser() {
  const slug = `thr-${randomUUID().slice(0, 8)}`;
  const account = await createCustomerAccount(handle.db, { name: `Throttle ${slug}`, slug, onNetOnly: false });
  const email = `admin@${slug}.test`;
  await createCustomerUser(handle.db, { accountId: account.id, name: "Admin", email, role: "admin", password });
  return email;
}

/** The customer portal's auth route as the app serves it: a fresh auth instance and throttle per "process". */
function portalProcess(trustedProxyHops = 0) {
  const auth = createAuth({
    db: handle.db,
    portal: "customer",
    secret: "test-secret-test-secret-test-secret!",
    baseURL,
    production: true,
  });
  const throttle = new SignInThrottle(handle.pool);
  return (request: Request) => handleAuthRequest(request, { auth, throttle, trustedProxyHops });
}

function signIn(email: string, pw: string, headers: Record<string, string> = {}) {
  return new Request(`${baseURL}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseURL, [peerAddressHeader]: "127.0.0.7", ...headers },
    body: JSON.stringify({ email, password: pw }),
  });
}

function randomAddress() {
  return `203.0.113.${Math.floor(Math.random() * 250) + 1}`;
}

describe("sign-in throttling (M4)", () => {
  it("45 wrong passwords from changing X-Forwarded-For, then the right one: 429 with Retry-After", async () => {
    const email = await customerUser();
    // Two processes of the portal: the counts are shared through PostgreSQL.
    const processes = [portalProcess(), portalProcess()];
    const statuses: number[] = [];
    for (let i = 0; i < 45; i++) {
      const handler = processes[i % 2] as (r: Request) => Promise<Response>;
      const response = await handler(signIn(email, `wrong ${i}`, { "x-forwarded-for": randomAddress() }));
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(5).every((s) => s === 429)).toBe(true);
    const right = await (processes[0] as (r: Request) => Promise<Response>)(
      signIn(email, password, { "x-forwarded-for": randomAddress() }),
    );
    expect(right.status).toBe(429);
    const retryAfter = Number(right.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60 * 60);
  });

  it("blocks a spray over many emails from one address, whatever X-Forwarded-For says", async () => {
    const handler = portalProcess();
    const peer = `127.0.${Math.floor(Math.random() * 200) + 20}.9`;
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      const response = await handler(
        signIn(`nobody-${i}-${randomUUID()}@spray.test`, "guess", {
          [peerAddressHeader]: peer,
          "x-forwarded-for": randomAddress(),
        }),
      );
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(20).every((s) => s === 429)).toBe(true);
    // Another address is not affected.
    const email = await customerUser();
    const other = await handler(signIn(email, password, { [peerAddressHeader]: "127.0.0.99" }));
    expect(other.status).toBe(200);
  });

  it("behind one trusted proxy takes the address the proxy appended, not the client's entries", async () => {
    const handler = portalProcess(1);
    const client = `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) {
      const response = await handler(
        signIn(`nobody-${randomUUID()}@spray.test`, "guess", { "x-forwarded-for": `${randomAddress()}, ${client}` }),
      );
      statuses.push(response.status);
    }
    expect(statuses.slice(20)).toEqual([429, 429]);
  });

  it("a successful sign-in clears the email's count", async () => {
    const email = await customerUser();
    const handler = portalProcess();
    const peer = { [peerAddressHeader]: "127.0.1.1" };
    for (let i = 0; i < 4; i++) {
      expect((await handler(signIn(email, "wrong", peer))).status).toBe(401);
    }
    expect((await handler(signIn(email, password, peer))).status).toBe(200);
    for (let i = 0; i < 4; i++) {
      expect((await handler(signIn(email, "wrong", peer))).status).toBe(401);
    }
  });

  it("refuses a sign-in body over the small auth limit with 413, unread", async () => {
    const handler = portalProcess();
    const big = `{"email":"a@b.test","password":"${"x".repeat(maxAuthBodyBytes)}"}`;
    const response = await handler(
      new Request(`${baseURL}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: baseURL },
        body: big,
      }),
    );
    expect(response.status).toBe(413);
  });

  it("reads TRUSTED_PROXY_HOPS: 0 unless set, a small whole number, else a one-line configuration error", () => {
    expect(readTrustedProxyHops({})).toBe(0);
    expect(readTrustedProxyHops({ TRUSTED_PROXY_HOPS: "2" })).toBe(2);
    for (const bad of ["-1", "1.5", "eleven", "99"]) {
      expect(() => readTrustedProxyHops({ TRUSTED_PROXY_HOPS: bad }), bad).toThrow(/TRUSTED_PROXY_HOPS/);
    }
  });
});
