import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { customerUrl } from "../ports";
import { expectNoSeriousViolations, tabTo, waitForReady } from "./customer-a11y";
import { signIn } from "./sign-in";
import { submitOrderViaApi } from "./trpc";

test("keyboard only: the orders list filtered by a TN, sorted by FOC, exported to CSV", async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  await signIn(page, customerUrl, "admin@acme.test");
  await expect(page.getByRole("heading", { name: "What needs you" })).toBeVisible({ timeout: 90_000 });
  await submitOrderViaApi(page, { tns: ["+16172531501", "+16172531502"], reference: "LIST-MATCH-1" });
  await submitOrderViaApi(page, { tns: ["+16172531503"], reference: "LIST-OTHER-1", focIndex: 2 });

  await page.goto(`${customerUrl}/orders`);
  await expect(page.getByRole("heading", { name: "Port-in orders" })).toBeVisible({ timeout: 90_000 });
  await waitForReady(page);
  const table = page.getByRole("table", { name: "Port-in orders" });
  await expect(table.getByRole("link", { name: "LIST-OTHER-1" })).toBeVisible();
  await expectNoSeriousViolations(page, "orders-list");

  // A TN with a typo is refused next to the filter, in words.
  await tabTo(page, page.getByLabel("Any TN"));
  await page.keyboard.type("617-253-15O2");
  await tabTo(page, page.getByRole("button", { name: "Apply filters" }));
  await page.keyboard.press("Enter");
  await expect(page.getByText(/TN filter: /)).toBeVisible({ timeout: 30_000 });

  await tabTo(page, page.getByLabel("Any TN"));
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("(617) 253-1502");
  await tabTo(page, page.getByRole("button", { name: "Apply filters" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/tn=%28617%29\+253-1502|tn=\(617\)/, { timeout: 30_000 });
  await expect(table.getByRole("link", { name: "LIST-MATCH-1" })).toBeVisible({ timeout: 30_000 });
  await expect(table.getByRole("link", { name: "LIST-OTHER-1" })).toHaveCount(0);
  await expect(table.getByRole("row")).toHaveCount(2);

  await tabTo(page, table.getByRole("button", { name: "FOC", exact: true }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/sort=focAt/, { timeout: 30_000 });
  await expect(table.getByRole("columnheader", { name: "FOC" })).toHaveAttribute("aria-sort", "ascending");
  await page.screenshot({ path: testInfo.outputPath("orders-filtered-sorted.png"), fullPage: true });

  const downloadPromise = page.waitForEvent("download");
  await tabTo(page, page.getByRole("button", { name: "Export CSV (all matching orders)" }));
  await page.keyboard.press("Enter");
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^portway-orders-\d{4}-\d{2}-\d{2}\.csv$/);
  const csvPath = testInfo.outputPath("orders.csv");
  await download.saveAs(csvPath);
  const lines = readFileSync(csvPath, "utf8").trim().split(/\r\n/);
  expect(lines[0]).toBe("Order ID,Account,Customer reference,Status,Port type,PON,BTN,TNs,Requested FOC,FOC,Created");
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain("LIST-MATCH-1");
  expect(lines[1]).toContain("Acme Voice");
  expect(lines[1]).toContain("+16172531501");
  expect(lines.join("\n")).not.toContain("LIST-OTHER-1");
});

test("the orders list filtered by several statuses at once, kept in the URL", async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await signIn(page, customerUrl, "admin@acme.test");
  await expect(page.getByRole("heading", { name: "What needs you" })).toBeVisible({ timeout: 90_000 });
  // The demo port-ins (references DEMO-...) are in every status.
  await page.goto(`${customerUrl}/orders?ref=DEMO-`);
  await expect(page.getByRole("heading", { name: "Port-in orders" })).toBeVisible({ timeout: 90_000 });
  await waitForReady(page);
  const table = page.getByRole("table", { name: "Port-in orders" });
  await expect(table.getByRole("link", { name: "DEMO-FOC", exact: true })).toBeVisible({ timeout: 30_000 });

  await page.getByLabel("Status: Any status").click();
  const statuses = page.getByRole("group", { name: "Status" });
  await statuses.getByLabel("CANCELLED").check();
  await statuses.getByLabel("EXCEPTION").check();
  await expect(page.getByLabel("Status: EXCEPTION, CANCELLED")).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("orders-status-choice.png") });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/status=EXCEPTION(%2C|,)CANCELLED/, { timeout: 30_000 });
  await expect(page).toHaveURL(/ref=DEMO-/);
  await expect(table.getByRole("link", { name: "DEMO-CANCELLED" })).toBeVisible({ timeout: 30_000 });
  await expect(table.getByRole("link", { name: "DEMO-REJECTED" })).toBeVisible();
  await expect(table.getByRole("link", { name: "DEMO-FOC", exact: true })).toHaveCount(0);
  const shown = await table.locator("tbody .badge").allTextContents();
  expect(shown.length).toBeGreaterThanOrEqual(2);
  expect(shown.filter((status) => status !== "CANCELLED" && status !== "EXCEPTION")).toEqual([]);

  // The URL carries the filter: a reload shows the same rows and the same choice.
  await page.reload();
  await expect(page.getByLabel("Status: EXCEPTION, CANCELLED")).toBeVisible({ timeout: 90_000 });
  await expect(table.getByRole("link", { name: "DEMO-CANCELLED" })).toBeVisible({ timeout: 30_000 });
  await expect(table.getByRole("link", { name: "DEMO-FOC", exact: true })).toHaveCount(0);
});
