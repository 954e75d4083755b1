import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { ensureDatabase } from "@portway/db/server";
import { customerUrl, e2ePorts } from "../ports";
import { findProcesses, repoRoot, startProcess, waitForHealthy, waitForOutput } from "./processes";
import { signIn } from "./sign-in";
import { productDatabaseUrl, readCustomerOrder, submitOrderViaApi, waitForPon } from "./trpc";

/**
 * How Portway is deployed: N stateless portal and worker processes on one PostgreSQL, and a production mode that
 * refuses to start half-configured and never runs the sandbox.
 */
const distDir = process.env.E2E_PORT_BASE ? `.next-e2e-${process.env.E2E_PORT_BASE}` : ".next";
const extra = { customer: e2ePorts.customer + 40, worker: e2ePorts.worker + 40 };
const tsx = path.join(repoRoot, "node_modules", ".bin", "tsx");

function baseEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PORTWAY_NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" };
  for (const name of ["DATABASE_URL", "NODE_ENV", "PORTWAY_ENV", "PARTNER_URL", "SIMULATOR_URL"]) {
    delete env[name];
  }
  return env;
}

test("two portals and two workers share one database: a session from one portal works on the other, the second worker carries the orders while the first is paused", async ({
  page,
}) => {
  test.setTimeout(240_000);
  const shared = {
    ...baseEnv(),
    DATABASE_URL: productDatabaseUrl(),
    PORTWAY_ENV: "development",
    SIMULATOR_PORT: String(e2ePorts.simulator),
  };
  const portal = startProcess(
    path.join(repoRoot, "apps/customer/node_modules/.bin/next"),
    ["start", "-p", String(extra.customer), "-H", "127.0.0.1"],
    { cwd: path.join(repoRoot, "apps/customer"), env: { ...shared, CUSTOMER_PORT: String(extra.customer) } },
  );
  const worker = startProcess(tsx, ["src/main.ts"], {
    cwd: path.join(repoRoot, "apps/worker"),
    env: {
      ...shared,
      WORKER_PORT: String(extra.worker),
      PARTNER_CALLBACK_URL: `http://127.0.0.1:${extra.worker}/partner/callbacks`,
    },
  });
  const firstWorker = findProcesses(path.join(repoRoot, "apps/worker"), `WORKER_PORT=${e2ePorts.worker}`);
  try {
    await waitForHealthy(`http://127.0.0.1:${extra.customer}/api/health`, portal);
    await waitForHealthy(`http://127.0.0.1:${extra.worker}/health`, worker);

    // Signed in on the first portal; the second process, with no state of its own, knows the session.
    await signIn(page, customerUrl, "admin@acme.test");
    await expect(page).not.toHaveURL(/sign-in/);
    await page.goto(`http://localhost:${extra.customer}/orders`);
    await expect(page).toHaveURL(`http://localhost:${extra.customer}/orders`);
    await expect(page.getByRole("heading", { name: "Port-in orders", level: 1 })).toBeVisible();

    // With the first worker paused, the second relays and dispatches the new orders to the partner.
    expect(firstWorker.length).toBeGreaterThan(0);
    for (const pid of firstWorker) {
      process.kill(pid, "SIGSTOP");
    }
    const orderIds = [];
    for (const [index, tn] of ["+16172539101", "+16172539102", "+16172539103"].entries()) {
      orderIds.push(await submitOrderViaApi(page, { tns: [tn], reference: `SCALE-OUT-${index}` }));
    }
    for (const orderId of orderIds) {
      await waitForPon(page, orderId);
      expect((await readCustomerOrder(page, orderId)).order.pon).toMatch(/^\d{9}$/);
    }
    const portalMetrics = await (await fetch(`${customerUrl}/metrics`)).text();
    expect(portalMetrics).toContain('route="trpc submissions.submit",method="POST",status="200"');
    const metrics = await (await fetch(`http://127.0.0.1:${extra.worker}/metrics`)).text();
    expect(metrics).toMatch(
      /portway_partner_request_duration_seconds_count\{operation="POST \/v1\/orders",outcome="ok"\} [3-9]/,
    );
  } finally {
    for (const pid of firstWorker) {
      try {
        process.kill(pid, "SIGCONT");
      } catch {
        // gone
      }
    }
    await worker.stop("SIGTERM");
    await portal.stop("SIGTERM");
  }
  // SIGTERM drains and exits cleanly.
  expect(await worker.exited).toBe(0);
});

test("in production, a missing PARTNER_URL stops the start with one line naming it; a complete configuration starts no simulator and no sandbox clock", async () => {
  test.setTimeout(300_000);
  const partner = http.createServer((_request, response) => {
    response.writeHead(200, { "content-type": "application/json" });
    response.end('{"status":"ok"}');
  });
  await new Promise<void>((resolve) => partner.listen(0, "127.0.0.1", resolve));
  const partnerPort = (partner.address() as AddressInfo).port;
  const database = new URL(productDatabaseUrl());
  database.pathname = "/portway_production_check";
  await ensureDatabase(database.toString(), { recreate: true });
  const ports = {
    CUSTOMER_PORT: String(e2ePorts.customer + 50),
    ADMIN_PORT: String(e2ePorts.admin + 50),
    WORKER_PORT: String(e2ePorts.worker + 50),
    SIMULATOR_PORT: String(e2ePorts.simulator + 50),
  };
  const production: NodeJS.ProcessEnv = {
    ...baseEnv(),
    ...ports,
    NODE_ENV: "production",
    DATABASE_URL: database.toString(),
    PORTWAY_AUTH_SECRET: "p".repeat(48),
    PARTNER_CALLBACK_SECRET: "c".repeat(48),
    CUSTOMER_URL: "https://portal.example.com",
    ADMIN_URL: "https://admin.example.com",
    SMTP_URL: "smtp://127.0.0.1:9",
  };
  try {
    const refused = startProcess(tsx, ["scripts/start.ts"], { cwd: repoRoot, env: production });
    expect(await refused.exited).toBe(1);
    expect(refused.output()).toContain("Portway cannot start: PARTNER_URL is missing");
    expect(refused.output().trim().split("\n")).toHaveLength(1);

    const started = startProcess(tsx, ["scripts/start.ts"], {
      cwd: repoRoot,
      env: { ...production, PARTNER_URL: `http://127.0.0.1:${partnerPort}` },
    });
    try {
      await waitForOutput(started, "Portway is ready");
      expect(started.output()).toContain("production builds, next start");
      expect(started.output()).not.toContain("[simulator]");
      expect(findProcesses(path.join(repoRoot, "apps/carrier-sim"), `SIMULATOR_PORT=${ports.SIMULATOR_PORT}`)).toEqual(
        [],
      );
      await expect(fetch(`http://127.0.0.1:${ports.SIMULATOR_PORT}/health`)).rejects.toThrow();
      const worker = `http://127.0.0.1:${ports.WORKER_PORT}`;
      expect((await fetch(`${worker}/health`)).status).toBe(200);
      expect((await fetch(`${worker}/sandbox/clock`)).status).toBe(404);
      expect((await fetch(`${worker}/sandbox/clock`, { method: "POST", body: '{"advanceMs":1}' })).status).toBe(404);
      expect((await fetch(`http://127.0.0.1:${ports.CUSTOMER_PORT}/api/health`)).status).toBe(200);
    } finally {
      await started.stop("SIGINT");
    }
  } finally {
    partner.close();
  }
});
