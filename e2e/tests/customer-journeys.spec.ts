import { expect, test } from "@playwright/test";
import { customerUrl } from "../ports";
import { expectNoSeriousViolations, waitForReady } from "./customer-a11y";
import { pdfText } from "./pdf-text";
import { advanceSandboxClock, setSandboxClock } from "./sandbox";
import { signIn } from "./sign-in";
import { advanceUntilStatus, callTrpc, loaPdf, readCustomerOrder, waitForPon } from "./trpc";

test.beforeEach(async ({ page }) => {
  await signIn(page, customerUrl, "admin@acme.test");
  await expect(page.getByRole("heading", { name: "What needs you" })).toBeVisible({ timeout: 90_000 });
});

test("check 1,000 numbers and start an order from the portable ones", async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  await page.getByRole("link", { name: "Check numbers" }).first().click();
  await expect(page.getByRole("heading", { name: "Check numbers" })).toBeVisible({ timeout: 90_000 });
  await waitForReady(page);
  const input = page.getByRole("textbox", { name: "Numbers to check" });
  // A range and a typo: the typo is flagged while typing, before anything is sent.
  await input.fill("6172532000-6172532999\n617-253-20x1");
  await expect(page.getByText("1,000 valid numbers, 1 invalid")).toBeVisible();
  await expect(page.getByRole("list", { name: "Invalid numbers" })).toContainText("617-253-20x1");
  await page.getByRole("button", { name: "Check numbers" }).click();
  await expect(page.getByText(/1,001 checked: 1,000 portable/)).toBeVisible({ timeout: 60_000 });
  const proposed = page.getByRole("table", { name: "Proposed orders" });
  await expect(proposed.getByRole("row")).toHaveCount(2);
  await expect(proposed).toContainText("Atlantic Telephone");
  // 1,000 off-net numbers are over the partner's automated limit (600): a project port.
  await expect(proposed).toContainText("PROJECT");
  await expect(proposed).toContainText("1,000");
  await page.getByLabel("Show only numbers that cannot be ported").check();
  await expect(page.getByRole("table", { name: "Result per number" })).toContainText("617-253-20x1");
  await page.screenshot({ path: testInfo.outputPath("check-1000.png"), fullPage: true });
  await page.getByRole("button", { name: "Start an order from the 1,000 portable numbers" }).click();
  await expect(page).toHaveURL(/\/orders\/new\?draft=[0-9a-f-]{36}&step=1/, { timeout: 60_000 });
  await expect(page.getByText("1,000 valid numbers")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByLabel("Telephone numbers to port")).toHaveValue(/^\+16172532000\n/);
  await page.screenshot({ path: testInfo.outputPath("check-1000-started-order.png"), fullPage: true });
});

