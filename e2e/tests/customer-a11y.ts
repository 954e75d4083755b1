import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page } from "@playwright/test";

/**
 * axe-core on the current page: no violation of serious or critical impact. After a client-side navigation Next
 * streams the page's metadata, so the check first waits for the title to be in place.
 */
export async function expectNoSeriousViolations(page: Page, screen: string) {
  await expect(page).toHaveTitle(/\S/, { timeout: 30_000 });
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${screen}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(serious).toEqual([]);
}

/** Moves the focus with the Tab key (only) until the target has it. */
export async function tabTo(page: Page, target: Locator, maxPresses = 80) {
  for (let i = 0; i < maxPresses; i++) {
    if (await target.evaluate((element) => element === document.activeElement)) {
      return;
    }
    await page.keyboard.press("Tab");
  }
  throw new Error(`the Tab key never reached ${target.toString()}`);
}

/** Waits until the portal's page is hydrated, so typing and clicks reach React. */
export async function waitForReady(page: Page) {
  await page.locator("body[data-ready='true']").waitFor({ state: "attached", timeout: 90_000 });
}
