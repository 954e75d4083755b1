import { type Browser, expect, type Page, request } from "@playwright/test";
import { adminUrl } from "../ports";
import { expectNoSeriousViolations as expectNoSeriousViolationsNow } from "./customer-a11y";
import { signIn } from "./sign-in";

/** axe-core on the current admin page, once it has settled: no violation of serious or critical impact. */
export async function expectNoSeriousViolations(page: Page, screen: string) {
  await settle(page);
  await expectNoSeriousViolationsNow(page, screen);
}

/** Waits until the page has loaded its scripts and stopped fetching (React has hydrated the forms). */
export async function settle(page: Page) {
  await page.waitForLoadState("load", { timeout: 180_000 });
  await page.waitForLoadState("networkidle", { timeout: 30_000 }).catch(() => undefined);
}

/** Opens an admin page and waits for it to be interactive. `next dev` compiles a page on its first request. */
export async function open(page: Page, path: string) {
  await page.goto(`${adminUrl}${path}`, { timeout: 240_000 });
  await settle(page);
}

/** A page of its own (own cookies) signed in to a portal, settled on the portal's home page. */
export async function signedIn(browser: Browser, baseUrl: string, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, baseUrl, email);
  await expect(page).not.toHaveURL(/\/sign-in/, { timeout: 180_000 });
  await settle(page);
  return page;
}

/** Asks the dev server for every admin page once, so that no test waits for a first compile. */
export async function warmUpAdmin(paths: string[]) {
  const context = await request.newContext();
  try {
    for (const path of paths) {
      await context.get(`${adminUrl}${path}`, { timeout: 300_000, maxRedirects: 0 }).catch(() => undefined);
    }
  } finally {
    await context.dispose();
  }
}

export const adminPages = [
  "/",
  "/queues/project-ports",
  "/orders/00000000-0000-4000-8000-000000000000",
  "/accounts",
  "/accounts/00000000-0000-4000-8000-000000000000",
  "/carriers",
  "/numbering",
  "/holidays",
  "/reports",
];
