import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

export interface RunningProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  stop: (signal?: NodeJS.Signals) => Promise<void>;
}

/** Starts a product process in its own process group, keeping its output for assertions and failure messages. */
export function startProcess(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }) {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, detached: true, stdio: "pipe" });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const stop = async (signal: NodeJS.Signals = "SIGTERM") => {
    if (child.exitCode !== null || child.signalCode !== null) {
      return;
    }
    try {
      process.kill(-(child.pid as number), signal);
    } catch {
      return;
    }
    const force = setTimeout(() => {
      try {
        process.kill(-(child.pid as number), "SIGKILL");
      } catch {
        // gone
      }
    }, 15_000);
    await exited;
    clearTimeout(force);
  };
  return { child, output: () => output, exited, stop } satisfies RunningProcess;
}

/** Waits until `url` answers 2xx, failing early when the process dies. */
export async function waitForHealthy(url: string, process: RunningProcess, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (process.child.exitCode !== null) {
      throw new Error(`exited with ${process.child.exitCode} before ${url} answered:\n${process.output()}`);
    }
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(5_000) })).ok) {
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s:\n${process.output()}`);
}

/** Waits until the process printed `text`, failing early when it exits first. */
export async function waitForOutput(process: RunningProcess, text: string, timeoutMs = 600_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (process.output().includes(text)) {
      return;
    }
    if (process.child.exitCode !== null) {
      throw new Error(`exited with ${process.child.exitCode} before printing "${text}":\n${process.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`did not print "${text}" within ${timeoutMs / 1000} s:\n${process.output()}`);
}

/** PIDs of this machine's processes whose working folder is `cwd` and whose environment holds `NAME=value`. */
export function findProcesses(cwd: string, envEntry: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) {
      continue;
    }
    try {
      if (readlinkSync(`/proc/${entry}/cwd`) !== cwd) {
        continue;
      }
      if (readFileSync(`/proc/${entry}/environ`, "utf8").split("\0").includes(envEntry)) {
        found.push(Number(entry));
      }
    } catch {
      // gone, or not ours to read
    }
  }
  return found;
}