test("an off-net order with an LOA and an FOC is submitted, gets its FOC and completes", async ({ page }, testInfo) => {
  test.setTimeout(400_000);
  await page.getByRole("link", { name: "New port-in" }).first().click();
  await expect(page.getByRole("heading", { name: "Step 1 of 5: Numbers" })).toBeVisible({ timeout: 90_000 });
  await waitForReady(page);
  const tns = page.getByLabel("Telephone numbers to port");
  await tns.fill("(617) 253-1101, 617.253.1102\n+1 617 253 1103, 12345");
  await expect(page.getByRole("list", { name: "Invalid numbers" })).toContainText("12345");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByText(/12345: /).first()).toBeVisible();
  await tns.fill("(617) 253-1101, 617.253.1102\n+1 617 253 1103");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByRole("heading", { name: "Step 2 of 5: Account details" })).toBeVisible({ timeout: 60_000 });
  const draftId = new URL(page.url()).searchParams.get("draft") ?? "";

  // Browser validation with the domain's schemas, each message next to its field.
  await page.getByLabel("ZIP code").fill("0211");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByText("Enter a 5-digit ZIP code (or ZIP+4).")).toBeVisible();
  await expect(page.getByText("Customer order reference is required.")).toBeVisible();
  await page.getByLabel("Customer order reference").fill("JOURNEY-OFFNET-1");
  await page.getByLabel("Business name").fill("Harbor Lights Bakery");
  await page.getByLabel("Authorizing person (signs the LOA)").fill("Jordan Baker");
  await page.getByLabel("Billing telephone number (BTN)").fill("617-253-1101");
  await page.getByLabel("Account number").fill("ACCT-77001");
  await page.getByLabel("House number").fill("12");
  await page.getByLabel("Street").fill("Atlantic Ave");
  await page.getByLabel("City").fill("Boston");
  await page.getByLabel("State").selectOption("MA");
  await page.getByLabel("ZIP code").fill("02110");
  await page.screenshot({ path: testInfo.outputPath("wizard-account.png"), fullPage: true });
  await page.getByRole("button", { name: "Save and continue" }).click();

  await expect(page.getByRole("heading", { name: "Step 3 of 5: Documents" })).toBeVisible({ timeout: 60_000 });
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download the LOA to sign (PDF)" }).click();
  const loa = await downloadPromise;
  expect(loa.suggestedFilename()).toBe("LOA-JOURNEY-OFFNET-1.pdf");
  const loaPath = testInfo.outputPath("generated-loa.pdf");
  await loa.saveAs(loaPath);
  const { readFileSync } = await import("node:fs");
  const loaBytes = readFileSync(loaPath);
  expect(loaBytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect(await pdfText(loaBytes)).toContain("Harbor Lights Bakery");
  // A file that is not what its name says is refused by content, next to the file field.
  await page.getByLabel("Signed on (date)").fill(new Date().toISOString().slice(0, 10));
  await page
    .getByLabel("File")
    .setInputFiles({ name: "loa.pdf", mimeType: "application/pdf", buffer: Buffer.from("hello") });
  await page.getByRole("button", { name: "Upload", exact: true }).click();
  await expect(page.getByText(/loa\.pdf (is named as application\/pdf but its content is|is not a PDF)/)).toBeVisible();
  const me = await callTrpc<{ now: string }>(page, "customer", "me.get", undefined, "query");
  await page.getByLabel("Signed on (date)").fill(me.now.slice(0, 10));
  await page.getByLabel("File").setInputFiles({ name: "signed-loa.pdf", mimeType: "application/pdf", buffer: loaPdf });
  await page.getByRole("button", { name: "Upload", exact: true }).click();
  await expect(page.getByRole("list", { name: "Uploaded documents" })).toContainText("signed-loa.pdf");
  await page.getByRole("button", { name: "Continue" }).click();

  await expect(page.getByRole("heading", { name: "Step 4 of 5: Requested FOC" })).toBeVisible({ timeout: 60_000 });
  const focDate = page.getByLabel("FOC date", { exact: true });
  await expect(focDate.locator("option").nth(1)).toBeAttached({ timeout: 60_000 });
  const dates = await focDate
    .locator("option")
    .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
  expect(dates.every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))).toBe(true);
  for (const d of dates) {
    const weekday = new Date(`${d}T12:00:00Z`).getUTCDay();
    expect(weekday === 0 || weekday === 6).toBe(false);
  }
  const chosen = dates[0] ?? "";
  await focDate.selectOption(chosen);
  const times = await page
    .getByLabel("FOC time", { exact: true })
    .locator("option")
    .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
  expect(times[0]).toBe("06:00");
  expect(times.at(-1)).toBe("22:00");
  await page.getByLabel("FOC time", { exact: true }).selectOption("10:00");
  await expect(page.getByText(/at 10:00 ET = .* in your zone/)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("wizard-foc.png"), fullPage: true });
  await page.getByRole("button", { name: "Save and continue" }).click();

  await expect(page.getByRole("heading", { name: "Step 5 of 5: Review and submit" })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText("Everything checks out.")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("review-port-type")).toHaveText("AUTOMATED");
  await page.screenshot({ path: testInfo.outputPath("wizard-review.png"), fullPage: true });
  await page.getByRole("button", { name: "Submit port-in" }).click();

  await expect(page.getByRole("heading", { name: "Order JOURNEY-OFFNET-1" })).toBeVisible({ timeout: 90_000 });
  const orderId = page.url().split("/orders/")[1] ?? "";
  expect(orderId).toMatch(/^[0-9a-f-]{36}$/);
  expect(draftId).not.toBe("");
  await expect(page.getByTestId("order-port-type")).toContainText("AUTOMATED");
  await waitForPon(page, orderId);
  await expect(page.getByTestId("order-pon")).toHaveText(/^\d{9}$/, { timeout: 30_000 });

  await advanceUntilStatus(page, orderId, ["FOC"]);
  await expect(page.getByTestId("order-status")).toHaveText("FOC", { timeout: 30_000 });
  await expect(page.getByTestId("order-foc")).toContainText(/10:00\sAM ET/);
  await expect(page.getByTestId("cutoff-countdown")).toContainText(/left to reschedule or cancel|cutoff/);
  await expect(page.getByRole("list", { name: "Order timeline" })).toContainText("PENDING FOC → FOC");
  await page.screenshot({ path: testInfo.outputPath("order-foc.png"), fullPage: true });

  // Business time reaches the FOC: the worker activates, the partner confirms each number.
  const state = await readCustomerOrder(page, orderId);
  await setSandboxClock(new Date(new Date(state.order.focAt ?? "").getTime() + 60_000));
  await advanceUntilStatus(page, orderId, ["COMPLETE"], 10 * 60_000);
  await expect(page.getByTestId("order-status")).toHaveText("COMPLETE", { timeout: 30_000 });
  await expect(page.getByRole("table", { name: "Numbers and their status" })).toContainText("ACTIVATED");
  await expectNoSeriousViolations(page, "order-complete");
  await page.screenshot({ path: testInfo.outputPath("order-complete.png"), fullPage: true });
  await advanceSandboxClock(1000);
});

