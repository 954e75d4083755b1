import { expect, type Page, type TestInfo, test } from "@playwright/test";
import { adminUrl, customerUrl } from "../ports";
import { expectNoSeriousViolations, open, settle, signedIn, warmUpAdmin } from "./admin-helpers";
import { advanceSandboxClock, setSandboxClock } from "./sandbox";
import { callTrpc, productSql, readCustomerOrder, submitOrderViaApi, waitForPon } from "./trpc";

const runId = Date.now().toString(36).slice(-5).toUpperCase();
const deskPages = ["/", "/orders", "/search?q=nothing", "/staff", "/audit", "/queues/exceptions", "/change-password"];

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(900_000);
  await warmUpAdmin(deskPages);
});

/** A full-page screenshot at 1280 px wide, attached to the test's artifacts. */
async function attachScreenshot(page: Page, testInfo: TestInfo, name: string) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await settle(page);
  await testInfo.attach(name, { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
}

/** At 1280 px the page never scrolls sideways and the navigation stays on one line. */
async function expectFitsAt1280(page: Page) {
  await page.setViewportSize({ width: 1280, height: 900 });
  const sizes = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
    nav: document.querySelector(".admin-nav > ul")?.getBoundingClientRect().height ?? 0,
    tables: [...document.querySelectorAll("main table")].map((table) => {
      const box = (table.closest(".data-table__scroll") ?? table.parentElement)?.getBoundingClientRect();
      return { right: box?.right ?? 0 };
    }),
  }));
  expect(sizes.scroll).toBeLessThanOrEqual(sizes.client);
  expect(sizes.nav).toBeGreaterThan(0);
  expect(sizes.nav).toBeLessThan(40);
  for (const table of sizes.tables) {
    expect(table.right).toBeLessThanOrEqual(sizes.client);
  }
}

let orderId = "";
let pon = "";

test("an analyst finds an order by a TN typed as (617) 253-6070 and by its PON, and works the FOCs due today", async ({
  browser,
}, testInfo) => {
  test.setTimeout(600_000);
  const customer = await signedIn(browser, customerUrl, "admin@acme.test");
  orderId = await submitOrderViaApi(customer, { tns: ["+16172536170"], reference: `DESK-${runId}` });
  await waitForPon(customer, orderId);
  let state = await readCustomerOrder(customer, orderId);
  for (let step = 0; step < 16 && state.order.status !== "FOC"; step++) {
    await advanceSandboxClock(60 * 60_000);
    await customer.waitForTimeout(1500);
    state = await readCustomerOrder(customer, orderId);
  }
  expect(state.order.status).toBe("FOC");
  pon = state.order.pon ?? "";
  // The morning of the FOC day (ET): the order is due today.
  await setSandboxClock(new Date(new Date(state.order.focAt ?? "").getTime() - 3 * 3600_000));

  const analyst = await signedIn(browser, adminUrl, "analyst@portway.test");
  // "The customer is on the phone about +1 617 253 6070": the demo order in CSR review holds that number.
  const [demo] = await productSql("select id, pon from port_orders where customer_reference = 'DEMO-CSR-REVIEW'");
  const demoId = String(demo?.id);
  await analyst.getByRole("searchbox", { name: "Find an order or account" }).fill("(617) 253-6070");
  await analyst.getByRole("button", { name: "Find", exact: true }).click();
  await expect(analyst).toHaveURL(new RegExp(`/orders/${demoId}$`), { timeout: 120_000 });
  // "The partner quotes the PON": straight to the order too, for the demo order and for the one just submitted.
  for (const [quoted, id] of [
    [String(demo?.pon), demoId],
    [pon, orderId],
  ] as const) {
    await analyst.getByRole("searchbox", { name: "Find an order or account" }).fill(quoted);
    await analyst.getByRole("button", { name: "Find", exact: true }).click();
    await expect(analyst).toHaveURL(new RegExp(`/orders/${id}$`), { timeout: 120_000 });
  }

  // Nothing matching: the search page answers with its own box.
  await open(analyst, `/search?q=${encodeURIComponent(`NO-SUCH-${runId}`)}`);
  await expect(analyst.getByText(`Nothing matches “NO-SUCH-${runId}”.`)).toBeVisible();
  await expectNoSeriousViolations(analyst, "admin-search");
  await expectFitsAt1280(analyst);
  await attachScreenshot(analyst, testInfo, "search-1280.png");

  await open(analyst, "/");
  const due = analyst.getByRole("region", { name: "FOCs due today" });
  await expect(due.getByRole("link", { name: `DESK-${runId}` })).toBeVisible();
  await expectNoSeriousViolations(analyst, "admin-home");
  await expectFitsAt1280(analyst);
  await attachScreenshot(analyst, testInfo, "home-1280.png");
  await due.getByRole("link", { name: /due on .*: open the list/ }).click();
  await expect(analyst).toHaveURL(/\/orders\?focFrom=/);
  const list = analyst.getByRole("table", { name: "Orders of every account" });
  await expect(list.getByRole("link", { name: `DESK-${runId}` })).toBeVisible({ timeout: 60_000 });
  await expectNoSeriousViolations(analyst, "admin-orders");
  await expectFitsAt1280(analyst);
  await list.getByRole("link", { name: `DESK-${runId}` }).click();
  await expect(analyst).toHaveURL(new RegExp(`/orders/${orderId}$`));

  // The CSV of the same filters carries the order, its formula-safe cells and the whole set.
  const csv = await analyst.request.get(`${adminUrl}/orders/export?tn=${encodeURIComponent("(617) 253-6170")}`);
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain(`DESK-${runId}`);
  const bad = await analyst.request.get(`${adminUrl}/orders/export?tn=617-CALL-NOW`);
  expect(bad.status()).toBe(400);
});

