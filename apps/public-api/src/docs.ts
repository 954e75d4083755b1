import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Scalar } from "@scalar/hono-api-reference";
import type { Hono } from "hono";
import type { ApiEnv } from "./context";

/** Where the reference page's script is served from: this server, so the page works without a CDN. */
export const scalarScriptPath = "/docs/scalar.js";

let script: Promise<Buffer> | null = null;

/** Scalar's standalone browser bundle, shipped in the @scalar/api-reference package (read once, on first use). */
function scalarBundle(): Promise<Buffer> {
  if (!script) {
    const entry = fileURLToPath(import.meta.resolve("@scalar/api-reference"));
    script = readFile(path.join(path.dirname(entry), "browser", "standalone.js"));
  }
  return script;
}

/** The interactive reference at /docs, rendering /v1/openapi.json. */
export function registerDocs(app: Hono<ApiEnv>) {
  app.get(scalarScriptPath, async (c) =>
    c.body(new Uint8Array(await scalarBundle()), 200, {
      "content-type": "text/javascript; charset=utf-8",
      "cache-control": "public, max-age=86400",
    }),
  );
  app.get(
    "/docs",
    Scalar({
      url: "/v1/openapi.json",
      pageTitle: "Portway API reference",
      cdn: scalarScriptPath,
      // Everything from this server: no web fonts, no hosted AI agent, no Scalar developer tools.
      withDefaultFonts: false,
      agent: { disabled: true },
      showDeveloperTools: "never",
    }),
  );
}
