/**
 * Starts the whole product: PostgreSQL (embedded unless DATABASE_URL is set), migrations, demo data, both portals
 * (production builds served by `next start`; `--dev` serves them with hot-reloading `next dev`), the worker, the
 * public API and, outside production, the carrier simulator. Ctrl-C stops everything it started.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createDb, embeddedAppDatabaseUrl } from "@portway/db";
import {
  checkReachable,
  DatabaseStartupError,
  ensureDatabase,
  isPortFree,
  migrateDatabase,
  registerShutdownHook,
  startEmbeddedPostgres,
} from "@portway/db/server";
import { defaultApiPort, readApiEnv } from "@portway/public-api/env";
import {
  ConfigError,
  createSandboxClock,
  DemoSeedRefused,
  defaultPorts,
  demoPassword,
  demoUsers,
  isProduction,
  produceDemoOrders,
  readPort,
  readPortalEnv,
  readWorkerEnv,
  seedDemoCarrierHistory,
  seedDemoData,
  seedNumberingData,
} from "@portway/services";
import { buildPortals } from "./build-portals";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const started = performance.now();
const log = (line: string) => process.stdout.write(`${line}\n`);

interface Service {
  name: string;
  cwd: string;
  command: string;
  args: string[];
  port: number;
  healthPath: string;
  /** Its own DATABASE_URL instead of the apps' one. */
  databaseUrl?: string;
}

function readStartConfig(env: NodeJS.ProcessEnv) {
  const ports = {
    customer: readPort(env, "CUSTOMER_PORT", defaultPorts.customer),
    admin: readPort(env, "ADMIN_PORT", defaultPorts.admin),
    worker: readPort(env, "WORKER_PORT", defaultPorts.worker),
    simulator: readPort(env, "SIMULATOR_PORT", defaultPorts.simulator),
    api: readPort(env, "API_PORT", defaultApiPort),
    postgres: readPort(env, "PORTWAY_PG_PORT", defaultPorts.postgres),
  };
  const dataDir = path.resolve(root, env.PORTWAY_DATA_DIR ?? ".data");
  return {
    ports,
    dataDir,
    databaseUrl: env.DATABASE_URL,
    production: isProduction(env),
    dev: process.argv.includes("--dev"),
    host: env.PORTWAY_BIND_HOST || "127.0.0.1",
  };
}

async function ensurePortsFree(ports: Record<string, number | undefined>) {
  const names: Record<string, string> = {
    customer: "CUSTOMER_PORT (customer portal)",
    admin: "ADMIN_PORT (admin portal)",
    worker: "WORKER_PORT (worker)",
    simulator: "SIMULATOR_PORT (carrier simulator)",
    api: "API_PORT (public API)",
  };
  for (const [key, label] of Object.entries(names)) {
    const port = ports[key];
    if (port !== undefined && !(await isPortFree(port))) {
      throw new ConfigError(
        `Port ${port} is already in use: set ${label} to a free port, or stop what is listening there.`,
      );
    }
  }
}

async function prepareDatabase(config: ReturnType<typeof readStartConfig>): Promise<string> {
  if (config.databaseUrl) {
    await checkReachable(config.databaseUrl);
    return config.databaseUrl;
  }
  mkdirSync(config.dataDir, { recursive: true });
  const shown = path.relative(root, path.join(config.dataDir, "postgres"));
  log(
    `Starting embedded PostgreSQL (data in ${shown.startsWith("..") ? path.join(config.dataDir, "postgres") : shown}, port ${config.ports.postgres})…`,
  );
  const server = await startEmbeddedPostgres({
    dataDir: path.join(config.dataDir, "postgres"),
    port: config.ports.postgres,
  });
  const url = server.urlFor("portway");
  await ensureDatabase(url);
  return url;
}

