/**
 * Production builds of the portals for `npm start` and the browser tests: `next build` of each portal, skipped when
 * nothing that goes into it changed since its last build (a content hash of the sources, manifests, lockfile and
 * build-time settings, stored under `.data/builds/`).
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

export type Portal = "customer" | "admin";

/** Folders whose files can go into a portal's build; everything generated or installed is left out. */
const inputs = [
  "apps/{portal}",
  "packages",
  "package.json",
  "pnpm-lock.yaml",
  "pnpm-workspace.yaml",
  "tsconfig.base.json",
];
/** Written by `next build` and `next typegen` themselves. */
const generatedFiles = new Set(["next-env.d.ts", "tsconfig.tsbuildinfo"]);
const skippedNames = new Set(["node_modules", ".data", ".turbo", "test-results", "test", "bench", "coverage"]);

function listFiles(root: string, relative: string, out: string[]) {
  const absolute = path.join(root, relative);
  if (!existsSync(absolute)) {
    return;
  }
  if (statSync(absolute).isFile()) {
    out.push(relative);
    return;
  }
  for (const entry of readdirSync(absolute, { withFileTypes: true })) {
    if (skippedNames.has(entry.name) || entry.name.startsWith(".next") || generatedFiles.has(entry.name)) {
      continue;
    }
    const child = path.join(relative, entry.name);
    if (entry.isDirectory()) {
      listFiles(root, child, out);
    } else if (entry.isFile()) {
      out.push(child);
    }
  }
}

/** The hash of everything a portal's build depends on, build-time settings (`NEXT_PUBLIC_*`, the dist dir) included. */
export function buildInputHash(root: string, portal: Portal, env: NodeJS.ProcessEnv): string {
  const files: string[] = [];
  for (const input of inputs) {
    listFiles(root, input.replace("{portal}", portal), files);
  }
  files.sort();
  const hash = createHash("sha256");
  for (const file of files) {
    hash
      .update(file)
      .update("\0")
      .update(readFileSync(path.join(root, file)))
      .update("\0");
  }
  const settings = Object.entries(env)
    .filter(([name]) => name.startsWith("NEXT_PUBLIC_") || name === "PORTWAY_NEXT_DIST_DIR")
    .sort(([a], [b]) => a.localeCompare(b));
  hash.update(JSON.stringify(settings));
  return hash.digest("hex");
}

function distDirOf(env: NodeJS.ProcessEnv) {
  return env.PORTWAY_NEXT_DIST_DIR ?? ".next";
}

function stampFile(root: string, portal: Portal, env: NodeJS.ProcessEnv) {
  return path.join(root, ".data", "builds", `${portal}${distDirOf(env).replace(/[^A-Za-z0-9_-]/g, "_")}.hash`);
}

/** Whether the portal's last build is of exactly these inputs and is still on disk. */
export function isBuildCurrent(root: string, portal: Portal, env: NodeJS.ProcessEnv, hash: string): boolean {
  const stamp = stampFile(root, portal, env);
  const buildId = path.join(root, "apps", portal, distDirOf(env), "BUILD_ID");
  return existsSync(stamp) && existsSync(buildId) && readFileSync(stamp, "utf8").trim() === hash;
}

function runBuild(root: string, portal: Portal, env: NodeJS.ProcessEnv, log: (line: string) => void) {
  const cwd = path.join(root, "apps", portal);
  return new Promise<void>((resolve, reject) => {
    const child = spawn(path.join(cwd, "node_modules", ".bin", "next"), ["build"], {
      cwd,
      env: { ...env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once("error", reject);
    child.once("exit", (code) => {
      if (code === 0) {
        resolve();
      } else {
        log(output);
        reject(new Error(`next build of the ${portal} portal failed (exit code ${code}); its output is above.`));
      }
    });
  });
}

/** Builds the portals whose inputs changed, both at once; returns which were built and which were current. */
export async function buildPortals(
  root: string,
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
): Promise<{ built: Portal[]; skipped: Portal[]; seconds: number }> {
  const started = performance.now();
  const portals: Portal[] = ["customer", "admin"];
  const hashes = new Map(portals.map((portal) => [portal, buildInputHash(root, portal, env)]));
  const stale = portals.filter((portal) => !isBuildCurrent(root, portal, env, hashes.get(portal) ?? ""));
  const skipped = portals.filter((portal) => !stale.includes(portal));
  if (skipped.length > 0) {
    log(`Production build of ${skipped.join(" and ")} skipped: nothing changed since the last build.`);
  }
  if (stale.length > 0) {
    log(`Building ${stale.join(" and ")} for production (next build)…`);
    await Promise.all(stale.map((portal) => runBuild(root, portal, env, log)));
    for (const portal of stale) {
      const stamp = stampFile(root, portal, env);
      mkdirSync(path.dirname(stamp), { recursive: true });
      writeFileSync(stamp, `${hashes.get(portal)}\n`);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  if (stale.length > 0) {
    log(`Built ${stale.join(" and ")} in ${seconds.toFixed(1)} s.`);
  }
  return { built: stale, skipped, seconds };
}
