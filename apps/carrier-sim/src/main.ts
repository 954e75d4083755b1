import { startSimulator } from "./simulator";

async function main() {
  const { env } = await import("./env");
  if (!env.databaseUrl) {
    throw new Error("DATABASE_URL is not set: the simulator keeps its orders in PostgreSQL (schema carrier_sim).");
  }
  const simulator = await startSimulator({
    databaseUrl: env.databaseUrl,
    schema: env.schema,
    callbackSecret: env.callbackSecret,
    apiKey: env.apiKey,
    tickMs: env.tickMs,
  });
  const url = await simulator.listen(env.port, "127.0.0.1");
  process.stdout.write(`carrier simulator ready on ${url}\n`);
  let stopping = false;
  const stop = () => {
    if (stopping) {
      return;
    }
    stopping = true;
    simulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`carrier-sim: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
