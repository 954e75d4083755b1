import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startWorld, type World } from "./model/harness";
import { formatReport, runModel } from "./model/run";

/** Seeded: MODEL_SEED reproduces a run (the seed is printed either way). */
const seed = Number(process.env.MODEL_SEED ?? 14_014);
const runs = Number(process.env.MODEL_RUNS ?? 12);
const maxCommands = Number(process.env.MODEL_COMMANDS ?? 50);
/** MODEL_PATH and MODEL_REPLAY_PATH (with MODEL_SEED) replay one reported failure. */
const path = process.env.MODEL_PATH;
const replayPath = process.env.MODEL_REPLAY_PATH;

let world: World;

beforeAll(async () => {
  world = await startWorld(inject("databaseUrl"), "model_based", (line) => {
    if (process.env.MODEL_VERBOSE) {
      console.log(line);
    }
  });
});
afterAll(async () => {
  await world?.loop.stop();
});

describe("model-based: customer actions, partner behaviours and clock moves against the invariants", () => {
  it("keeps every invariant over seeded random sequences, and shrinks a failure to a short one", async () => {
    console.log(`model-based test: seed ${seed} (MODEL_SEED), ${runs} runs of up to ${maxCommands} commands`);
    const report = await runModel(world, {
      seed,
      runs,
      maxCommands,
      timeLimitMs: 150_000,
      shrinkBudgetMs: 60_000,
      ...(path ? { path } : {}),
      ...(replayPath ? { replayPath } : {}),
    });
    console.log(formatReport(report));
    expect(report.failures.map((f) => `${f.steps.join(" / ")}\n${f.error}`)).toEqual([]);
    expect(report.steps).toBeGreaterThan(0);
  }, 240_000);
});
