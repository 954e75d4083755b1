import { expect, test } from "@playwright/test";
import { customerUrl } from "../ports";
import { expectNoSeriousViolations, waitForReady } from "./customer-a11y";
import { setSandboxClock } from "./sandbox";
import { signIn } from "./sign-in";
import { advanceUntilStatus, readCustomerOrder, submitOrderViaApi, waitForPon } from "./trpc";

test.beforeEach(async ({ page }) => {
  await signIn(page, customerUrl, "admin@acme.test");
  await expect(page.getByRole("heading", { name: "What needs you" })).toBeVisible({ timeout: 90_000 });
});

test("a rejected order is fixed through the fix form with CSR values and resubmitted", async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  // Account number ending 9912: the losing carrier rejects with an address and an account-number mismatch.
  const orderId = await submitOrderViaApi(page, {
    tns: ["+16172531201"],
    reference: "CHANGES-REJECTED-9912",
    accountNumber: "ACCT-9912",
  });
  await waitForPon(page, orderId);
  await advanceUntilStatus(page, orderId, ["EXCEPTION"]);
  await page.goto(`${customerUrl}/orders/${orderId}`);
  await waitForReady(page);
  await expect(page.getByRole("heading", { name: "Rejected: 2 problems to fix" })).toBeVisible({ timeout: 90_000 });
  await expect(page.getByRole("heading", { name: "Service address does not match" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Account number is missing or wrong" })).toBeVisible();

  const fix = page.getByRole("form", { name: "Fix and resubmit" });
  // Only the fields these rejections concern.
  await expect(fix.getByLabel("House number")).toBeVisible();
  await expect(fix.getByLabel("Account number at the losing carrier")).toBeVisible();
  await expect(fix.getByLabel("Billing telephone number (BTN)")).toHaveCount(0);
  await expect(fix.getByLabel("Telephone numbers")).toHaveCount(0);
  await expect(fix.getByText("Requested FOC", { exact: true })).toHaveCount(0);
  // Submitting without a change is refused in the browser, next to the form.
  await fix.getByRole("button", { name: "Fix and resubmit" }).click();
  await expect(fix.getByText("Nothing changed yet: change at least one field.")).toBeVisible();
  const adoptButtons = fix.getByRole("button", { name: /Use the CSR's value/ });
  expect(await adoptButtons.count()).toBeGreaterThanOrEqual(2);
  const before = await fix.getByLabel("House number").inputValue();
  for (const button of await adoptButtons.all()) {
    await button.click();
  }
  expect(await fix.getByLabel("House number").inputValue()).not.toBe(before);
  await expect(fix.getByLabel("Account number at the losing carrier")).not.toHaveValue("ACCT-9912");
  await expectNoSeriousViolations(page, "order-fix-form");
  await page.screenshot({ path: testInfo.outputPath("fix-form.png"), fullPage: true });
  await fix.getByRole("button", { name: "Fix and resubmit" }).click();
  await expect(page.getByText("Sent. The losing carrier checks the order again (CSR phase).")).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByTestId("order-status")).toHaveText("CSR REVIEW");
  await advanceUntilStatus(page, orderId, ["FOC"]);
  await expect(page.getByTestId("order-status")).toHaveText("FOC", { timeout: 30_000 });
  await expect(page.getByRole("list", { name: "Order timeline" })).toContainText("EXCEPTION → CSR REVIEW");
  await page.screenshot({ path: testInfo.outputPath("fixed-order-foc.png"), fullPage: true });
});

test("an order is rescheduled after FOC", async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  const orderId = await submitOrderViaApi(page, { tns: ["+16172531301"], reference: "CHANGES-RESCHEDULE-1" });
  await waitForPon(page, orderId);
  const focked = await advanceUntilStatus(page, orderId, ["FOC"]);
  await page.goto(`${customerUrl}/orders/${orderId}`);
  await waitForReady(page);
  await expect(page.getByTestId("order-status")).toHaveText("FOC", { timeout: 90_000 });
  // Before FOC changes are over: editing is refused with the domain's reason.
  await expect(page.getByRole("button", { name: "Edit order" })).toBeDisabled();
  await expect(page.getByRole("button", { name: "Activate now" })).toBeDisabled();
  await page.getByRole("button", { name: "Reschedule" }).click();
  const form = page.getByRole("form", { name: "Reschedule" });
  const focDate = form.getByLabel("FOC date", { exact: true });
  await expect(focDate.locator("option").nth(3)).toBeAttached({ timeout: 60_000 });
  const current = (focked.order.focAt ?? "").slice(0, 10);
  const dates = await focDate
    .locator("option")
    .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
  const newDate = dates.filter((d) => d > current)[1] ?? dates.at(-1) ?? "";
  await focDate.selectOption(newDate);
  await form.getByLabel("FOC time", { exact: true }).selectOption("14:00");
  await expectNoSeriousViolations(page, "order-reschedule");
  await page.screenshot({ path: testInfo.outputPath("reschedule-form.png"), fullPage: true });
  await form.getByRole("button", { name: "Request this FOC" }).click();
  await expect(page.getByText("Reschedule sent to the losing carrier")).toBeVisible({ timeout: 30_000 });
  await advanceUntilStatus(page, orderId, ["FOC"], 30 * 60_000);
  await expect
    .poll(async () => (await readCustomerOrder(page, orderId)).order.focAt, { timeout: 60_000 })
    .not.toBe(focked.order.focAt);
  await expect(page.getByTestId("order-foc")).toContainText(/2:00\sPM ET/, { timeout: 30_000 });
  await page.screenshot({ path: testInfo.outputPath("rescheduled.png"), fullPage: true });
});

test("a short-notice cancel shows as waiting for the porting team", async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  const orderId = await submitOrderViaApi(page, { tns: ["+16172531401"], reference: "CHANGES-SHORT-CANCEL" });
  await waitForPon(page, orderId);
  const focked = await advanceUntilStatus(page, orderId, ["FOC"]);
  // Two hours before the FOC: well past the cutoff (one business day before).
  await setSandboxClock(new Date(new Date(focked.order.focAt ?? "").getTime() - 2 * 3600_000));
  await page.goto(`${customerUrl}/orders/${orderId}`);
  await waitForReady(page);
  await expect(page.getByTestId("order-status")).toHaveText("FOC", { timeout: 90_000 });
  await expect(page.getByTestId("cutoff-countdown")).toContainText("past the short-notice cutoff");
  await expect(page.getByText("Short notice: goes to the porting team.").first()).toBeVisible();
  await page.getByRole("button", { name: "Cancel order" }).click();
  const form = page.getByRole("form", { name: "Cancel the order" });
  await form.getByLabel("Reason (optional)").fill("The end user is staying with the current carrier.");
  await form.getByRole("button", { name: "Confirm cancel" }).click();
  await expect(page.getByText("Cancel requested at short notice: it waits for the porting team.")).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByRole("status").filter({ hasText: "waiting for the porting team" }).first()).toBeVisible();
  await expect(page.getByTestId("order-status")).toHaveText("FOC");
  await expectNoSeriousViolations(page, "order-short-notice");
  await page.screenshot({ path: testInfo.outputPath("short-notice-cancel.png"), fullPage: true });
  await page.getByRole("link", { name: "Home" }).click();
  await expect(page.getByRole("heading", { name: /Short-notice requests with the porting team \([1-9]/ })).toBeVisible({
    timeout: 60_000,
  });
  await expect(page.getByRole("link", { name: "CHANGES-SHORT-CANCEL" }).first()).toBeVisible();
});