test("a lead adds an analyst, who must change the first password at the first sign-in", async ({ browser }) => {
  test.setTimeout(300_000);
  const lead = await signedIn(browser, adminUrl, "lead@portway.test");
  await open(lead, "/staff");
  const email = `new.analyst.${runId.toLowerCase()}@portway.test`;
  const form = lead.getByRole("region", { name: "Add a member" });
  await form.getByLabel("Name").fill(`Nova Analyst ${runId}`);
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("First password").fill("handed-over-12345");
  await form.getByRole("button", { name: "Add member" }).click();
  await expect(lead.getByRole("status").filter({ hasText: "must be changed at the first sign-in" })).toBeVisible();
  const members = lead.getByRole("table", { name: "Porting team members" });
  await expect(members.getByRole("row").filter({ hasText: email })).toContainText("Active, first password");
  await expectNoSeriousViolations(lead, "admin-staff");
  await expectFitsAt1280(lead);

  const context = await browser.newContext();
  const analyst = await context.newPage();
  await analyst.goto(`${adminUrl}/`);
  await analyst.getByLabel("Email").fill(email);
  await analyst.getByLabel("Password").fill("handed-over-12345");
  await analyst.getByRole("button", { name: "Sign in" }).click();
  await expect(analyst).toHaveURL(/\/change-password$/, { timeout: 120_000 });
  await settle(analyst);
  // Until the password is changed, the API answers nothing.
  const refused = await callTrpc(analyst, "admin", "queues.counts", undefined, "query").catch((e: Error) => e);
  expect(String(refused)).toContain("UNAUTHORIZED");
  await expectNoSeriousViolations(analyst, "admin-change-password");
  await analyst.getByLabel("Password you were given").fill("handed-over-12345");
  await analyst.getByLabel("New password (at least 12 characters)").fill(`my-own-secret-${runId}`);
  await analyst.getByLabel("New password again").fill(`my-own-secret-${runId}`);
  await analyst.getByRole("button", { name: "Set my password" }).click();
  await expect(analyst.getByRole("heading", { name: /^Today, / })).toBeVisible({ timeout: 120_000 });
  await context.close();

  // The lead's page now shows the member as plainly active; the audit log has both steps.
  await open(lead, `/audit?type=staff`);
  const audit = lead.getByRole("table", { name: "Audit log" });
  await expect(audit.getByRole("row").filter({ hasText: "staff created" }).first()).toBeVisible();
  await expect(audit.getByRole("row").filter({ hasText: "staff password changed" }).first()).toContainText(
    `Nova Analyst ${runId}`,
  );
});

