import { createDb } from "@portway/db";
import { ConfigError, systemClock } from "@portway/services";
import { createWorkerServer } from "./http";
import { startQueue } from "./queue";

const log = (line: string) => process.stdout.write(`${line}\n`);

async function main() {
  const { env } = await import("./env");
  const { db, close } = createDb(env.databaseUrl, { applicationName: "portway-worker" });
  const queue = await startQueue({ databaseUrl: env.databaseUrl, db, clock: systemClock, log });
  const server = createWorkerServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(env.port, "127.0.0.1", resolve);
  });
  log(`worker ready on http://127.0.0.1:${env.port}`);
  let stopping = false;
  const stop = async () => {
    if (stopping) {
      return;
    }
    stopping = true;
    server.close();
    await queue.stop().catch(() => undefined);
    await close().catch(() => undefined);
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
