import { type ChildProcess, spawn } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensureDatabase } from "@portway/db/server";
import { e2ePorts } from "./ports";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/**
 * Starts the whole product, exactly as the README start command does (production builds served by `next start`,
 * built once and reused while nothing changes), on its own ports and a fresh database.
 */
export default async function globalSetup() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "portway-e2e-"));
  // As root, the embedded server runs as a "postgres" user that must be able to enter this folder.
  chmodSync(dataDir, 0o755);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORTWAY_DATA_DIR: dataDir,
    CUSTOMER_PORT: String(e2ePorts.customer),
    ADMIN_PORT: String(e2ePorts.admin),
    WORKER_PORT: String(e2ePorts.worker),
    SIMULATOR_PORT: String(e2ePorts.simulator),
    API_PORT: String(e2ePorts.api),
    PORTWAY_PG_PORT: String(e2ePorts.postgres),
    // The webhook test receives events on a loopback receiver it starts.
    WEBHOOK_ALLOW_LOOPBACK: "true",
  };
  if (process.env.E2E_PORT_BASE) {
    env.PORTWAY_NEXT_DIST_DIR = `.next-e2e-${process.env.E2E_PORT_BASE}`;
  }
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${url.pathname.replace(/^\//, "") || "portway"}_test_e2e`;
    env.DATABASE_URL = url.toString();
    await ensureDatabase(env.DATABASE_URL, { recreate: true });
  }
  const child: ChildProcess = spawn(path.join(root, "node_modules", ".bin", "tsx"), ["scripts/start.ts"], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const ready = new Promise<void>((resolve, reject) => {
    // The first start of a checkout builds both portals for production (next build) before it is ready.
    const timer = setTimeout(() => reject(new Error(`Portway did not start within 600 s:\n${output}`)), 600_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Portway is ready")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`Portway exited with code ${code} while starting:\n${output}`));
    });
  });
  await ready;
  return async () => {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGINT");
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  };
}
