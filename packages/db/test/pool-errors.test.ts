import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, inject, it } from "vitest";

const here = path.dirname(fileURLToPath(import.meta.url));
const tsx = path.resolve(here, "../../../node_modules/.bin/tsx");

describe("a pool client that loses its connection", () => {
  it("is logged with its cause (the terminated backend) and the process goes on", () => {
    const run = spawnSync(tsx, [path.join(here, "fixtures", "idle-client-error.ts"), inject("databaseUrl")], {
      encoding: "utf8",
      timeout: 60_000,
      env: { ...process.env, LOG_LEVEL: "info" },
    });
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const logged = lines.find((line) => line.client === "idle");
    expect(logged, run.stdout).toBeDefined();
    expect(logged).toMatchObject({ level: 50, pool: "idle-error-probe" });
    expect(String(logged?.msg)).toMatch(/idle client of the idle-error-probe pool lost its connection/);
    // The cause: PostgreSQL's own error, with its code (57P01: admin_shutdown).
    const err = logged?.err as { message: string; code: string; stack: string };
    expect(err.message).toMatch(/terminating connection due to administrator command/);
    expect(err.code).toBe("57P01");
    expect(err.stack).toContain("error");
    const alive = lines.find((line) => "alive" in line);
    expect(alive).toMatchObject({ alive: true });
  });
});
