import { createDb, type DbHandle } from "@portway/db";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createAuth, type Portal, resolveIdentity } from "../src/auth/index";
import { DemoSeedRefused, demoPassword, seedDemoData } from "../src/index";

let handle: DbHandle;

beforeAll(async () => {
  handle = createDb(inject("databaseUrl"));
  await seedDemoData(handle.db, { production: false });
});
afterAll(async () => {
  await handle.close();
});

function authFor(portal: Portal, production = false) {
  const baseURL = portal === "customer" ? "http://localhost:3000" : "http://localhost:3001";
  return {
    auth: createAuth({ db: handle.db, portal, secret: "test-secret-test-secret-test-secret!", baseURL, production }),
    baseURL,
  };
}

async function signIn(portal: Portal, email: string, password: string, production = false) {
  const { auth, baseURL } = authFor(portal, production);
  const response = await auth.handler(
    new Request(`${baseURL}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: baseURL },
      body: JSON.stringify({ email, password }),
    }),
  );
  return { response, auth };
}

function cookieHeader(response: Response): Headers {
  const cookies = response.headers.getSetCookie().map((c) => c.split(";")[0]);
  return new Headers({ cookie: cookies.join("; ") });
}

describe("demo seed", () => {
  it("is idempotent and refused in production", async () => {
    await expect(seedDemoData(handle.db, { production: false })).resolves.toEqual({ created: false });
    await expect(seedDemoData(handle.db, { production: true })).rejects.toBeInstanceOf(DemoSeedRefused);
  });
});

describe("sign-in per portal", () => {
  it("lets a customer into the customer portal with an account-scoped identity", async () => {
    const { response, auth } = await signIn("customer", "member@acme.test", demoPassword);
    expect(response.status).toBe(200);
    const identity = await resolveIdentity(auth, handle.db, "customer", cookieHeader(response));
    expect(identity).toMatchObject({ kind: "customer", role: "member", email: "member@acme.test" });
    expect(identity?.kind === "customer" && identity.accountId).toBeTruthy();
  });

  it("refuses a customer at the admin portal and staff at the customer portal", async () => {
    const customerAtAdmin = await signIn("admin", "admin@acme.test", demoPassword);
    expect(customerAtAdmin.response.status).toBe(403);
    expect(await customerAtAdmin.response.text()).toContain("customer users sign in at the customer portal");
    const staffAtCustomer = await signIn("customer", "lead@portway.test", demoPassword);
    expect(staffAtCustomer.response.status).toBe(403);
  });

  it("does not accept a customer session cookie at the admin portal", async () => {
    const { response } = await signIn("customer", "admin@acme.test", demoPassword);
    const admin = authFor("admin").auth;
    // Same cookie values under the admin prefix: the session is real, but of the wrong kind.
    const renamed = new Headers({
      cookie: (cookieHeader(response).get("cookie") ?? "").replaceAll("portway-customer", "portway-admin"),
    });
    expect(await resolveIdentity(admin, handle.db, "admin", renamed)).toBeNull();
  });

  it("refuses wrong passwords and demo passwords in production", async () => {
    expect((await signIn("admin", "lead@portway.test", "not-the-password")).response.status).toBe(401);
    const production = await signIn("admin", "lead@portway.test", demoPassword, true);
    expect(production.response.status).toBe(403);
    expect(await production.response.text()).toContain("Demo passwords are refused in production");
    const staff = await signIn("admin", "analyst@portway.test", demoPassword);
    const identity = await resolveIdentity(staff.auth, handle.db, "admin", cookieHeader(staff.response));
    expect(identity).toMatchObject({ kind: "staff", role: "analyst" });
  });
});
