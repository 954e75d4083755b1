import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import {
  createLogger,
  httpRequestDuration,
  instrumentRoute,
  metricsResponse,
  renderMetrics,
  requestIdFrom,
  trpcRouteOf,
  withLogContext,
} from "../src/index";

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of chunk.toString().split("\n").filter(Boolean)) {
        lines.push(JSON.parse(line));
      }
      done();
    },
  });
  return { lines, stream };
}

describe("logger", () => {
  it("writes one JSON object a line with the service and the request ID of the context, across awaits", async () => {
    const { lines, stream } = capture();
    const log = createLogger("worker", stream);
    await withLogContext({ requestId: "req-12345678" }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      log.info({ orderId: "o1" }, "dispatched");
    });
    log.info("outside");
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(lines[0]).toMatchObject({ service: "worker", requestId: "req-12345678", orderId: "o1", msg: "dispatched" });
    expect(lines[1]?.requestId).toBeUndefined();
  });

  it("keeps a sane caller request ID and replaces a hostile one", () => {
    expect(requestIdFrom("abc-12345678")).toBe("abc-12345678");
    const replaced = requestIdFrom('x\n{"admin":true}');
    expect(replaced).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFrom(undefined)).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("metrics", () => {
  it("renders observed HTTP latency in the Prometheus text format", async () => {
    httpRequestDuration.observe({ route: "/api/health", method: "GET", status: "200" }, 0.012);
    const { contentType, body } = await renderMetrics();
    expect(contentType).toContain("text/plain");
    expect(body).toContain(
      'portway_http_request_duration_seconds_count{route="/api/health",method="GET",status="200"} 1',
    );
    expect(body).toContain("# TYPE portway_queue_depth gauge");
  });
});

describe("metrics endpoint and instrumented routes", () => {
  const request = (headers: Record<string, string> = {}) => new Request("http://portal.test/metrics", { headers });

  it("is open in development, token-only with a token, and absent in production without one", async () => {
    expect((await metricsResponse(request(), { production: false, token: null })).status).toBe(200);
    expect((await metricsResponse(request(), { production: true, token: null })).status).toBe(404);
    expect((await metricsResponse(request(), { production: true, token: "t0ken-t0ken" })).status).toBe(401);
    const allowed = await metricsResponse(request({ authorization: "Bearer t0ken-t0ken" }), {
      production: true,
      token: "t0ken-t0ken",
    });
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toContain("portway_http_request_duration_seconds");
  });

  it("times a route under its tRPC procedure label and answers with the request ID, a thrown error counted as 500", async () => {
    const ok = instrumentRoute(trpcRouteOf, () => new Response("{}", { status: 200 }));
    const response = await ok(
      new Request("http://portal.test/api/trpc/orders.list?batch=1", { headers: { "x-request-id": "abcdef-123456" } }),
    );
    expect(response.headers.get("x-request-id")).toBe("abcdef-123456");
    const failing = instrumentRoute("auth", () => {
      throw new Error("boom");
    });
    await expect(failing(new Request("http://portal.test/api/auth/sign-in", { method: "POST" }))).rejects.toThrow(
      "boom",
    );
    const { body } = await renderMetrics();
    expect(body).toContain('route="trpc orders.list",method="GET",status="200"} 1');
    expect(body).toContain('route="auth",method="POST",status="500"} 1');
  });
});
