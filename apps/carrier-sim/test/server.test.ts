import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSimulatorServer } from "../src/server";

const server = createSimulatorServer({ now: () => new Date("2026-03-08T12:00:00Z") });
let base = "";

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("carrier simulator", () => {
  it("answers its health endpoint with its own clock", async () => {
    const response = await fetch(`${base}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ name: "carrier-sim", status: "ok", clock: "2026-03-08T12:00:00.000Z" });
  });

  it("answers 404 for unknown paths", async () => {
    expect((await fetch(`${base}/nope`)).status).toBe(404);
  });
});
