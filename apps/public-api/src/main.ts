import { serve } from "@hono/node-server";
import { createDb } from "@portway/db";
import { createLogger, setLogger } from "@portway/observability";
import { ConfigError, createSandboxClock, systemClock } from "@portway/services";
import { ApiLimits } from "@portway/services/auth";
import { createApp } from "./app";
import { readApiEnv } from "./env";

const logger = createLogger("public-api");
setLogger(logger);

function main() {
  // The only place in this app that reads process.env.
  const env = readApiEnv(process.env);
  const { db, pool, close } = createDb(env.databaseUrl, { applicationName: "portway-public-api" });
  // Outside production, business time is the sandbox clock that demos and tests move forward.
  const sandbox = env.production ? null : createSandboxClock(db);
  sandbox?.keepFresh();
  const app = createApp({
    db,
    clock: sandbox ?? systemClock,
    // One budget per key, held in PostgreSQL: the portal's API and every API process count together.
    limits: new ApiLimits(pool),
    ...(sandbox ? { refreshClock: () => sandbox.refresh() } : {}),
  });
  const server = serve({ fetch: app.fetch, port: env.port, hostname: env.host }, (info) => {
    logger.info({ port: info.port }, `public API ready on http://${env.host}:${info.port} (docs at /docs)`);
  });
  const stop = (signal: string) => {
    logger.info({ signal }, "stopping");
    server.close(() => {
      void close().then(() => process.exit(0));
    });
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

try {
  main();
} catch (error) {
  const message = error instanceof ConfigError ? error.message : error instanceof Error ? error.message : String(error);
  process.stderr.write(`public-api: ${message}\n`);
  process.exit(1);
}
