import "server-only";
import { createContext } from "@portway/api";
import { createPortalRuntime, type PortalRuntime } from "@portway/services/auth";
import { getEnv } from "../env";

const holder = globalThis as { portwayCustomerRuntime?: PortalRuntime };

/** One database pool and auth instance per server process (kept across dev reloads). */
export function getRuntime(): PortalRuntime {
  holder.portwayCustomerRuntime ??= createPortalRuntime(getEnv());
  return holder.portwayCustomerRuntime;
}

export function createRequestContext(headers: Headers) {
  return createContext(getRuntime(), headers);
}
