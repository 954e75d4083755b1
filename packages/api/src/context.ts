import type { PortalRuntime } from "@portway/services/auth";
import type { Context } from "./trpc";

/** The tRPC context of one request to a portal: its database, clock and the caller resolved from the session. */
export async function createContext(runtime: PortalRuntime, headers: Headers): Promise<Context> {
  await runtime.refreshClock();
  return {
    db: runtime.db,
    clock: runtime.clock,
    identity: await runtime.identify(headers),
    config: { partnerUrl: runtime.env.partnerUrl },
    limits: runtime.limits,
  };
}
