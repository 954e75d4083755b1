import type { DbHandle } from "@portway/db";
import { createWebhookEndpoint, signStandardWebhook, verifyStandardWebhook } from "@portway/services";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminOf, openSeededDb, startReceiver, testClock } from "./helpers";

let handle: DbHandle;
const clock = testClock();

beforeAll(async () => {
  handle = await openSeededDb();
});
afterAll(async () => {
  await handle.close();
});

describe("Standard Webhooks signatures", () => {
  it("verify with the standardwebhooks library, and a changed body or another secret does not", () => {
    const secret = `whsec_${Buffer.from("a 32-byte key for the test only!").toString("base64")}`;
    const body = JSON.stringify({ id: "evt_1", type: "order.foc", data: { order: { id: "o1" } } });
    const headers = signStandardWebhook({ secret, id: "evt_1", body, now: new Date() });
    expect(headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => new Webhook(secret).verify(`${body} `, headers)).toThrow();
    const other = `whsec_${Buffer.from("another key that is not the one!").toString("base64")}`;
    expect(() => new Webhook(other).verify(body, headers)).toThrow();
    // Our own verifier agrees with the library, and refuses an old timestamp.
    expect(verifyStandardWebhook({ secret, body, headers, now: new Date() })).toBe(true);
    expect(verifyStandardWebhook({ secret, body, headers, now: new Date(Date.now() + 600_000) })).toBe(false);
  });

  it("every new endpoint secret is one the standardwebhooks library accepts (standard base64)", async () => {
    const admin = await adminOf(handle, "admin@acme.test");
    for (let i = 0; i < 24; i += 1) {
      const endpoint = await createWebhookEndpoint(handle.db, clock, admin, {
        url: `http://127.0.0.1:9/hooks/${i}`,
        description: "secret format",
        eventTypes: ["order.foc"],
      });
      expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
      expect(() => new Webhook(endpoint.secret)).not.toThrow();
    }
  });

  it("the journeys' receiver records a forged or tampered request as unverified, and a signed one as verified", async () => {
    const admin = await adminOf(handle, "admin@blueharbor.test");
    const receiver = await startReceiver(handle, clock, admin);
    try {
      const body = JSON.stringify({ id: "evt_forged", type: "order.foc", data: {} });
      const wrongSecret = `whsec_${Buffer.from("a key that is not the endpoint's").toString("base64")}`;
      const forged = signStandardWebhook({ secret: wrongSecret, id: "evt_forged", body, now: new Date() });
      await fetch(receiver.url, { method: "POST", headers: forged, body });
      const secret = (await handle.pool.query("select secret from webhook_endpoints where url = $1", [receiver.url]))
        .rows[0]?.secret as string;
      const signed = signStandardWebhook({ secret, id: "evt_signed", body, now: new Date() });
      await fetch(receiver.url, { method: "POST", headers: signed, body: `${body} ` });
      await fetch(receiver.url, { method: "POST", headers: signed, body });
      // Each request is recorded before it is answered.
      expect(receiver.received()).toEqual([
        { id: "evt_forged", type: "order.foc", verified: false },
        { id: "evt_signed", type: "order.foc", verified: false },
        { id: "evt_signed", type: "order.foc", verified: true },
      ]);
    } finally {
      await receiver.close();
    }
  });
});
