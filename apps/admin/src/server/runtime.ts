import "server-only";
import { createContext } from "@portway/api";
import { mustChangePassword } from "@portway/services";
import { createPortalRuntime, type PortalRuntime } from "@portway/services/auth";
import { getEnv } from "../env";

const holder = globalThis as { portwayAdminRuntime?: PortalRuntime };

/** One database pool and auth instance per server process (kept across dev reloads). */
export function getRuntime(): PortalRuntime {
  holder.portwayAdminRuntime ??= createPortalRuntime(getEnv());
  return holder.portwayAdminRuntime;
}

/** The tRPC context of a request. A staff user still on a first password may call nothing until they change it. */
export async function createRequestContext(headers: Headers) {
  const ctx = await createContext(getRuntime(), headers);
  if (ctx.identity?.kind === "staff" && (await mustChangePassword(ctx.db, ctx.identity.userId))) {
    return { ...ctx, identity: null };
  }
  return ctx;
}
