import { expect, type Page, test } from "@playwright/test";
import { adminUrl, customerUrl } from "../ports";
import { signIn } from "./sign-in";

const customerPages = [
  "/",
  "/check",
  "/orders",
  "/orders/new",
  "/notifications",
  "/account",
  "/account/api-keys",
  "/account/notifications",
  "/account/webhooks",
];
const adminPages = [
  "/",
  "/queues/exceptions",
  "/queues/project-ports",
  "/orders",
  "/search?q=acme",
  "/accounts",
  "/carriers",
  "/holidays",
  "/numbering",
  "/reports",
  "/mail",
  "/audit",
  "/staff",
  "/notifications",
  "/notifications/preferences",
];

/** Collects every CSP violation the page reports, so a blocked script or style fails the test. */
function watchViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(message.text())) {
      violations.push(message.text());
    }
  });
  return violations;
}

async function expectHeaders(page: Page, url: string, nonces: Set<string>) {
  const response = await page.goto(url);
  expect(response, url).not.toBeNull();
  const headers = response?.headers() ?? {};
  const policy = headers["content-security-policy"] ?? "";
  expect(policy, url).toContain("frame-ancestors 'none'");
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  expect(nonce, `${url}: a nonce`).toBeTruthy();
  expect(nonces.has(nonce as string), `${url}: a fresh nonce`).toBe(false);
  nonces.add(nonce as string);
  // The page's own scripts carry that nonce (Next.js read it from the request).
  const scriptNonces = await page
    .locator("script")
    .evaluateAll((scripts) => scripts.map((s) => (s as HTMLScriptElement).nonce).filter((n) => n !== ""));
  expect(scriptNonces.length, `${url}: scripts with the nonce`).toBeGreaterThan(0);
  expect(new Set(scriptNonces), url).toEqual(new Set([nonce]));
  expect(headers["x-content-type-options"], url).toBe("nosniff");
  expect(headers["x-frame-options"], url).toBe("DENY");
  expect(headers["referrer-policy"], url).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"], url).toContain("camera=()");
}

/** The first link of a list page that leads to a detail page, e.g. /orders/<id>. */
async function firstDetailLink(page: Page, listUrl: string, pattern: RegExp): Promise<string | null> {
  await page.goto(listUrl);
  const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  return hrefs.find((href) => pattern.test(href)) ?? null;
}

test("customer portal: every page has a nonce CSP with frame-ancestors 'none' and runs with no CSP violation", async ({
  page,
}) => {
  const violations = watchViolations(page);
  const nonces = new Set<string>();
  await expectHeaders(page, `${customerUrl}/sign-in`, nonces);
  // Signing in needs the page's scripts: they ran under the policy.
  await signIn(page, customerUrl, "admin@acme.test");
  await expect(page).not.toHaveURL(/sign-in/);
  const detail = await firstDetailLink(page, `${customerUrl}/orders`, /^\/orders\/[0-9a-f-]{36}$/);
  expect(detail).not.toBeNull();
  for (const path of [...customerPages, detail as string]) {
    await expectHeaders(page, `${customerUrl}${path}`, nonces);
  }
  expect(violations).toEqual([]);
});

test("admin portal: every page has a nonce CSP with frame-ancestors 'none' and runs with no CSP violation", async ({
  page,
}) => {
  const violations = watchViolations(page);
  const nonces = new Set<string>();
  await expectHeaders(page, `${adminUrl}/sign-in`, nonces);
  await signIn(page, adminUrl, "lead@portway.test");
  await expect(page).not.toHaveURL(/sign-in/);
  const order = await firstDetailLink(page, `${adminUrl}/orders`, /^\/orders\/[0-9a-f-]{36}$/);
  const account = await firstDetailLink(page, `${adminUrl}/accounts`, /^\/accounts\/[0-9a-f-]{36}$/);
  expect([order, account]).not.toContain(null);
  // A losing carrier of the sample numbering data.
  for (const path of [...adminPages, order as string, account as string, "/carriers/7A01"]) {
    await expectHeaders(page, `${adminUrl}${path}`, nonces);
  }
  expect(violations).toEqual([]);
});
