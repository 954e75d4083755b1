import { describe, expect, it } from "vitest";
import adminConfig from "../../../../apps/admin/next.config";
import customerConfig from "../../../../apps/customer/next.config";

describe("security headers on both portals (M8)", () => {
  for (const [portal, config] of [
    ["customer", customerConfig],
    ["admin", adminConfig],
  ] as const) {
    it(`${portal}: every path gets frame-ancestors 'none', nosniff, Referrer-Policy and Permissions-Policy`, async () => {
      const rules = (await config.headers?.()) ?? [];
      const all = rules.find((r) => r.source === "/:path*");
      const byKey = new Map((all?.headers ?? []).map((h) => [h.key.toLowerCase(), h.value]));
      expect(byKey.get("content-security-policy")).toContain("frame-ancestors 'none'");
      expect(byKey.get("x-frame-options")).toBe("DENY");
      expect(byKey.get("x-content-type-options")).toBe("nosniff");
      expect(byKey.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      expect(byKey.get("permissions-policy")).toContain("camera=()");
    });
  }
});
