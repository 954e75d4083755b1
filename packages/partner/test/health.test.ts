import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { checkPartnerHealth } from "../src/index";

const servers: http.Server[] = [];

async function serve(handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

describe("checkPartnerHealth", () => {
  it("reports up with the partner's name when /health answers 200", async () => {
    const url = await serve((req, res) => {
      res.writeHead(req.url === "/health" ? 200 : 404, { "content-type": "application/json" });
      res.end(JSON.stringify({ name: "carrier-sim" }));
    });
    const health = await checkPartnerHealth(url);
    expect(health).toMatchObject({ up: true, name: "carrier-sim" });
  });

  it("reports down with the HTTP status when the partner errs", async () => {
    const url = await serve((_req, res) => {
      res.writeHead(503);
      res.end();
    });
    expect(await checkPartnerHealth(url)).toEqual({ up: false, reason: "HTTP 503" });
  });

  it("reports down, without throwing, when nothing listens or it hangs", async () => {
    const closed = await checkPartnerHealth("http://127.0.0.1:9");
    expect(closed.up).toBe(false);
    const hanging = await serve(() => undefined);
    const slow = await checkPartnerHealth(hanging, 200);
    expect(slow.up).toBe(false);
  });
});
