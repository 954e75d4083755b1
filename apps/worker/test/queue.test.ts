import type { AddressInfo } from "node:net";
import { createDb, type DbHandle, findHeartbeats } from "@portway/db";
import { fixedClock, heartbeatJob } from "@portway/services";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createWorkerServer } from "../src/http";
import { startQueue, type WorkerQueue } from "../src/queue";

let handle: DbHandle;
let queue: WorkerQueue;

beforeAll(async () => {
  handle = createDb(inject("databaseUrl"));
  queue = await startQueue({
    databaseUrl: inject("databaseUrl"),
    handle,
    clock: fixedClock(new Date("2026-11-30T15:00:00Z")),
    log: () => undefined,
  });
});
afterAll(async () => {
  await queue.stop();
  await handle.close();
});

describe("worker queue", () => {
  it("runs the heartbeat job and records its last run for the admin portal", async () => {
    await queue.boss.send(heartbeatJob, {});
    const deadline = Date.now() + 30_000;
    let beat: Awaited<ReturnType<typeof findHeartbeats>>[number] | undefined;
    while (beat?.lastRunAt.toISOString() !== "2026-11-30T15:00:00.000Z" && Date.now() < deadline) {
      beat = (await findHeartbeats(handle.db)).find((h) => h.name === heartbeatJob);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(beat?.lastRunAt.toISOString()).toBe("2026-11-30T15:00:00.000Z");
    expect(beat?.detail).toMatchObject({ pid: process.pid });
  });

  it("schedules the heartbeat every minute", async () => {
    const schedules = await queue.boss.getSchedules();
    expect(schedules.find((s) => s.name === heartbeatJob)?.cron).toBe("* * * * *");
  });
});

describe("worker http", () => {
  it("answers health", async () => {
    const server = createWorkerServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/health`);
    expect(await response.json()).toEqual({ name: "portway-worker", status: "ok" });
    server.close();
  });
});
