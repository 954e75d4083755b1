import type { OpenAPIHono } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { requireApiKey } from "./auth";
import { bandwidthRoutes } from "./bandwidth/routes";
import { type ApiEnv, type ApiRuntime, newRouter } from "./context";
import { registerDocs } from "./docs";
import { problem, problemResponse, toProblem } from "./problem";
import { registerCollaborationRoutes } from "./routes/collaboration";
import { registerEventRoutes } from "./routes/events";
import { registerPortInRoutes } from "./routes/port-ins";
import { registerWebhookRoutes } from "./routes/webhooks";
import { registerWebhookDocs } from "./webhook-docs";

export type { ApiRuntime } from "./context";

/** 3 MB documents travel as multipart (a little more) or base64 (a third more). */
export const DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024;

export const openApiInfo = {
  title: "Portway API",
  version: "1.0.0",
  description:
    'Port telephone numbers in from your own systems: check portability, submit port requests, follow, edit and cancel orders, upload LOAs and receive signed webhooks. Authenticate with an API key from the customer portal (Settings → API keys): `Authorization: Bearer pwk_…`. Errors are RFC 9457 problem+json with every field-level error. Every answer carries the key\'s budget in the IETF RateLimit header fields, e.g. `RateLimit-Policy: "per-key";q=120;w=60` (calls per 60 s) and `RateLimit: "per-key";r=87;t=42` (calls left, seconds until the window ends); past it, 429 with `Retry-After`.',
};

/** The stateless public API app: every request resolves its key against the database; no state lives in the process. */
export function createApp(runtime: ApiRuntime): OpenAPIHono<ApiEnv> {
  const app = newRouter();
  const withRuntime: MiddlewareHandler<ApiEnv> = async (c, next) => {
    c.set("runtime", runtime);
    await next();
  };
  app.use("*", withRuntime);
  const limit = runtime.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  app.use(
    "/v1/*",
    bodyLimit({
      maxSize: limit,
      onError: (c) =>
        problemResponse(
          c,
          problem(413, "BODY_TOO_LARGE", `A request body may be at most ${Math.round(limit / 1024 / 1024)} MB.`, [
            { field: "body", code: "BODY_TOO_LARGE", message: "The request body is too large." },
          ]),
        ),
    }),
  );
  const auth = requireApiKey();
  app.use("/v1/*", async (c, next) => (c.req.path === "/v1/openapi.json" ? next() : auth(c, next)));

  app.get("/health", (c) => c.json({ ok: true }));
  registerPortInRoutes(app);
  registerCollaborationRoutes(app);
  registerWebhookRoutes(app);
  registerEventRoutes(app);
  registerWebhookDocs(app);

  app.openAPIRegistry.registerComponent("securitySchemes", "apiKey", {
    type: "http",
    scheme: "bearer",
    description: "An API key of the customer portal: pwk_…",
  });
  app.doc31("/v1/openapi.json", {
    openapi: "3.1.0",
    info: openApiInfo,
    servers: [{ url: "/", description: "This server" }],
    security: [{ apiKey: [] }],
  });
  registerDocs(app);

  // Bandwidth's SDKs call /v1.0 at the host root (Java, C#) or whatever endpoint they are given (node, Ruby).
  const bandwidth = bandwidthRoutes();
  for (const prefix of ["/v1.0", "/api", "/api/v1.0", "/api/v1", "/api/v2"]) {
    app.use(
      `${prefix}/*`,
      bodyLimit({ maxSize: limit, onError: (c) => c.text("The request body is too large.", 413) }),
    );
    app.route(prefix, bandwidth);
  }

  app.notFound((c) => problemResponse(c, problem(404, "NOT_FOUND", `No route for ${c.req.method} ${c.req.path}.`)));
  app.onError((error, c) => {
    const status = (error as { status?: unknown }).status;
    if (typeof status === "number" && status >= 400 && status < 500 && "getResponse" in error) {
      // Hono's own HTTP errors (a malformed body, for example) keep their status.
      return problemResponse(c, problem(status as 400, "BAD_REQUEST", error.message || "Bad request."));
    }
    return problemResponse(c, toProblem(error, c.req.path));
  });
  return app;
}
