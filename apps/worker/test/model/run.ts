import fc from "fast-check";
import { simulatorCall } from "../loop-harness";
import { commandArbitrary, firstSubmit } from "./commands";
import { minute, observe, settle, startOfNextRun, type World } from "./harness";
import { checkInvariants } from "./invariants";
import type { Model } from "./model";

export interface ModelRunOptions {
  seed: number;
  runs: number;
  maxCommands: number;
  /** Stops starting new runs (and shrinking) after this long; the figures say how many ran. */
  timeLimitMs?: number;
  /** After a failure, go on with the next seed (seed + 1, + 2, ...) for the runs left: the long run collects several. */
  keepGoing?: boolean;
  /** Time spent shrinking one failure; after it the smallest failing sequence found so far is reported. */
  shrinkBudgetMs?: number;
  /** fast-check's path and the commands' replay path of a reported failure: with its seed, replay that case. */
  path?: string;
  replayPath?: string;
  /** Told about each failure as soon as it is shrunk. */
  onFailure?: (failure: ModelFailure) => void;
}

export interface ModelFailure {
  seed: number;
  /** fast-check's replay path of the shrunk case (with the seed), and the commands' own replay path. */
  path: string | null;
  replayPath: string | null;
  shrinks: number;
  /** The shrunk sequence as it ran, one step a line with what the product answered. */
  steps: string[];
  /** The violated invariants. */
  error: string;
}

export interface ModelRunReport {
  seed: number;
  runs: number;
  /** Steps executed, shrinking replays included. */
  steps: number;
  /** Steps of the runs that were not shrinking replays. */
  exploredSteps: number;
  failures: ModelFailure[];
  interrupted: boolean;
  ms: number;
}

/**
 * Seeded runs of random command sequences over the real worker, database and simulator. Each run starts on a fresh
 * Monday with fresh TNs; after the last command the faults are cleared and reconciliation runs, and the invariants
 * are checked once more in strict form (every emitted partner event arrived).
 */
export async function runModel(world: World, options: ModelRunOptions): Promise<ModelRunReport> {
  const started = Date.now();
  const report: ModelRunReport = {
    seed: options.seed,
    runs: 0,
    steps: 0,
    exploredSteps: 0,
    failures: [],
    interrupted: false,
    ms: 0,
  };
  let runNumber = 0;
  let seed = options.seed;
  while (report.runs < options.runs) {
    const left = options.timeLimitMs ? options.timeLimitMs - (Date.now() - started) : undefined;
    if (left !== undefined && left <= 0) {
      report.interrupted = true;
      break;
    }
    let shrinking = false;
    let failedAt = 0;
    let lastFailure: { steps: string[]; error: string } | null = null;
    const budget = options.shrinkBudgetMs ?? 120_000;
    const property = fc.asyncProperty(
      firstSubmit,
      fc.commands([commandArbitrary], {
        maxCommands: options.maxCommands,
        size: "max",
        ...(options.replayPath ? { replayPath: options.replayPath } : {}),
      }),
      async (first, cmds) => {
        if (shrinking && Date.now() - failedAt > budget) {
          // The shrink budget is spent: every further candidate counts as passing, so the smallest failure stands.
          return;
        }
        runNumber += 1;
        await startOfNextRun(world);
        const model: Model = { run: runNumber, orders: [], steps: [] };
        try {
          // Every run starts with an order, so that no run is empty.
          await first.run(model, world);
          await fc.asyncModelRun(() => ({ model, real: world }), cmds);
          await simulatorCall(world.loop.simulatorUrl, "/sim/faults", {});
          for (let round = 0; round < 2; round++) {
            await world.loop.advance(31 * minute);
            await world.loop.worker.scanNow();
            await settle(world, model);
          }
          model.steps.push("end: faults cleared, quiet, reconciled");
          for (const order of model.orders) {
            await observe(world, order);
          }
          const violations = await checkInvariants(world, model, { strict: true });
          if (violations.length > 0) {
            throw new Error(`at the end of the run:\n  ${violations.join("\n  ")}`);
          }
        } catch (error) {
          lastFailure = { steps: [...model.steps], error: error instanceof Error ? error.message : String(error) };
          throw error;
        } finally {
          report.steps += model.steps.length;
          if (!shrinking) {
            report.exploredSteps += model.steps.length;
          }
          if (lastFailure && !shrinking) {
            shrinking = true;
            failedAt = Date.now();
            world.log(`run ${runNumber} failed; shrinking: ${(lastFailure as { error: string }).error}`);
          }
          const statuses = model.orders.map(
            (o) => `${o.status}${o.accepted.length > 1 ? `(${o.accepted.length} actions)` : ""}`,
          );
          world.log(`run ${runNumber}: ${model.steps.length} steps, orders ${statuses.join(" ")}`);
        }
      },
    );
    const details = await fc.check(property, {
      seed,
      numRuns: options.runs - report.runs,
      ...(options.path ? { path: options.path } : {}),
      ...(left !== undefined ? { interruptAfterTimeLimit: left } : {}),
    });
    report.runs += details.numRuns;
    report.interrupted ||= details.interrupted;
    const failure = lastFailure as { steps: string[]; error: string } | null;
    if (!details.failed || !failure) {
      break;
    }
    const found = {
      seed,
      path: details.counterexamplePath,
      replayPath: /replayPath="([^"]*)"/.exec(String(details.counterexample?.[1] ?? ""))?.[1] ?? null,
      shrinks: details.numShrinks,
      steps: failure.steps,
      error: failure.error,
    };
    report.failures.push(found);
    options.onFailure?.(found);
    if (!options.keepGoing) {
      break;
    }
    seed += 1;
  }
  report.ms = Date.now() - started;
  return report;
}

export function formatReport(report: ModelRunReport) {
  const lines = [
    `model-based run: seed ${report.seed}, ${report.runs} runs, ${report.steps} steps (${report.exploredSteps} outside shrinking), ${(report.ms / 1000).toFixed(1)} s${report.interrupted ? ", stopped by the time limit" : ""}`,
    `failures: ${report.failures.length}`,
  ];
  for (const failure of report.failures) {
    lines.push(formatFailure(failure));
  }
  return lines.join("\n");
}

export function formatFailure(failure: ModelFailure) {
  return [
    `failure (seed ${failure.seed}, path ${failure.path}, replay path ${failure.replayPath}, shrunk ${failure.shrinks} times), ${failure.steps.length} steps:`,
    ...failure.steps.map((step) => `  ${step}`),
    failure.error,
  ].join("\n");
}
