import { expect, test } from "@playwright/test";
import { adminUrl, customerUrl } from "../ports";
import { adminPages, expectNoSeriousViolations, open, settle, signedIn, warmUpAdmin } from "./admin-helpers";
import { callTrpc, TrpcCallError } from "./trpc";

const runId = Date.now().toString(36).slice(-4).toUpperCase();
const header =
  "npa,nxx,rate_center,state,lata,time_zone,carrier_name,carrier_spid,carrier_type,on_net,partner_supported,min_business_days";
const spid = `T${runId.slice(-3)}`.replace(/[^0-9A-Z]/g, "0");
const carrierName = `Tidewater Telephone ${runId}`;
const goodRow = `757,234,Norfolk,VA,252,America/New_York,${carrierName},${spid},WIRELINE,false,true,2`;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(900_000);
  await warmUpAdmin(adminPages);
});

test("a lead imports a CSV with two bad rows (nothing applied, rows reported), then a good one", async ({
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const lead = await signedIn(browser, adminUrl, "lead@portway.test");
  await open(lead, "/numbering");
  const bad = [
    header,
    goodRow,
    `757,123,Norfolk,VA,252,America/New_York,${carrierName},${spid},WIRELINE,false,true,2`,
    `757,235,Norfolk,VA,252,America/New_York,${carrierName},${spid},CABLE,false,true,2`,
  ].join("\n");
  await lead.getByLabel("CSV content").fill(bad);
  await lead.getByRole("button", { name: "Validate" }).click();
  await expect(lead.getByRole("heading", { name: "Not applied: fix the rows below" })).toBeVisible({ timeout: 60_000 });
  await expect(lead.getByTestId("import-summary")).toContainText("3 rows: 1 valid, 2 with errors");
  const errors = lead.getByRole("table", { name: "Rows with errors" });
  // Rows are numbered as lines of the file, the header being row 1: the bad rows are 3 and 4.
  await expect(
    errors.getByRole("row").filter({ has: lead.getByRole("cell", { name: "3", exact: true }) }),
  ).toContainText("nxx");
  await expect(
    errors.getByRole("row").filter({ has: lead.getByRole("cell", { name: "4", exact: true }) }),
  ).toContainText("carrier_type");
  await expect(errors.getByRole("row").filter({ has: lead.getByRole("cell", { name: "2", exact: true }) })).toHaveCount(
    0,
  );
  await expect(lead.getByRole("button", { name: "Apply import" })).toBeDisabled();
  // Applying the bad file anyway (through the API) writes nothing and reports the same rows.
  const refused = await callTrpc<{ applied: boolean; summary: { errorRows: number } }>(
    lead,
    "admin",
    "numbering.applyImport",
    { csv: bad },
    "mutation",
  );
  expect(refused).toMatchObject({ applied: false, summary: { errorRows: 2 } });
  await expectNoSeriousViolations(lead, "numbering-import-report");
  await lead.screenshot({ path: testInfo.outputPath("import-bad-rows.png"), fullPage: true });
  await open(lead, "/carriers");
  await expect(lead.getByRole("heading", { name: "Carriers and their rules" })).toBeVisible();
  await expect(lead.getByText(carrierName)).toHaveCount(0);

  await open(lead, "/numbering");
  await lead.getByLabel("CSV content").fill([header, goodRow].join("\n"));
  await lead.getByRole("button", { name: "Validate" }).click();
  await expect(lead.getByRole("heading", { name: "Every row is valid: nothing written yet" })).toBeVisible();
  await lead.getByRole("button", { name: "Apply import" }).click();
  await expect(lead.getByRole("heading", { name: "Applied" })).toBeVisible();
  await lead.screenshot({ path: testInfo.outputPath("import-applied.png"), fullPage: true });
  await open(lead, "/carriers");
  await expect(lead.getByRole("rowheader", { name: new RegExp(carrierName) })).toBeVisible();
  await expectNoSeriousViolations(lead, "carriers");
});

test("a lead adds a holiday and the customer's FOC picker no longer offers that date", async ({
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const customer = await signedIn(browser, customerUrl, "admin@acme.test");
  const picker = () =>
    callTrpc<{ dates: string[] }>(
      customer,
      "customer",
      "foc.forSubmission",
      { orders: [{ carrierSpid: "9202", portType: "AUTOMATED" }] },
      "query",
    );
  const before = await picker();
  const holiday = before.dates[before.dates.length - 1];
  expect(holiday).toBeDefined();
  const lead = await signedIn(browser, adminUrl, "lead@portway.test");
  await open(lead, "/holidays");
  await lead.getByLabel("Date", { exact: true }).fill(holiday ?? "");
  await lead.getByLabel("Name", { exact: true }).fill(`Systems cutover ${runId}`);
  await lead.getByRole("button", { name: "Add holiday" }).click();
  await expect(lead.getByRole("cell", { name: `Systems cutover ${runId}` })).toBeVisible();
  await expectNoSeriousViolations(lead, "holidays");
  await lead.screenshot({ path: testInfo.outputPath("holiday-added.png"), fullPage: true });
  const after = await picker();
  expect(after.dates).not.toContain(holiday);
  // The same date again is refused with the reason, next to the date field.
  await lead.getByLabel("Date", { exact: true }).fill(holiday ?? "");
  await lead.getByLabel("Name", { exact: true }).fill("Twice");
  await lead.getByRole("button", { name: "Add holiday" }).click();
  await expect(lead.getByRole("alert").filter({ hasText: `${holiday} is already a holiday` })).toBeVisible();
});

test("a lead reads the reports with charts, tables and CSV", async ({ browser }, testInfo) => {
  test.setTimeout(240_000);
  const lead = await signedIn(browser, adminUrl, "lead@portway.test");
  await open(lead, "/reports");
  await expect(lead.getByRole("heading", { name: "Orders by status over time" })).toBeVisible({ timeout: 90_000 });
  await expect(lead.getByRole("img", { name: "First-time-right rate by carrier" })).toBeVisible();
  await expect(lead.getByRole("img", { name: "Time from submission to FOC" })).toBeVisible();
  const download = await lead.request.get(`${adminUrl}/reports/export?chart=status-by-week`);
  expect(download.status()).toBe(200);
  expect((await download.text()).split("\r\n")[0]).toMatch(/^week_starting,/);
  await expectNoSeriousViolations(lead, "reports");
  await lead.screenshot({ path: testInfo.outputPath("reports.png"), fullPage: true });
  for (const path of ["/accounts", "/carriers", "/numbering", "/holidays"]) {
    await open(lead, path);
    await expect(lead.getByRole("heading", { level: 1 })).toBeVisible({ timeout: 60_000 });
    await expectNoSeriousViolations(lead, path);
  }
  await open(lead, "/accounts");
  await lead.getByRole("link", { name: "Acme Voice" }).first().click();
  await settle(lead);
  await expect(lead.getByRole("table", { name: "Users of Acme Voice" })).toContainText("admin@acme.test");
  await expectNoSeriousViolations(lead, "account");
  await lead.screenshot({ path: testInfo.outputPath("account.png"), fullPage: true });
});

test("an analyst cannot open lead-only pages nor call their procedures", async ({ browser }, testInfo) => {
  test.setTimeout(240_000);
  const analyst = await signedIn(browser, adminUrl, "analyst@portway.test");
  await expect(analyst.getByRole("link", { name: "Reports" })).toHaveCount(0);
  for (const path of ["/reports", "/accounts", "/carriers", "/numbering", "/holidays"]) {
    await open(analyst, path);
    await expect(analyst.getByRole("heading", { name: "Lead only" })).toBeVisible({ timeout: 60_000 });
  }
  await analyst.screenshot({ path: testInfo.outputPath("analyst-lead-only.png"), fullPage: true });
  const attempts: [string, unknown, "query" | "mutation"][] = [
    ["administration.addHoliday", { date: "2031-01-02", name: "Nope", carrierId: null }, "mutation"],
    ["administration.createAccount", { name: "Nope", slug: "nope-analyst", onNetOnly: false }, "mutation"],
    ["numbering.applyImport", { csv: `${header}\n` }, "mutation"],
    ["reports.get", {}, "query"],
  ];
  for (const [path, input, kind] of attempts) {
    const error = await callTrpc(analyst, "admin", path, input, kind).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TrpcCallError);
    expect((error as TrpcCallError).status).toBe(403);
  }
  expect((await analyst.request.get(`${adminUrl}/reports/export?chart=first-time-right`)).status()).toBe(403);
});

test("every admin queue passes axe with no serious or critical violation", async ({ browser }) => {
  test.setTimeout(300_000);
  const analyst = await signedIn(browser, adminUrl, "analyst@portway.test");
  await expectNoSeriousViolations(analyst, "home");
  for (const queue of ["project-ports", "short-notice", "exceptions", "tickets", "stuck", "failed-deliveries"]) {
    await open(analyst, `/queues/${queue}`);
    await expect(analyst.getByRole("heading", { level: 1 })).toBeVisible({ timeout: 60_000 });
    await expectNoSeriousViolations(analyst, queue);
  }
});
