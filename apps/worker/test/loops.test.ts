import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb } from "@portway/db";
import { ensureDatabase, findFreePort, migrateDatabase, startEmbeddedPostgres } from "@portway/db/server";
import { fixedClock } from "@portway/services";
import { describe, expect, it } from "vitest";
import { createLoopSet } from "../src/loops";
import { startWorker } from "../src/worker";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("worker loops", () => {
  it("back off after failures, say so once, and say when they recover", async () => {
    const lines: string[] = [];
    const loops = createLoopSet((line) => lines.push(line), { maxBackoffMs: 80 });
    let calls = 0;
    let failing = true;
    loops.every("scan", 5, async () => {
      calls += 1;
      if (failing) {
        throw new Error("connect ECONNREFUSED");
      }
    });
    await sleep(600);
    const callsWhileFailing = calls;
    // Without backoff a 5 ms loop runs about 120 times in 600 ms; doubling up to 80 ms keeps it under 15.
    expect(callsWhileFailing).toBeLessThan(15);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^scan failed: connect ECONNREFUSED; backing off/);
    failing = false;
    await sleep(200);
    expect(lines.at(-1)).toMatch(/^scan recovered after \d+ failed round\(s\)$/);
    await loops.stop();
  });

  it("stop waits for the round in flight (a SIGTERM drains) and starts no new one", async () => {
    const loops = createLoopSet(() => undefined);
    let finished = 0;
    let started = 0;
    loops.every("dispatch", 5, async () => {
      started += 1;
      await sleep(300);
      finished += 1;
    });
    await sleep(50);
    const before = performance.now();
    await loops.stop();
    expect(performance.now() - before).toBeGreaterThan(150);
    expect(finished).toBe(started);
    await sleep(50);
    expect(started).toBe(1);
  });
});

describe("a worker whose database goes away", () => {
  it("logs a few lines, not one per round, and resumes by itself when PostgreSQL is back", async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "portway-worker-outage-"));
    const port = await findFreePort();
    let server = await startEmbeddedPostgres({ dataDir, port });
    const url = server.urlFor("portway_outage");
    await ensureDatabase(url, { recreate: true });
    const handle = createDb(url, { max: 2 });
    await migrateDatabase(handle.db);
    await handle.close();
    const lines: string[] = [];
    const worker = await startWorker({
      databaseUrl: url,
      port: 0,
      partnerUrl: "http://127.0.0.1:9",
      callbackUrl: "http://127.0.0.1:9/partner/callbacks",
      callbackSecret: "outage-test-callback-secret-0123456789",
      clock: fixedClock(new Date("2026-12-07T15:00:00Z")),
      scanIntervalMs: 100,
      reconcileQuietMs: 60_000,
      relayIntervalMs: 50,
      log: (line) => lines.push(line),
    });
    try {
      await sleep(500);
      const healthy = lines.length;
      await server.stop();
      await sleep(4_000);
      const duringOutage = lines.slice(healthy);
      // The relay (50 ms) and scans (100 ms) would fail about 120 times in 4 s without backoff.
      expect(duringOutage.length).toBeGreaterThan(0);
      expect(duringOutage.length).toBeLessThan(12);
      server = await startEmbeddedPostgres({ dataDir, port });
      await expect
        .poll(() => lines.some((line) => /^outbox relay recovered after \d+ failed round/.test(line)), {
          timeout: 45_000,
          interval: 250,
        })
        .toBe(true);
      await expect
        .poll(() => lines.some((line) => /^scans recovered after \d+ failed round/.test(line)), {
          timeout: 45_000,
          interval: 250,
        })
        .toBe(true);
    } finally {
      await worker.stop();
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
