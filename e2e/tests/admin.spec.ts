import { expect, test } from "@playwright/test";
import { adminUrl } from "../ports";
import { signIn } from "./sign-in";

test("an analyst signs in and sees the day's work, the simulator and the worker's last run", async ({
  page,
}, testInfo) => {
  await signIn(page, adminUrl, "analyst@portway.test");
  await expect(page.getByRole("heading", { name: /^Today, \d{4}-\d{2}-\d{2}$/ })).toBeVisible();
  await expect(page.getByRole("table", { name: "Queues" })).toBeVisible();
  await expect(page.getByTestId("simulator-status")).toContainText("Up");
  await expect(page.getByTestId("job-status")).toContainText("Last run", { timeout: 60_000 });
  await page.screenshot({ path: testInfo.outputPath("admin-home.png"), fullPage: true });
});

test("a customer user cannot sign in to the admin portal", async ({ page }) => {
  await signIn(page, adminUrl, "admin@acme.test");
  await expect(
    page.getByRole("alert").filter({ hasText: "customer users sign in at the customer portal" }),
  ).toBeVisible();
});
