import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { createDb, type DbHandle } from "@portway/db";
import { ensureDatabase, findFreePort, migrateDatabase } from "@portway/db/server";
import { createLogger } from "@portway/observability";
import {
  fixedClock,
  saveDraft,
  seedDemoData,
  seedNumberingData,
  submitPortRequest,
  uploadDraftDocument,
} from "@portway/services";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createLoopSet, workerLog } from "../src/loops";
import { type RunningWorker, startWorker } from "../src/worker";
import { order, start } from "./loop-harness";

let handle: DbHandle;
let partner: Server;
let worker: RunningWorker;
let orderId = "";
/** What the process logger wrote, one JSON object a line, as the worker's main logs. */
const logged: Record<string, unknown>[] = [];

beforeAll(async () => {
  // A database of its own: reconciliation touches every quiet order it finds.
  const url = new URL(inject("databaseUrl"));
  url.pathname = `${url.pathname}_reconcile_log`;
  const databaseUrl = url.toString();
  await ensureDatabase(databaseUrl, { recreate: true });
  handle = createDb(databaseUrl);
  await migrateDatabase(handle.db);
  await seedDemoData(handle.db, { production: false });
  await seedNumberingData(handle.db);
  const clock = fixedClock(start);
  const account = await handle.pool.query("select id from customer_accounts where slug = 'acme-voice'");
  const user = await handle.pool.query("select id from auth_users where account_id = $1 order by email limit 1", [
    account.rows[0].id,
  ]);
  const customer = { accountId: account.rows[0].id as string, userId: user.rows[0].id as string };
  const data = order(["+16172537301"], "RECONCILE-LOG-1");
  const draft = await saveDraft(handle.db, clock, customer, { data });
  await uploadDraftDocument(handle.db, clock, customer, {
    draftId: draft.id,
    kind: "LOA",
    fileName: "loa.pdf",
    contentBase64: Buffer.from(
      "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n",
    ).toString("base64"),
    signedAt: new Date(start.getTime() - 86_400_000).toISOString(),
  });
  orderId = (await submitPortRequest(handle.db, clock, customer, { draftId: draft.id, submission: data })).orders[0]
    ?.id as string;
  // As if the partner had taken the order long ago and its callbacks were lost: reconciliation asks for it.
  await handle.pool.query(
    "update port_orders set partner_order_id = 'PX-RECONCILE-LOG', updated_at = $2 where id = $1",
    [orderId, new Date(start.getTime() - 86_400_000)],
  );
  // A partner on loopback that answers every order with something that is not an order.
  partner = createServer((req, res) => {
    req.resume();
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ unexpected: true }));
  });
  await new Promise<void>((resolve) => partner.listen(0, "127.0.0.1", resolve));
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) {
        logged.push(JSON.parse(line));
      }
      done();
    },
  });
  const workerPort = await findFreePort();
  worker = await startWorker({
    databaseUrl,
    port: workerPort,
    partnerUrl: `http://127.0.0.1:${(partner.address() as AddressInfo).port}`,
    callbackUrl: `http://127.0.0.1:${workerPort}/partner/callbacks`,
    callbackSecret: "reconcile-log-callback-secret-0123456789",
    clock,
    scanIntervalMs: 3_600_000,
    reconcileQuietMs: 60_000,
    relayIntervalMs: 3_600_000,
    log: workerLog(createLogger("worker", sink)),
  });
});
afterAll(async () => {
  await worker?.stop();
  partner?.closeAllConnections();
  await new Promise((resolve) => partner?.close(resolve));
  await handle?.close();
});

describe("a reconciliation the partner cannot answer", () => {
  it("is logged as an error naming the order, with the error and its cause, and the round goes on", async () => {
    await worker.scanNow();
    const line = logged.find((entry) => String(entry.msg).startsWith(`reconciliation of order ${orderId} failed`));
    expect(line, JSON.stringify(logged.map((entry) => entry.msg))).toBeDefined();
    expect(line).toMatchObject({ level: 50, service: "worker" });
    const err = line?.err as { type: string; message: string; stack: string };
    expect(err.type).toBe("PartnerRequestError");
    expect(err.message).toContain("GET /v1/orders/PX-RECONCILE-LOG");
    // pino writes the causes after the message and the stack: the schema's complaint about the answer.
    expect(err.message).toContain("Invalid input");
    expect(err.stack).toMatch(/\ncaused by: ZodError/);
    // The order was still looked at (touched), so the next round waits for it to be quiet again.
    const touched = await handle.pool.query("select updated_at from port_orders where id = $1", [orderId]);
    expect(new Date(touched.rows[0].updated_at).getTime()).toBe(start.getTime());
  });
});

describe("a loop whose round fails", () => {
  it("logs the failure at error with the error and its cause, not only its message", async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(JSON.parse(String(chunk)));
        done();
      },
    });
    const loops = createLoopSet(workerLog(createLogger("worker", sink)));
    loops.every("scans", 5, async () => {
      throw new Error("scan failed", { cause: new Error("connect ECONNREFUSED 127.0.0.1:5432") });
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await loops.stop();
    expect(lines[0]).toMatchObject({
      level: 50,
      msg: expect.stringMatching(/^scans failed: scan failed; backing off/),
    });
    expect((lines[0]?.err as { message?: string } | undefined)?.message).toBe(
      "scan failed: connect ECONNREFUSED 127.0.0.1:5432",
    );
  });
});
