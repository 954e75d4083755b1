import type http from "node:http";
import { type SandboxClock, ServiceError, sandboxClockTarget } from "@portway/services";
import { readBody, send } from "./http";

export interface SandboxClockEndpointOptions {
  clock: SandboxClock;
  simulatorUrl: string;
  /** Runs after a move: apply what became due (relay, activation, reconciliation, stuck orders). */
  afterMove: () => Promise<void>;
  log: (line: string) => void;
}

interface SimClock {
  now: string;
  mode: string;
}

async function simJson<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(120_000) });
  if (!response.ok) {
    throw new Error(
      `simulator answered ${response.status} to ${init?.method ?? "GET"} ${url}: ${await response.text()}`,
    );
  }
  return (await response.json()) as T;
}

/**
 * Brings Portway's business clock and the simulator's clock to the same instant: the later of the two, or
 * `target` when given and later still. The simulator delivers every callback due up to then before it answers.
 */
export async function alignSandboxClocks(options: SandboxClockEndpointOptions, target?: Date): Promise<Date> {
  await options.clock.refresh();
  const sim = await simJson<SimClock>(`${options.simulatorUrl}/sim/clock`);
  const simNow = new Date(sim.now);
  let goal = options.clock.now();
  if (simNow > goal) {
    goal = simNow;
  }
  if (target && target > goal) {
    goal = target;
  }
  const businessNow = await options.clock.moveTo(goal);
  if (businessNow.getTime() - simNow.getTime() > 1_000) {
    await simJson<SimClock>(`${options.simulatorUrl}/sim/clock`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ set: businessNow.toISOString() }),
    });
  }
  return businessNow;
}

function snapshot(clock: SandboxClock) {
  return { now: clock.now().toISOString(), offsetMs: clock.offsetMs() };
}

/** `GET /sandbox/clock` reads business time; `POST` with `{ advanceMs }` or `{ set }` moves it forward. */
export function createSandboxClockEndpoint(options: SandboxClockEndpointOptions) {
  return async (request: http.IncomingMessage, response: http.ServerResponse) => {
    if (request.method === "GET") {
      await options.clock.refresh();
      send(response, 200, snapshot(options.clock));
      return;
    }
    if (request.method !== "POST") {
      send(response, 405, { error: "use GET or POST" });
      return;
    }
    const raw = await readBody(request);
    let move: unknown;
    try {
      move = JSON.parse(raw ?? "");
    } catch {
      send(response, 400, { error: "body is not JSON" });
      return;
    }
    await options.clock.refresh();
    let target: Date;
    try {
      target = sandboxClockTarget(options.clock.now(), move);
    } catch (error) {
      if (error instanceof ServiceError) {
        send(response, error.kind === "CONFLICT" ? 409 : 400, { error: error.message, code: error.code });
        return;
      }
      throw error;
    }
    const now = await alignSandboxClocks(options, target);
    options.log(`sandbox clock moved to ${now.toISOString()}`);
    await options.afterMove();
    send(response, 200, snapshot(options.clock));
  };
}
