import { ConfigError, systemClock } from "@portway/services";
import { startWorker } from "./worker";

const log = (line: string) => process.stdout.write(`${line}\n`);

async function main() {
  const { env, mailEnv } = await import("./env");
  // Outside production, business time is the sandbox clock that demos and tests move forward.
  const worker = await startWorker(
    env.production
      ? { ...env, mail: mailEnv, clock: systemClock, log }
      : { ...env, mail: mailEnv, sandboxClock: true, log },
  );
  log(`worker ready on http://127.0.0.1:${worker.port}`);
  let stopping = false;
  const stop = async () => {
    if (stopping) {
      return;
    }
    stopping = true;
    await worker.stop();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError ? error.message : error instanceof Error ? error.message : String(error);
  process.stderr.write(`worker: ${message}\n`);
  process.exit(1);
});
