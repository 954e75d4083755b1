import "server-only";
import { type PortalEnv, readPortalEnv } from "@portway/services";

let cached: PortalEnv | undefined;

/** This portal's configuration; the only place that reads process.env. */
export function getEnv(): PortalEnv {
  cached ??= readPortalEnv(process.env, "admin");
  return cached;
}
