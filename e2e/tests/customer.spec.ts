import { expect, test } from "@playwright/test";
import { customerUrl } from "../ports";
import { expectNoSeriousViolations } from "./customer-a11y";
import { demoPassword, signIn } from "./sign-in";
import { callTrpc, submitOrderViaApi } from "./trpc";

test("a customer member signs in to the home page and every screen passes axe", async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  await signIn(page, customerUrl, "member@acme.test");
  await expect(page.getByRole("heading", { name: "What needs you" })).toBeVisible({ timeout: 90_000 });
  await expect(page.getByText("Acme Voice · member")).toBeVisible();
  await expect(page.getByRole("heading", { name: /Rejected orders to fix/ })).toBeVisible();
  await expectNoSeriousViolations(page, "home");
  await page.screenshot({ path: testInfo.outputPath("customer-home.png"), fullPage: true });

  const orderId = await submitOrderViaApi(page, { tns: ["+16172531051"], reference: "A11Y-ORDER-1" });
  const draft = await callTrpc<{ id: string }>(
    page,
    "customer",
    "drafts.save",
    { data: { tns: ["+16172531052"], customerOrderRef: "A11Y-DRAFT-1" } },
    "mutation",
  );

  const screens: [string, string, string | RegExp][] = [
    ["orders", "/orders", "Port-in orders"],
    ["order", `/orders/${orderId}`, "Order A11Y-ORDER-1"],
    ["check", "/check", "Check numbers"],
    ["account", "/account", /Account: Acme Voice/],
    ["wizard-numbers", "/orders/new", "New port-in"],
    ["wizard-account", `/orders/new?draft=${draft.id}&step=2`, "Step 2 of 5: Account details"],
    ["wizard-documents", `/orders/new?draft=${draft.id}&step=3`, "Step 3 of 5: Documents"],
    ["wizard-foc", `/orders/new?draft=${draft.id}&step=4`, "Step 4 of 5: Requested FOC"],
    ["wizard-review", `/orders/new?draft=${draft.id}&step=5`, "Step 5 of 5: Review and submit"],
  ];
  for (const [name, path, heading] of screens) {
    await page.goto(`${customerUrl}${path}`, { timeout: 90_000 });
    await expect(page.getByRole("heading", { name: heading }).first()).toBeVisible({ timeout: 90_000 });
    if (name === "wizard-foc") {
      await expect(page.getByLabel("FOC date", { exact: true }).locator("option").nth(1)).toBeAttached({
        timeout: 60_000,
      });
    }
    if (name === "wizard-review") {
      await expect(page.getByText("Fix these before submitting")).toBeVisible({ timeout: 60_000 });
    }
    await expectNoSeriousViolations(page, name);
    await page.screenshot({ path: testInfo.outputPath(`customer-${name}.png`), fullPage: true });
  }
  await expect(page.getByRole("link", { name: "Notifications" })).toHaveAttribute("href", "/notifications");
  await page.goto(`${customerUrl}/account`);
  await expect(page.getByRole("link", { name: "Webhooks" })).toHaveAttribute("href", "/account/webhooks");
  await expect(page.getByRole("link", { name: "API keys" })).toHaveAttribute("href", "/account/api-keys");
  await expect(page.getByRole("cell", { name: "member@acme.test" })).toBeVisible();
});

test("a Blue Harbor member opening an Acme order by its URL gets not found", async ({ browser, page }, testInfo) => {
  test.setTimeout(180_000);
  await signIn(page, customerUrl, "admin@acme.test");
  await expect(page.getByRole("heading", { name: "What needs you" })).toBeVisible({ timeout: 90_000 });
  const orderId = await submitOrderViaApi(page, { tns: ["+16172531061"], reference: "ACME-PRIVATE-1" });
  await page.goto(`${customerUrl}/orders/${orderId}`);
  await expect(page.getByRole("heading", { name: "Order ACME-PRIVATE-1" })).toBeVisible({ timeout: 90_000 });

  const other = await browser.newContext();
  const blue = await other.newPage();
  await signIn(blue, customerUrl, "member@blueharbor.test");
  await expect(blue.getByText("Blue Harbor Telecom · member")).toBeVisible({ timeout: 90_000 });
  const response = await blue.goto(`${customerUrl}/orders/${orderId}`);
  expect(response?.status()).toBe(404);
  await expect(blue.getByRole("heading", { name: "Order not found" })).toBeVisible();
  await expect(blue.getByText("ACME-PRIVATE-1")).toHaveCount(0);
  await expectNoSeriousViolations(blue, "order-not-found");
  await blue.screenshot({ path: testInfo.outputPath("customer-other-account-not-found.png"), fullPage: true });
  // The API answers the same: not found, nothing of the order.
  await expect(callTrpc(blue, "customer", "orders.get", { orderId }, "query")).rejects.toThrow(/404|not found/i);
  await other.close();
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
