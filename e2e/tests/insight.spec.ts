import { expect, test } from "@playwright/test";
import { adminUrl, customerUrl } from "../ports";
import { expectNoSeriousViolations as expectNoAdminViolations, open, signedIn } from "./admin-helpers";
import { expectNoSeriousViolations, waitForReady } from "./customer-a11y";
import { callTrpc, loaPdf } from "./trpc";

/**
 * Carrier insight as the customer and the porting team meet it, on the demo's carrier history: Atlantic Telephone
 * rejected over a fifth of its quarter for the service address and commits FOC in about seven business days.
 */
test("the FOC step shows the carrier's median and marks early dates; the review step warns of the address", async ({
  browser,
}, testInfo) => {
  test.setTimeout(300_000);
  const page = await signedIn(browser, customerUrl, "admin@acme.test");
  await page.goto(`${customerUrl}/orders/new`);
  await expect(page.getByRole("heading", { name: "Step 1 of 5: Numbers" })).toBeVisible({ timeout: 90_000 });
  await waitForReady(page);
  await page.getByLabel("Telephone numbers to port").fill("617-253-1701\n617-253-1702");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByRole("heading", { name: "Step 2 of 5: Account details" })).toBeVisible({ timeout: 60_000 });
  await page.getByLabel("Customer order reference").fill("INSIGHT-1");
  await page.getByLabel("Business name").fill("Harbor Lights Bakery");
  await page.getByLabel("Authorizing person (signs the LOA)").fill("Jordan Baker");
  await page.getByLabel("Billing telephone number (BTN)").fill("617-253-1701");
  await page.getByLabel("Account number").fill("ACCT-77017");
  await page.getByLabel("House number").fill("12");
  await page.getByLabel("Street").fill("Atlantic Ave");
  await page.getByLabel("City").fill("Boston");
  await page.getByLabel("State").selectOption("MA");
  await page.getByLabel("ZIP code").fill("02110");
  await page.getByRole("button", { name: "Save and continue" }).click();

  await expect(page.getByRole("heading", { name: "Step 3 of 5: Documents" })).toBeVisible({ timeout: 60_000 });
  const me = await callTrpc<{ now: string }>(page, "customer", "me.get", undefined, "query");
  await page.getByLabel("Signed on (date)").fill(me.now.slice(0, 10));
  await page.getByLabel("File").setInputFiles({ name: "signed-loa.pdf", mimeType: "application/pdf", buffer: loaPdf });
  await page.getByRole("button", { name: "Upload", exact: true }).click();
  await expect(page.getByRole("list", { name: "Uploaded documents" })).toContainText("signed-loa.pdf");
  await page.getByRole("button", { name: "Continue" }).click();

  await expect(page.getByRole("heading", { name: "Step 4 of 5: Requested FOC" })).toBeVisible({ timeout: 60_000 });
  const expectation = page.getByTestId("foc-expectation");
  await expect(expectation).toHaveText(
    /^Atlantic Telephone Company usually commits FOC in \d+ business days \(median of \d+ orders; \d+ at the 90th percentile\)$/,
    { timeout: 60_000 },
  );
  const focDate = page.getByLabel("FOC date", { exact: true });
  await expect(focDate.locator("option", { hasText: "(likely to be moved)" }).first()).toBeAttached({
    timeout: 30_000,
  });
  const labels = await focDate
    .locator("option")
    .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).textContent ?? "").filter(Boolean));
  // The marked dates come first (the earliest), then the ones the carrier usually meets.
  const marked = labels.filter((l) => l.includes("(likely to be moved)"));
  const firstUnmarked = labels.findIndex((l, i) => i > 0 && !l.includes("(likely to be moved)"));
  expect(marked.length).toBeGreaterThan(0);
  expect(labels.slice(firstUnmarked).some((l) => l.includes("(likely to be moved)"))).toBe(false);
  await expect(page.getByText(/earlier than the losing carrier usually commits: likely to be moved/)).toBeVisible();
  await expectNoSeriousViolations(page, "wizard-foc-insight");
  await page.screenshot({ path: testInfo.outputPath("foc-step-insight.png"), fullPage: true });
  const values = await focDate
    .locator("option")
    .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
  await focDate.selectOption(values[values.length - 1] ?? "");
  await page.getByLabel("FOC time", { exact: true }).selectOption("10:00");
  await page.getByRole("button", { name: "Save and continue" }).click();

  await expect(page.getByRole("heading", { name: "Step 5 of 5: Review and submit" })).toBeVisible({ timeout: 60_000 });
  const warning = page.getByTestId("risk-warning").filter({ hasText: "service address" });
  await expect(warning).toContainText(
    /serviceAddress: Atlantic Telephone Company rejected \d+% of \d+ orders in the last 90 days for a service address that does not match its records/,
    { timeout: 60_000 },
  );
  await expectNoSeriousViolations(page, "wizard-review-insight");
  await page.screenshot({ path: testInfo.outputPath("review-step-insight.png"), fullPage: true });
  await page.context().close();
});

test("the reports' rejections by losing carrier lead to the carrier's insight page", async ({ browser }, testInfo) => {
  test.setTimeout(240_000);
  const lead = await signedIn(browser, adminUrl, "lead@portway.test");
  await open(lead, "/reports");
  const report = lead.locator("section", { has: lead.locator("#carriers-heading") });
  await report.getByText("Table behind the chart").click();
  await lead.getByRole("link", { name: /9202 \(Atlantic Telephone Company insight\)/ }).click();
  await expect(lead.getByRole("heading", { name: /Atlantic Telephone Company/ })).toBeVisible({ timeout: 60_000 });
  await expect(lead.getByTestId("insight-foc")).toContainText(/median \d+ business days/);
  await expect(lead.getByTestId("insight-reason").first()).toContainText("address mismatch");
  await expect(lead.getByTestId("insight-week").first()).toBeVisible();
  await expectNoAdminViolations(lead, "carrier-insight");
  await lead.screenshot({ path: testInfo.outputPath("carrier-insight.png"), fullPage: true });
  // A carrier with no orders in the period, and one that does not exist.
  await open(lead, "/carriers/7A01");
  await expect(lead.getByTestId("insight-empty")).toBeVisible();
  const missing = await lead.request.get(`${adminUrl}/carriers/0000`);
  expect(missing.status()).toBe(404);
  await lead.context().close();
});
