import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { authUsers, createDb, type DbHandle, webhookDeliveries } from "@portway/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { fixedClock } from "../../src/clock";
import { readWebhookDestinationPolicy } from "../../src/config/webhook-env";
import {
  type CustomerIdentity,
  createWebhookEndpoint,
  defaultWebhookPolicy,
  deliverDueWebhooks,
  seedDemoData,
  sendWebhookTestEvent,
  webhookEventTypes,
} from "../../src/index";
import { refuseAddress } from "../../src/notifications/destination";
import { demoCustomer } from "../order-fixtures";

const strict = { allowLoopback: false, httpsOnly: false };
const loopbackAllowed = { allowLoopback: true, httpsOnly: false };
const production = { allowLoopback: false, httpsOnly: true };

let handle: DbHandle;
let admin: CustomerIdentity;
let receiver: Server;
let port = 0;
let hits = 0;
/** What the receiver answers: a short OK, or 256 MB streamed until the client hangs up. */
let answerHuge = false;
let hugeBytesSent = 0;

beforeAll(async () => {
  handle = createDb(inject("databaseUrl"));
  await seedDemoData(handle.db, { production: false });
  const acme = await demoCustomer(handle.db, "acme-voice");
  const [row] = await handle.db.select().from(authUsers).where(eq(authUsers.email, "admin@acme.test"));
  if (!row) {
    throw new Error("demo admin missing");
  }
  admin = {
    kind: "customer",
    userId: row.id,
    name: row.name,
    email: row.email,
    role: "admin",
    accountId: acme.accountId,
  };
  receiver = createServer((req, res) => {
    hits += 1;
    req.resume();
    if (!answerHuge) {
      res.end("ok");
      return;
    }
    res.writeHead(200, { "content-type": "application/octet-stream" });
    const chunk = Buffer.alloc(1024 * 1024, 97);
    const pump = () => {
      while (hugeBytesSent < 256 * 1024 * 1024 && !res.destroyed) {
        hugeBytesSent += chunk.length;
        if (!res.write(chunk)) {
          res.once("drain", pump);
          return;
        }
      }
      res.end();
    };
    pump();
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  port = (receiver.address() as AddressInfo).port;
});

afterAll(async () => {
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
  await handle.close();
});

function endpointInput(url: string) {
  return { url, description: "security", eventTypes: [...webhookEventTypes] };
}

describe("webhook destinations (H1)", () => {
  it("classifies every private, reserved and mapped form as refused, and public unicast as allowed", () => {
    const refused = [
      "127.0.0.1",
      "127.255.0.9",
      "0.0.0.0",
      "0.1.2.3",
      "10.0.0.1",
      "172.16.5.4",
      "192.168.1.1",
      "100.64.0.1",
      "169.254.169.254",
      "224.0.0.1",
      "255.255.255.255",
      "::1",
      "::",
      "fc00::1",
      "fd12:3456::1",
      "fe80::1",
      "ff02::1",
      "::ffff:127.0.0.1",
      "::ffff:7f00:1",
      "::ffff:169.254.169.254",
    ];
    for (const address of refused) {
      expect(refuseAddress(address, strict), address).not.toBeNull();
    }
    expect(refuseAddress("93.184.216.34", strict)).toBeNull();
    expect(refuseAddress("2606:4700::1111", strict)).toBeNull();
    expect(refuseAddress("127.0.0.1", loopbackAllowed)).toBeNull();
    expect(refuseAddress("10.0.0.1", loopbackAllowed)).not.toBeNull();
  });

  it("refuses loopback in every spelling at create, before any connection", async () => {
    const clock = fixedClock(new Date());
    const forms = [
      `http://127.0.0.1:${port}/hook`,
      `http://2130706433:${port}/hook`,
      `http://0x7f.1:${port}/hook`,
      `http://0.0.0.0:${port}/hook`,
      `http://[::1]:${port}/hook`,
      `http://[::ffff:127.0.0.1]:${port}/hook`,
      `http://localhost:${port}/hook`,
    ];
    const before = hits;
    for (const url of forms) {
      await expect(
        createWebhookEndpoint(handle.db, clock, admin, endpointInput(url), strict),
        url,
      ).rejects.toMatchObject({
        kind: "INVALID",
        field: "url",
        code: "WEBHOOK_DESTINATION_REFUSED",
      });
    }
    expect(hits).toBe(before);
  });

  it("allows only https in production and refuses the loopback setting there", async () => {
    await expect(
      createWebhookEndpoint(
        handle.db,
        fixedClock(new Date()),
        admin,
        endpointInput("http://example.com/hook"),
        production,
      ),
    ).rejects.toMatchObject({ field: "url" });
    expect(() => readWebhookDestinationPolicy({ PORTWAY_ENV: "production", WEBHOOK_ALLOW_LOOPBACK: "true" })).toThrow(
      /refused in production/,
    );
    expect(readWebhookDestinationPolicy({ PORTWAY_ENV: "development", WEBHOOK_ALLOW_LOOPBACK: "true" })).toEqual(
      loopbackAllowed,
    );
  });

  it("refuses at delivery a stored endpoint that points at loopback, by IP and by name, with a generic reason", async () => {
    const clock = fixedClock(new Date(Date.now() + 1000));
    for (const host of ["127.0.0.1", "localhost"]) {
      const endpoint = await createWebhookEndpoint(
        handle.db,
        clock,
        admin,
        endpointInput(`http://${host}:${port}/hook`),
        loopbackAllowed,
      );
      const { deliveryId } = await sendWebhookTestEvent(handle.db, clock, admin, { endpointId: endpoint.id });
      const before = hits;
      await deliverDueWebhooks(handle.db, clock, { ...defaultWebhookPolicy, destinations: strict });
      expect(hits, host).toBe(before);
      const [delivery] = await handle.db
        .select()
        .from(webhookDeliveries)
        .where(eq(webhookDeliveries.id, deliveryId ?? ""));
      expect(delivery?.lastError ?? "").toMatch(/^Destination refused/);
      expect(delivery?.lastError ?? "").not.toContain(String(port));
    }
  });
});

describe("a receiver's answer (H2)", () => {
  it("reads at most 4 KB of a 256 MB answer, so the worker's memory stays flat", async () => {
    const clock = fixedClock(new Date(Date.now() + 2000));
    const endpoint = await createWebhookEndpoint(
      handle.db,
      clock,
      admin,
      endpointInput(`http://127.0.0.1:${port}/huge`),
      loopbackAllowed,
    );
    answerHuge = true;
    hugeBytesSent = 0;
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    const { deliveryId } = await sendWebhookTestEvent(handle.db, clock, admin, { endpointId: endpoint.id });
    await deliverDueWebhooks(handle.db, clock, { ...defaultWebhookPolicy, destinations: loopbackAllowed });
    const grownMb = (process.memoryUsage().rss - rssBefore) / 1024 / 1024;
    answerHuge = false;
    const [delivery] = await handle.db
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.id, deliveryId ?? ""));
    expect(delivery?.lastStatusCode).toBe(200);
    expect(delivery?.status).toBe("SUCCEEDED");
    // The receiver stops once the connection is dropped: far less than the 256 MB it meant to send.
    expect(hugeBytesSent).toBeLessThan(64 * 1024 * 1024);
    expect(grownMb).toBeLessThan(100);
    console.info(
      `256 MB receiver: ${Math.round(hugeBytesSent / 1024 / 1024)} MB written before the hang-up, RSS +${grownMb.toFixed(1)} MB`,
    );
  });
});
