import { createLogger, setLogger } from "@portway/observability";
import { ConfigError, systemClock } from "@portway/services";
import { workerLog } from "./loops";
import { startWorker } from "./worker";

const logger = createLogger("worker");
setLogger(logger);
const log = workerLog(logger);

async function main() {
  const { env, mailEnv } = await import("./env");
  const common = { ...env, mail: mailEnv, log };
  // Outside production, business time is the sandbox clock that demos and tests move forward, and the partner is
  // the carrier simulator; in production there is neither.
  const worker = await startWorker(
    env.production
      ? { ...common, simulatorUrl: null, clock: systemClock }
      : { ...common, simulatorUrl: env.simulatorUrl, sandboxClock: true },
  );
  logger.info({ port: worker.port, production: env.production }, `worker ready on http://127.0.0.1:${worker.port}`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      return;
    }
    stopping = true;
    logger.info({ signal }, "stopping: draining jobs in flight");
    await worker.stop();
    logger.info("stopped");
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError ? error.message : error instanceof Error ? error.message : String(error);
  process.stderr.write(`worker: ${message}\n`);
  process.exit(1);
});
