import { e2ePorts } from "../ports";

const workerUrl = `http://127.0.0.1:${e2ePorts.worker}`;

export interface SandboxClock {
  now: string;
  offsetMs: number;
}

/**
 * Moves the sandbox's business clock (Portway's and the simulator's together) forward. The simulator delivers
 * every callback due up to the new time before this returns; the worker then runs its scans.
 */
export async function advanceSandboxClock(advanceMs: number): Promise<SandboxClock> {
  return moveClock({ advanceMs });
}

/** Sets the sandbox's business clock to an instant (never backwards). */
export async function setSandboxClock(at: Date): Promise<SandboxClock> {
  return moveClock({ set: at.toISOString() });
}

export async function readSandboxClock(): Promise<SandboxClock> {
  const response = await fetch(`${workerUrl}/sandbox/clock`);
  if (!response.ok) {
    throw new Error(`sandbox clock: ${response.status} ${await response.text()}`);
  }
  return (await response.json()) as SandboxClock;
}

async function moveClock(body: { advanceMs: number } | { set: string }): Promise<SandboxClock> {
  const response = await fetch(`${workerUrl}/sandbox/clock`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    throw new Error(`sandbox clock: ${response.status} ${await response.text()}`);
  }
  return (await response.json()) as SandboxClock;
}
