#!/usr/bin/env node
// Entry point of the README's commands (`npm start`, `npm test`, `npm run dev`) on a machine with only Node.js and
// npm: installs the workspace with the project's own pinned pnpm, then hands over to the real script with the
// project's bin folder first on PATH, so that turbo, tsx and every child find the project's tools and never a
// global one (which a fresh machine does not have, or has at another version).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const manifest = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
const pnpmVersion = manifest.devDependencies.pnpm;
const binDir = path.join(root, "node_modules", ".bin");
const env = {
  ...process.env,
  PATH: [binDir, process.env.PATH ?? ""].join(path.delimiter),
  NEXT_TELEMETRY_DISABLED: "1",
  TURBO_TELEMETRY_DISABLED: "1",
  COREPACK_ENABLE_STRICT: "0",
};

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env });
  if (result.error) {
    console.error(`${command}: ${result.error.message}`);
    return 1;
  }
  return result.status ?? 1;
}

/** The project's own pnpm once installed; before the first install, the same version through npm's exec. */
function pnpmCommand() {
  const local = path.join(binDir, "pnpm");
  if (existsSync(local)) {
    const probe = spawnSync(local, ["--version"], { encoding: "utf8", env });
    if (probe.status === 0 && probe.stdout.trim() === pnpmVersion) {
      return [local, []];
    }
  }
  // `npm exec --package` puts the fetched package's bin folder first on PATH and runs its pnpm, whatever else is
  // installed on the machine.
  return ["npm", ["exec", "--yes", `--package=pnpm@${pnpmVersion}`, "--", "pnpm"]];
}

function install() {
  const [command, prefix] = pnpmCommand();
  const status = run(command, [...prefix, "install", "--frozen-lockfile", "--reporter=silent"]);
  if (status !== 0) {
    console.error("Installing the workspace failed (see above). Is the npm registry reachable?");
    process.exit(status);
  }
}

const scripts = {
  start: "scripts/start.ts",
  dev: "scripts/start.ts",
  test: "scripts/test.ts",
  migrate: "scripts/migrate.ts",
};
const [task, ...rest] = process.argv.slice(2);
if (!(task in scripts)) {
  console.error("usage: node scripts/run.mjs start|dev|test|migrate");
  process.exit(2);
}
install();
const tsx = path.join(binDir, "tsx");
if (!existsSync(tsx)) {
  console.error("tsx is missing after install; delete node_modules and try again.");
  process.exit(1);
}
// Ctrl-C reaches the child too (same process group); this process just waits for it to finish cleaning up.
process.on("SIGINT", () => undefined);
process.on("SIGTERM", () => undefined);
const args = task === "dev" ? ["--dev", ...rest] : rest;
process.exit(run(tsx, [scripts[task], ...args]));
