/**
 * The long model-based run: seed-reproducible random sequences of customer actions, partner behaviours and clock
 * moves over the real worker, database and carrier simulator, checked against the invariants after every step.
 *
 *   cd apps/worker && ../../node_modules/.bin/tsx bench/model-run.ts --seed 14014 --runs 40 [--commands 60]
 *     [--shrink-seconds 300] [--verbose]
 *   ... --seed N --runs R --path P --replay-path Q   replays one reported failure (as printed with it)
 *
 * Prints the seed, runs, steps, failures and each shrunk counterexample; after a failure it goes on with the next
 * seed (replay a failure with its seed).
 */
import { parseArgs } from "node:util";
import { createTestDatabase } from "@portway/db/testing";
import { startWorld } from "../test/model/harness";
import { formatFailure, formatReport, runModel } from "../test/model/run";

const { values } = parseArgs({
  options: {
    seed: { type: "string", default: "14014" },
    runs: { type: "string", default: "40" },
    commands: { type: "string", default: "60" },
    "shrink-seconds": { type: "string", default: "300" },
    path: { type: "string" },
    "replay-path": { type: "string" },
    verbose: { type: "boolean", default: false },
  },
});
const seed = Number(values.seed);
const runs = Number(values.runs);
const maxCommands = Number(values.commands);

process.env.WEBHOOK_ALLOW_LOOPBACK = "true";
const database = await createTestDatabase("worker_model_run");
const world = await startWorld(database.url, "model_run", (line) => {
  if (values.verbose || line.startsWith("run ")) {
    console.log(line);
  }
});
const stop = async () => {
  await world.loop.stop();
  await database.teardown();
};
// Interrupted: stop the simulator and the embedded database before leaving.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void stop().finally(() => process.exit(130));
  });
}
console.log(`model-based run: seed ${seed}, ${runs} runs of up to ${maxCommands} commands`);
let failed = true;
try {
  const report = await runModel(world, {
    seed,
    runs,
    maxCommands,
    keepGoing: values.path === undefined,
    ...(values.path ? { path: values.path } : {}),
    ...(values["replay-path"] ? { replayPath: values["replay-path"] } : {}),
    shrinkBudgetMs: Number(values["shrink-seconds"]) * 1000,
    onFailure: (failure) => console.log(formatFailure(failure)),
  });
  console.log(formatReport(report));
  failed = report.failures.length > 0;
} finally {
  await stop();
}
process.exit(failed ? 1 : 0);
