/**
 * The whole test suite, as the README and CI run it: Biome, type check, unit and integration tests of every package
 * against a real PostgreSQL, then the browser journeys. Prints one closing line with the counts.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
const started = performance.now();

const stepSeconds = new Map<string, number>();

function step(title: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): boolean {
  process.stdout.write(`\n=== ${title}\n`);
  const t0 = performance.now();
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  const ok = result.status === 0;
  const seconds = (performance.now() - t0) / 1000;
  stepSeconds.set(title, seconds);
  process.stdout.write(`=== ${title}: ${ok ? "ok" : "FAILED"} (${seconds.toFixed(1)} s)\n`);
  return ok;
}

function findChromium(): string | null {
  for (const candidate of [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"]) {
    if (candidate && existsSync(candidate)) {
      return candidate;
    }
  }
  return null;
}

/** Debian's Chromium drives the browser tests; install it when missing (Playwright cannot download browsers here). */
function ensureChromium(): string {
  const found = findChromium();
  if (found) {
    return found;
  }
  if (process.getuid?.() !== 0) {
    throw new Error(
      "Chromium is missing: install Debian's chromium package (sudo apt-get install -y chromium), or set CHROMIUM_PATH.",
    );
  }
  process.stdout.write("Installing Debian's chromium for the browser tests…\n");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  spawnSync("apt-get", ["update"], { stdio: "inherit", env });
  spawnSync("apt-get", ["install", "-y", "--no-install-recommends", "chromium"], { stdio: "inherit", env });
  const installed = findChromium();
  if (!installed) {
    throw new Error("Installing chromium with apt-get failed (see above).");
  }
  return installed;
}

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

function readVitestCounts(file: string): Counts {
  const report = JSON.parse(readFileSync(file, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  };
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
  };
}

function readPlaywrightCounts(file: string): Counts {
  const report = JSON.parse(readFileSync(file, "utf8")) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  };
  return {
    passed: report.stats.expected + report.stats.flaky,
    failed: report.stats.unexpected,
    skipped: report.stats.skipped,
  };
}

const resultFiles = {
  vitest: [
    "packages/domain",
    "packages/observability",
    "packages/db",
    "packages/partner",
    "packages/services",
    "packages/api",
    "apps/worker",
    "apps/carrier-sim",
    "apps/public-api",
  ].map((dir) => path.join(root, dir, "test-results", "vitest.json")),
  playwright: path.join(root, "e2e", "test-results", "playwright.json"),
};

function main(): number {
  for (const file of [...resultFiles.vitest, resultFiles.playwright]) {
    rmSync(file, { force: true });
  }
  const chromium = ensureChromium();
  const results = [
    step("Biome (lint and format)", bin("biome"), ["check", "."]),
    step("Type check", bin("turbo"), ["run", "typecheck", "--output-logs=errors-only"]),
    step("Unit and integration tests", bin("turbo"), [
      "run",
      "test",
      "--concurrency=3",
      "--",
      "--reporter=default",
      "--reporter=json",
      "--outputFile.json=test-results/vitest.json",
    ]),
    step("Browser tests", bin("turbo"), ["run", "e2e"], { CHROMIUM_PATH: chromium }),
  ];
  const total: Counts = { passed: 0, failed: 0, skipped: 0 };
  const add = (counts: Counts) => {
    total.passed += counts.passed;
    total.failed += counts.failed;
    total.skipped += counts.skipped;
  };
  for (const file of resultFiles.vitest) {
    if (existsSync(file)) {
      add(readVitestCounts(file));
    }
  }
  if (existsSync(resultFiles.playwright)) {
    add(readPlaywrightCounts(resultFiles.playwright));
  }
  const failedSteps = results.filter((ok) => !ok).length;
  const timings = [...stepSeconds].map(([title, seconds]) => `${title.toLowerCase()} ${seconds.toFixed(0)} s`);
  process.stdout.write(
    `\nTest suite finished in ${((performance.now() - started) / 1000).toFixed(0)} s (${timings.join(", ")}); ${failedSteps} step(s) failed.\n`,
  );
  process.stdout.write(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped\n`);
  return failedSteps === 0 && total.failed === 0 && total.passed > 0 ? 0 : 1;
}

try {
  process.exit(main());
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
