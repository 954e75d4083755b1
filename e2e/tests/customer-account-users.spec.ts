import { expect, test } from "@playwright/test";
import { customerUrl } from "../ports";
import { expectNoSeriousViolations, waitForReady } from "./customer-a11y";
import { signIn } from "./sign-in";

test("an account admin adds a user who signs in, makes them admin, then deactivates them", async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const email = `uma-${Date.now()}@acme.test`;
  const password = "uma-first-password-1";
  await signIn(page, customerUrl, "admin@acme.test");
  await expect(page.getByRole("heading", { name: "What needs you" })).toBeVisible({ timeout: 90_000 });
  await page.goto(`${customerUrl}/account`);
  await expect(page.getByRole("heading", { name: "Users and roles" })).toBeVisible({ timeout: 90_000 });
  await waitForReady(page);

  // A first password that is too short is refused next to its field.
  const form = page.getByRole("form", { name: "Add a user" });
  await form.getByLabel("Name").fill("Uma User");
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("First password").fill("short");
  await form.getByRole("button", { name: "Add user" }).click();
  await expect(form.getByText("A password needs 12 to 128 characters.")).toBeVisible({ timeout: 30_000 });
  await form.getByLabel("First password").fill(password);
  await form.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Uma User can now sign in as ${email}` })).toBeVisible({
    timeout: 30_000,
  });
  const users = page.getByRole("table", { name: "Users of this account" });
  await expect(users.getByRole("row", { name: new RegExp(email) })).toBeVisible();
  await expectNoSeriousViolations(page, "account-users-admin");
  await page.screenshot({ path: testInfo.outputPath("account-users.png"), fullPage: true });

  // The new user signs in with the first password.
  const other = await browser.newContext();
  const uma = await other.newPage();
  await uma.goto(`${customerUrl}/`);
  await expect(uma).toHaveURL(/\/sign-in$/, { timeout: 90_000 });
  await uma.getByLabel("Email").fill(email);
  await uma.getByLabel("Password").fill(password);
  await uma.getByRole("button", { name: "Sign in" }).click();
  await expect(uma.getByRole("heading", { name: "What needs you" })).toBeVisible({ timeout: 90_000 });

  await page.getByLabel("Role of Uma User").selectOption("admin");
  await expect(page.getByRole("status").filter({ hasText: "Role changed to admin." })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByLabel("Role of Uma User")).toHaveValue("admin");

  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Deactivate Uma User" }).click();
  await expect(users.getByRole("row", { name: new RegExp(email) }).getByText("deactivated")).toBeVisible({
    timeout: 30_000,
  });

  // Deactivated: signed out at once.
  await uma.goto(`${customerUrl}/orders`);
  await expect(uma).toHaveURL(/\/sign-in/, { timeout: 90_000 });
  await other.close();
});