test("a 601-number off-net submission shows as a project port before submit", async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  const tns = Array.from({ length: 601 }, (_, i) => `+1617253${String(3000 + i).padStart(4, "0")}`);
  const draft = await callTrpc<{ id: string }>(
    page,
    "customer",
    "drafts.save",
    {
      data: {
        tns,
        btn: tns[0],
        partialPort: false,
        subscriber: { type: "BUSINESS", businessName: "Big Harbor Call Center" },
        accountNumber: "ACCT-60100",
        serviceAddress: { houseNumber: "1", street: "Seaport Blvd", city: "Boston", state: "MA", zip: "02210" },
        loaAuthorizingPerson: "Casey Long",
        onDemandActivation: false,
        customerOrderRef: "JOURNEY-PROJECT-601",
      },
    },
    "mutation",
  );
  await page.goto(`${customerUrl}/orders/new?draft=${draft.id}&step=5`);
  await expect(page.getByRole("heading", { name: "Step 5 of 5: Review and submit" })).toBeVisible({ timeout: 90_000 });
  await waitForReady(page);
  await expect(page.getByTestId("review-port-type")).toHaveText("PROJECT", { timeout: 60_000 });
  // Beside the carrier's rejection-risk note (the demo's carrier history), the project port's own note.
  const projectNote = page.getByRole("note").filter({ hasText: "Project port." });
  await expect(projectNote).toContainText("porting times may be longer");
  await expect(page.getByRole("table", { name: "Orders this submission creates" })).toContainText("601");
  await expectNoSeriousViolations(page, "wizard-review-project");
  await page.screenshot({ path: testInfo.outputPath("review-project-601.png"), fullPage: true });
});