function spawnService(service: Service, env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(service.command, service.args, {
    cwd: service.cwd,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const prefix = `[${service.name}] `;
  const relay = (stream: NodeJS.ReadableStream | null, out: NodeJS.WriteStream) => {
    let buffered = "";
    stream?.on("data", (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines) {
        // biome-ignore lint/suspicious/noControlCharactersInRegex: strips terminal control sequences from child output
        if (line.replace(/\u001b\[[0-9;?]*[a-zA-Z]/g, "").trim()) {
          out.write(`${prefix}${line}\n`);
        }
      }
    });
  };
  relay(child.stdout, process.stdout);
  relay(child.stderr, process.stderr);
  return child;
}

async function waitForHealth(service: Service, child: ChildProcess, timeoutMs: number) {
  const url = `http://127.0.0.1:${service.port}${service.healthPath}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`${service.name} exited with code ${child.exitCode} before it was ready (see its output above).`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(15_000) });
      if (response.ok) {
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${service.name} did not answer ${url} within ${Math.round(timeoutMs / 1000)} s.`);
}

function stopChildren(children: ChildProcess[]): Promise<void> {
  const alive = children.filter((child) => child.exitCode === null && child.signalCode === null && child.pid);
  for (const child of alive) {
    try {
      process.kill(-(child.pid as number), "SIGTERM");
    } catch {
      // already gone
    }
  }
  return Promise.all(
    alive.map(
      (child) =>
        new Promise<void>((resolve) => {
          const force = setTimeout(() => {
            try {
              process.kill(-(child.pid as number), "SIGKILL");
            } catch {
              // already gone
            }
            resolve();
          }, 8_000);
          child.once("exit", () => {
            clearTimeout(force);
            resolve();
          });
        }),
    ),
  ).then(() => undefined);
}

async function main() {
  const config = readStartConfig(process.env);
  if (config.production && config.dev) {
    throw new ConfigError(
      "npm run dev is for development: unset NODE_ENV=production (or PORTWAY_ENV), or use npm start.",
    );
  }
  const ports = config.production ? { ...config.ports, simulator: undefined } : config.ports;
  await ensurePortsFree(ports);
  const appEnv: NodeJS.ProcessEnv = {
    ...process.env,
    CUSTOMER_PORT: String(config.ports.customer),
    ADMIN_PORT: String(config.ports.admin),
    WORKER_PORT: String(config.ports.worker),
    SIMULATOR_PORT: String(config.ports.simulator),
    API_PORT: String(config.ports.api),
    NEXT_TELEMETRY_DISABLED: "1",
    // `next start` sets NODE_ENV=production in the portals whatever mode Portway runs in: say the mode explicitly.
    PORTWAY_ENV: config.production ? "production" : "development",
  };
  // Validate every app's configuration first, so a mistake is one line now rather than a crash in a child later.
  const withDatabase = { ...appEnv, DATABASE_URL: config.databaseUrl ?? "postgres://embedded" };
  readPortalEnv(withDatabase, "customer");
  readPortalEnv(withDatabase, "admin");
  readWorkerEnv(withDatabase);
  readApiEnv(withDatabase);
  if (!config.dev) {
    await buildPortals(root, appEnv, log);
  }
  // The owner migrates and seeds; the apps connect as the least-privilege role the migrations create: with
  // DATABASE_URL, a login of that role (MIGRATION_DATABASE_URL the owner's, else DATABASE_URL migrates too); with
  // the embedded server, its role portway_app.
  const ownerUrl = process.env.MIGRATION_DATABASE_URL || (await prepareDatabase(config));
  if (process.env.MIGRATION_DATABASE_URL) {
    await checkReachable(ownerUrl);
  }

  const handle = createDb(ownerUrl, { max: 2, applicationName: "portway-start" });
  try {
    await migrateDatabase(handle.db);
    const numbering = await seedNumberingData(handle.db);
    if (numbering.created) {
      log("Sample numbering data loaded.");
    }
    if (!config.production) {
      const seeded = await seedDemoData(handle.db, { production: false });
      log(seeded.created ? "Demo data created." : "Demo data already present.");
      const history = await seedDemoCarrierHistory(handle.db, { production: false, now: new Date() });
      if (history.created > 0) {
        log(`Demo carrier history: ${history.created} finished orders of the last 90 days, statistics computed.`);
      }
    }
  } finally {
    await handle.close();
  }
  const databaseUrl = config.databaseUrl ?? (await embeddedAppDatabaseUrl(ownerUrl));
  const childEnv: NodeJS.ProcessEnv = { ...appEnv, DATABASE_URL: databaseUrl };

  const nextBin = (app: string) => path.join(root, "apps", app, "node_modules", ".bin", "next");
  const tsxBin = (app: string) => path.join(root, "apps", app, "node_modules", ".bin", "tsx");
  const nextMode = (port: number) =>
    config.dev ? ["dev", "-p", String(port), "-H", config.host] : ["start", "-p", String(port), "-H", config.host];
  // The simulator is the sandbox partner: never started in production, where PARTNER_URL is the real partner.
  const simulator: Service[] = config.production
    ? []
    : [
        {
          name: "simulator",
          cwd: path.join(root, "apps/carrier-sim"),
          command: tsxBin("carrier-sim"),
          args: ["src/main.ts"],
          port: config.ports.simulator,
          healthPath: "/health",
          // The sandbox partner keeps its own schema, which it creates itself: it is not one of the apps.
          databaseUrl: ownerUrl,
        },
      ];
  const services: Service[] = [
    ...simulator,
    {
      name: "worker",
      cwd: path.join(root, "apps/worker"),
      command: tsxBin("worker"),
      args: ["src/main.ts"],
      port: config.ports.worker,
      healthPath: "/health",
    },
    {
      name: "api",
      cwd: path.join(root, "apps/public-api"),
      command: tsxBin("public-api"),
      args: ["src/main.ts"],
      port: config.ports.api,
      healthPath: "/health",
    },
    {
      name: "customer",
      cwd: path.join(root, "apps/customer"),
      command: nextBin("customer"),
      args: nextMode(config.ports.customer),
      port: config.ports.customer,
      healthPath: "/api/health",
    },
    {
      name: "admin",
      cwd: path.join(root, "apps/admin"),
      command: nextBin("admin"),
      args: nextMode(config.ports.admin),
      port: config.ports.admin,
      healthPath: "/api/health",
    },
  ];
  const children = services.map((service) =>
    spawnService(service, service.databaseUrl ? { ...childEnv, DATABASE_URL: service.databaseUrl } : childEnv),
  );
  registerShutdownHook(async () => {
    log("Stopping Portway…");
    await stopChildren(children);
  });
  for (const [index, service] of services.entries()) {
    const child = children[index];
    if (child) {
      child.once("exit", (code, signal) => {
        if (!shuttingDown) {
          process.stderr.write(
            `${service.name} stopped unexpectedly (${signal ?? `exit code ${code}`}); stopping Portway.\n`,
          );
          process.kill(process.pid, "SIGTERM");
        }
      });
    }
  }
  process.once("SIGINT", () => {
    shuttingDown = true;
  });
  process.once("SIGTERM", () => {
    shuttingDown = true;
  });

  await Promise.all(services.map((service, index) => waitForHealth(service, children[index] as ChildProcess, 180_000)));
  if (!config.production) {
    await produceDemoPortIns(databaseUrl, config.ports.worker);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const width = Math.max(...demoUsers.map((u) => u.email.length));
  log("");
  log(
    `Portway is ready (${seconds} s, ${config.dev ? "development servers, next dev" : "production builds, next start"}).`,
  );
  log(`  Customer portal    http://localhost:${config.ports.customer}`);
  log(`  Admin portal       http://localhost:${config.ports.admin}`);
  log(
    `  Public API         http://localhost:${config.ports.api}/v1 (reference: http://localhost:${config.ports.api}/docs)`,
  );
  log(`  Worker             http://127.0.0.1:${config.ports.worker}/health`);
  if (!config.production) {
    log(`  Carrier simulator  http://127.0.0.1:${config.ports.simulator}/health`);
  }
  log(
    `  Database           ${config.databaseUrl ? "DATABASE_URL" : `embedded PostgreSQL on 127.0.0.1:${config.ports.postgres}`}`,
  );
  if (!config.production) {
    log(`Demo logins (password for all: ${demoPassword}):`);
    for (const user of demoUsers) {
      const where = user.kind === "staff" ? "admin portal" : "customer portal";
      log(`  ${user.email.padEnd(width)}  ${user.role.padEnd(7)} ${where}${user.account ? ` (${user.account})` : ""}`);
    }
  }
  log("Press Ctrl-C to stop.");
}

/**
 * On a first start, runs demo port-ins through the worker and the simulator until the demo account has an order
 * in every status. A failure leaves a working product without them, and says so.
 */
async function produceDemoPortIns(databaseUrl: string, workerPort: number) {
  const handle = createDb(databaseUrl, { max: 2, applicationName: "portway-demo-orders" });
  try {
    const clock = createSandboxClock(handle.db);
    const produced = await produceDemoOrders({
      db: handle.db,
      clock,
      log,
      moveClockTo: async (at) => {
        const response = await fetch(`http://127.0.0.1:${workerPort}/sandbox/clock`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ set: at.toISOString() }),
        });
        if (!response.ok) {
          throw new Error(`the sandbox clock did not move: ${response.status} ${await response.text()}`);
        }
        await clock.refresh();
      },
    });
    if (produced > 0) {
      log(`Demo port-ins produced through the simulator: ${produced} orders in every status (Acme Voice).`);
    }
  } catch (error) {
    log(`Demo port-ins could not be produced: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await handle.close();
  }
}

let shuttingDown = false;

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DatabaseStartupError || error instanceof DemoSeedRefused) {
    process.stderr.write(`Portway cannot start: ${error.message}\n`);
  } else {
    process.stderr.write(`Portway cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  shuttingDown = true;
  process.exit(1);
});
