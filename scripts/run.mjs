#!/usr/bin/env node
// Entry point of the README's two commands (`npm start`, `npm test`) on a machine with only Node.js and npm:
// installs the workspace with the pinned pnpm, then hands over to the real script.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const PNPM = "pnpm@12.4.2";

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", ...options });
  if (result.error) {
    console.error(`${command}: ${result.error.message}`);
    return 1;
  }
  return result.status ?? 1;
}

function pnpmCommand() {
  const probe = spawnSync("pnpm", ["--version"], { encoding: "utf8" });
  if (probe.status === 0 && probe.stdout.trim() === "12.4.2") {
    return ["pnpm", []];
  }
  return ["npx", ["-y", PNPM]];
}

function install() {
  const [command, prefix] = pnpmCommand();
  const status = run(command, [...prefix, "install", "--frozen-lockfile", "--reporter=silent"], {
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" },
  });
  if (status !== 0) {
    console.error("Installing the workspace failed (see above). Is the npm registry reachable?");
    process.exit(status);
  }
}

const [task, ...rest] = process.argv.slice(2);
if (task !== "start" && task !== "test") {
  console.error("usage: node scripts/run.mjs start|test");
  process.exit(2);
}
install();
const tsx = path.join(root, "node_modules", ".bin", "tsx");
if (!existsSync(tsx)) {
  console.error("tsx is missing after install; delete node_modules and try again.");
  process.exit(1);
}
// Ctrl-C reaches the child too (same process group); this process just waits for it to finish cleaning up.
process.on("SIGINT", () => undefined);
process.on("SIGTERM", () => undefined);
const script = task === "start" ? "scripts/start.ts" : "scripts/test.ts";
process.exit(
  run(tsx, [script, ...rest], { env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", TURBO_TELEMETRY_DISABLED: "1" } }),
);
