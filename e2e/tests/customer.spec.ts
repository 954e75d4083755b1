import { expect, test } from "@playwright/test";
import { customerUrl } from "../ports";
import { demoPassword, signIn } from "./sign-in";

test("a customer member signs in and sees the account's port-in orders", async ({ page }, testInfo) => {
  await signIn(page, customerUrl, "member@acme.test");
  await expect(page.getByRole("heading", { name: "Port-in orders" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Port-in orders" })).toBeVisible();
  await expect(page.getByText("No port-in orders yet.")).toBeVisible();
  await expect(page.getByText("Acme Voice · member")).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("customer-orders.png"), fullPage: true });
});

test("staff cannot sign in to the customer portal", async ({ page }) => {
  await page.goto(`${customerUrl}/sign-in`);
  await page.getByLabel("Email").fill("analyst@portway.test");
  await page.getByLabel("Password").fill(demoPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "porting team accounts sign in at the admin portal" }),
  ).toBeVisible();
  await page.goto(`${customerUrl}/`);
  await expect(page).toHaveURL(/\/sign-in$/);
});