test("an analyst bulk-assigns three exceptions to themself and sees it in the audit log", async ({
  browser,
}, testInfo) => {
  test.setTimeout(300_000);
  const [acme] = await productSql("select id from customer_accounts where slug = 'acme-voice'");
  for (const n of [1, 2, 3]) {
    await productSql(
      `insert into port_orders (account_id, status, port_type, customer_reference, tn_count, last_progress_at)
       values ($1, 'EXCEPTION', 'AUTOMATED', $2, 1, now() - interval '1 day')`,
      [acme?.id, `BULK-${runId}-${n}`],
    );
  }
  const analyst = await signedIn(browser, adminUrl, "analyst@portway.test");
  await open(analyst, `/queues/exceptions?q=BULK-${runId}`);
  const queue = analyst.getByRole("table", { name: "Exceptions" });
  for (const n of [1, 2, 3]) {
    await queue.getByRole("checkbox", { name: `Select order BULK-${runId}-${n}` }).check();
  }
  await expect(analyst.getByText("3 selected")).toBeVisible();
  // The selection lives in the URL: a reload keeps it.
  await expect(analyst).toHaveURL(/sel=/);
  await analyst.reload();
  await settle(analyst);
  await expect(analyst.getByText("3 selected")).toBeVisible();
  await expectNoSeriousViolations(analyst, "admin-queue-bulk");
  await expectFitsAt1280(analyst);
  await attachScreenshot(analyst, testInfo, "queue-1280.png");
  const bulk = analyst.getByRole("region", { name: "Bulk actions" });
  await bulk.getByLabel("Assign to").selectOption({ label: "Ana Analyst (analyst)" });
  await bulk.getByRole("button", { name: "Assign selected" }).click();
  await expect(analyst.getByRole("status").filter({ hasText: "Assigned 3." })).toBeVisible();
  await open(analyst, `/queues/exceptions?q=BULK-${runId}&mine=1`);
  await expect(analyst.getByRole("table", { name: "Exceptions" }).getByRole("row")).toHaveCount(4);

  await open(analyst, "/audit?action=ASSIGNMENT&actor=demo-analyst-portway");
  const audit = analyst.getByRole("table", { name: "Audit log" });
  await expect(audit.getByRole("row").filter({ hasText: "assignment" })).toHaveCount(3, { timeout: 60_000 });
  await expectNoSeriousViolations(analyst, "admin-audit");
  await expectFitsAt1280(analyst);
  await attachScreenshot(analyst, testInfo, "audit-1280.png");
});

test("the navigation is grouped on one line at 1280 px for a lead, and the lead-only pages stay closed to analysts", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const lead = await signedIn(browser, adminUrl, "lead@portway.test");
  const nav = lead.getByRole("navigation", { name: "Main" });
  for (const label of ["Work", "Manage", "Insight"]) {
    await expect(nav.getByText(label, { exact: true })).toBeVisible();
  }
  for (const link of [
    "Home",
    "Search orders",
    "Accounts",
    "Carriers",
    "Numbering",
    "Holidays",
    "Staff",
    "Reports",
    "Audit",
  ]) {
    await expect(nav.getByRole("link", { name: link, exact: true })).toBeVisible();
  }
  await expectFitsAt1280(lead);
  for (const path of ["/queues/project-ports", "/reports", "/accounts"]) {
    await open(lead, path);
    await expectFitsAt1280(lead);
  }
  const analyst = await signedIn(browser, adminUrl, "analyst@portway.test");
  await open(analyst, "/staff");
  await expect(analyst.getByRole("heading", { name: "Lead only" })).toBeVisible();
  const refused = await callTrpc(analyst, "admin", "staff.list", undefined, "query").catch((e: Error) => e);
  expect(String(refused)).toContain("FORBIDDEN");
});
