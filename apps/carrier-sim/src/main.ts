import { createSimulatorServer } from "./server";

async function main() {
  const { env } = await import("./env");
  const server = createSimulatorServer({ now: () => new Date() });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(env.port, "127.0.0.1", resolve);
  });
  process.stdout.write(`carrier simulator ready on http://127.0.0.1:${env.port}\n`);
  const stop = () => server.close(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`carrier-sim: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
