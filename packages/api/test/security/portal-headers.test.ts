import { createRequire } from "node:module";
import { contentSecurityPolicy, staticSecurityHeaders } from "@portway/services/security-headers";
import { describe, expect, it } from "vitest";
import adminConfig from "../../../../apps/admin/next.config";
import { proxy as adminProxy } from "../../../../apps/admin/proxy";
import customerConfig from "../../../../apps/customer/next.config";
import { proxy as customerProxy } from "../../../../apps/customer/proxy";

// Next.js is the portals' dependency, not this package's: load it from a portal, as their proxy.ts does.
const { NextRequest } = createRequire(new URL("../../../../apps/customer/package.json", import.meta.url))(
  "next/server",
) as { NextRequest: new (url: string, init?: RequestInit) => Parameters<typeof customerProxy>[0] };

describe("security headers on both portals (M8)", () => {
  for (const [portal, config, proxy, origin] of [
    ["customer", customerConfig, customerProxy, "http://localhost:3000"],
    ["admin", adminConfig, adminProxy, "http://localhost:3001"],
  ] as const) {
    it(`${portal}: every path gets nosniff, no framing, Referrer-Policy and Permissions-Policy`, async () => {
      const rules = (await config.headers?.()) ?? [];
      const all = rules.find((r) => r.source === "/:path*");
      const byKey = new Map((all?.headers ?? []).map((h) => [h.key.toLowerCase(), h.value]));
      expect(byKey.get("x-frame-options")).toBe("DENY");
      expect(byKey.get("x-content-type-options")).toBe("nosniff");
      expect(byKey.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      expect(byKey.get("permissions-policy")).toContain("camera=()");
      // The config's list is the one of the shared module (outside production here).
      expect(all?.headers).toEqual(staticSecurityHeaders({ production: false }));
    });

    it(`${portal}: each response gets a nonce CSP with frame-ancestors 'none', a new nonce every time`, () => {
      const first = proxy(new NextRequest(`${origin}/sign-in`));
      const second = proxy(new NextRequest(`${origin}/sign-in`));
      const policy = first.headers.get("content-security-policy") ?? "";
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).toContain("object-src 'none'");
      const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy)?.[1];
      expect(nonce?.length).toBeGreaterThanOrEqual(22);
      expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
      expect(second.headers.get("content-security-policy")).not.toContain(nonce);
      // Next.js reads the policy from the request to put the nonce on its scripts.
      expect(first.headers.get("x-middleware-request-content-security-policy")).toBe(policy);
    });

    it(`${portal}: a body over the route's limit is 413 from its Content-Length, the sign-in one small`, () => {
      const post = (path: string, bytes: number) =>
        proxy(new NextRequest(`${origin}${path}`, { method: "POST", headers: { "content-length": String(bytes) } }));
      expect(post("/api/auth/sign-in/email", 20_000).status).toBe(413);
      expect(post("/api/auth/sign-in/email", 500).status).toBe(200);
      expect(post("/api/trpc/tickets.open", 6 * 1024 * 1024).status).toBe(413);
      expect(post("/api/trpc/tickets.open", 20_000).status).toBe(200);
    });
  }

  it("production: HSTS, no eval and no inline styles; development keeps what next dev needs", () => {
    const production = contentSecurityPolicy("n0nce", { production: true });
    expect(production).not.toContain("unsafe-eval");
    expect(production).toContain("style-src 'self' 'nonce-n0nce'");
    expect(production).toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy("n0nce", { production: false })).toContain("'unsafe-eval'");
    const hsts = (production: boolean) =>
      staticSecurityHeaders({ production }).find((h) => h.key === "Strict-Transport-Security")?.value;
    expect(hsts(true)).toContain("max-age=31536000");
    expect(hsts(false)).toBeUndefined();
  });
});
