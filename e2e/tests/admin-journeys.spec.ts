import { expect, test } from "@playwright/test";
import { adminUrl, customerUrl } from "../ports";
import { adminPages, expectNoSeriousViolations, open, settle, signedIn, warmUpAdmin } from "./admin-helpers";
import { advanceSandboxClock, setSandboxClock } from "./sandbox";
import { callTrpc, productSql, readCustomerOrder, simulator, submitAsCustomer, waitForCustomerOrder } from "./trpc";

/** Numbers in Austin (Prairie Telephone Coop, partner-served), a block no other browser test uses. */
const austin = (first: number, count: number) =>
  Array.from({ length: count }, (_, i) => `+1512236${String(first + i).padStart(4, "0")}`);

const runId = Date.now().toString(36).slice(-5).toUpperCase();

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(900_000);
  await warmUpAdmin(adminPages);
});

test("an analyst takes a project port from the queue and records PON, FOC and activation; the customer sees each step", async ({
  browser,
}, testInfo) => {
  test.setTimeout(420_000);
  const customer = await signedIn(browser, customerUrl, "admin@acme.test");
  const reference = `PROJECT-${runId}`;
  const orderId = await submitAsCustomer(customer, { tns: austin(1000, 601), reference, focIndex: 0 });
  const analyst = await signedIn(browser, adminUrl, "analyst@portway.test");

  await expect(analyst.getByRole("link", { name: /^Project ports \([1-9]/ })).toBeVisible();
  await open(analyst, "/queues/project-ports");
  await analyst.getByRole("searchbox", { name: "Search" }).fill(reference);
  await analyst.getByRole("button", { name: "Filter" }).click();
  await settle(analyst);
  const row = analyst.getByRole("row").filter({ hasText: reference });
  await expect(row).toHaveCount(1, { timeout: 60_000 });
  await row.getByRole("combobox").selectOption({ label: "Ana Analyst (analyst)" });
  const onlyMine = analyst.getByRole("checkbox", { name: "Only mine" });
  await onlyMine.click();
  await expect(onlyMine).toBeChecked();
  await expect(analyst).toHaveURL(/mine=1/);
  await expect(analyst.getByRole("row").filter({ hasText: reference })).toHaveCount(1);
  await expectNoSeriousViolations(analyst, "project-ports-queue");
  await analyst.screenshot({ path: testInfo.outputPath("project-queue.png"), fullPage: true });
  await row.getByRole("link", { name: "Project port" }).click();
  await settle(analyst);
  await expect(analyst).toHaveURL(new RegExp(`/orders/${orderId}`));
  await expect(analyst.getByTestId("order-status")).toHaveText("SUBMITTED", { timeout: 60_000 });

  const me = await callTrpc<{ now: string }>(analyst, "admin", "me.get", undefined, "query");
  const yymmdd = new Intl.DateTimeFormat("en-CA", { timeZone: "America/New_York" })
    .format(new Date(me.now))
    .slice(2)
    .replaceAll("-", "");
  const pon = `PWP${yymmdd}${String(Date.now() % 1_000_000).padStart(6, "0")}`;
  await analyst.getByRole("textbox", { name: "PON", exact: true }).fill(pon);
  await analyst.getByRole("button", { name: "Record PON" }).click();
  await expect(analyst.getByTestId("order-pon")).toHaveText(pon);
  await customer.goto(`${customerUrl}/orders/${orderId}`, { timeout: 240_000 });
  await settle(customer);
  await expect(customer.getByTestId("order-status")).toHaveText("CSR REVIEW", { timeout: 90_000 });
  await expect(customer.getByText(pon).first()).toBeVisible();
  await customer.screenshot({ path: testInfo.outputPath("customer-project-pon.png"), fullPage: true });

  await analyst.getByRole("button", { name: "Record no CSR" }).click();
  await expect(analyst.getByTestId("order-status")).toHaveText("PENDING FOC");
  await analyst.getByRole("button", { name: "Record FOC" }).click();
  await expect(analyst.getByTestId("order-status")).toHaveText("FOC");
  const focked = await waitForCustomerOrder(customer, orderId, (o) => o.status === "FOC" && o.focAt !== null);
  await customer.reload();
  await settle(customer);
  await expect(customer.getByTestId("order-status")).toHaveText("FOC");
  const focDay = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "America/New_York" }).format(
    new Date(focked.focAt ?? ""),
  );
  await expect(customer.getByText(focDay).first()).toBeVisible();
  await customer.screenshot({ path: testInfo.outputPath("customer-project-foc.png"), fullPage: true });

  await analyst.getByRole("button", { name: "Activate all 601 pending" }).click();
  await expect(analyst.getByTestId("order-status")).toHaveText("COMPLETE");
  await expectNoSeriousViolations(analyst, "order-workbench");
  await analyst.screenshot({ path: testInfo.outputPath("workbench-project-complete.png"), fullPage: true });
  await customer.reload();
  await settle(customer);
  await expect(customer.getByTestId("order-status")).toHaveText("COMPLETE", { timeout: 30_000 });
  await customer.screenshot({ path: testInfo.outputPath("customer-project-complete.png"), fullPage: true });
});

test("an analyst records the LSP's acceptance of a short-notice cancel; only then is the order CANCELLED", async ({
  browser,
}, testInfo) => {
  test.setTimeout(420_000);
  const customer = await signedIn(browser, customerUrl, "admin@acme.test");
  const reference = `SHORT-CANCEL-${runId}`;
  const orderId = await submitAsCustomer(customer, { tns: austin(2001, 1), reference });
  await waitForCustomerOrder(customer, orderId, (o) => o.pon !== null, 90_000);
  let state = await readCustomerOrder(customer, orderId);
  for (let step = 0; step < 16 && state.order.status !== "FOC"; step++) {
    await advanceSandboxClock(60 * 60_000);
    await customer.waitForTimeout(1500);
    state = await readCustomerOrder(customer, orderId);
  }
  expect(state.order.status).toBe("FOC");
  // Two hours before the FOC: past the cutoff (one business day before), so the cancel goes to the porting team.
  await setSandboxClock(new Date(new Date(state.order.focAt ?? "").getTime() - 2 * 3600_000));
  state = await readCustomerOrder(customer, orderId);
  await callTrpc(
    customer,
    "customer",
    "orders.cancel",
    { orderId, baseVersion: state.order.version, reason: "Staying put" },
    "mutation",
  );
  await customer.goto(`${customerUrl}/orders/${orderId}`, { timeout: 240_000 });
  await settle(customer);
  await expect(customer.getByText(/waiting for the porting team/).first()).toBeVisible({ timeout: 90_000 });
  await expect(customer.getByTestId("order-status")).toHaveText("FOC");

  const analyst = await signedIn(browser, adminUrl, "analyst@portway.test");
  await open(analyst, `/queues/short-notice?q=${reference}`);
  const row = analyst.getByRole("row").filter({ hasText: reference });
  await expect(row).toHaveCount(1, { timeout: 60_000 });
  await expectNoSeriousViolations(analyst, "short-notice-queue");
  await row.getByRole("link", { name: "Cancel (short notice)" }).click();
  await settle(analyst);
  await expect(analyst.getByRole("heading", { name: "Short-notice cancel waiting for the LSP" })).toBeVisible({
    timeout: 60_000,
  });
  await expect(analyst.getByTestId("order-status")).toHaveText("FOC");
  expect((await readCustomerOrder(customer, orderId)).order.status).toBe("FOC");
  await analyst.screenshot({ path: testInfo.outputPath("workbench-short-notice.png"), fullPage: true });
  await analyst.getByRole("button", { name: "Record LSP acceptance" }).click();
  await expect(analyst.getByTestId("order-status")).toHaveText("CANCELLED");
  await customer.reload();
  await settle(customer);
  await expect(customer.getByTestId("order-status")).toHaveText("CANCELLED", { timeout: 30_000 });
  await customer.screenshot({ path: testInfo.outputPath("customer-cancelled.png"), fullPage: true });
});

test("an analyst answers a ticket and the customer sees the reply", async ({ browser }, testInfo) => {
  test.setTimeout(300_000);
  const customer = await signedIn(browser, customerUrl, "member@acme.test");
  const reference = `TICKET-${runId}`;
  const orderId = await submitAsCustomer(customer, { tns: austin(2101, 1), reference });
  const subject = `Can we move the date? ${runId}`;
  await callTrpc(
    customer,
    "customer",
    "tickets.open",
    { orderId, subject, body: "Our office moves a week later than planned." },
    "mutation",
  );
  const analyst = await signedIn(browser, adminUrl, "analyst@portway.test");
  await expect(analyst.getByRole("link", { name: /^Tickets \([1-9]/ })).toBeVisible();
  await open(analyst, "/queues/tickets");
  await analyst.getByRole("searchbox", { name: "Search" }).fill(runId);
  await analyst.getByRole("button", { name: "Filter" }).click();
  // The filter is a client-side navigation: wait until it has landed (URL and rows) before checking the page.
  await expect(analyst).toHaveURL(new RegExp(runId), { timeout: 60_000 });
  await expect(analyst.getByRole("link", { name: subject })).toBeVisible({ timeout: 60_000 });
  await settle(analyst);
  await expectNoSeriousViolations(analyst, "tickets-queue");
  await analyst.getByRole("link", { name: subject }).click();
  await settle(analyst);
  const reply = `Yes: reschedule from the order page before the cutoff, or we do it for you. ${runId}`;
  await analyst.getByLabel(`Reply to “${subject}”`).fill(reply);
  await analyst.getByRole("button", { name: "Send reply" }).click();
  await expect(analyst.getByText(reply)).toBeVisible();
  await analyst.screenshot({ path: testInfo.outputPath("workbench-ticket.png"), fullPage: true });
  await customer.goto(`${customerUrl}/orders/${orderId}`, { timeout: 240_000 });
  await settle(customer);
  const tickets = customer.getByRole("region", { name: "Tickets" });
  await expect(tickets.getByText(reply)).toBeVisible({ timeout: 90_000 });
  await customer.screenshot({ path: testInfo.outputPath("customer-ticket-reply.png"), fullPage: true });
});

test("a failed partner delivery is retried from the admin portal and reaches the partner", async ({
  browser,
}, testInfo) => {
  test.setTimeout(300_000);
  const customer = await signedIn(browser, customerUrl, "admin@acme.test");
  const analyst = await signedIn(browser, adminUrl, "analyst@portway.test");
  await simulator("/sim/faults", { errorRate: 1, errorTiming: "before" });
  let orderId = "";
  try {
    orderId = await submitAsCustomer(customer, { tns: austin(2201, 1), reference: `DEAD-LETTER-${runId}` });
    // The queue retries partner calls with backoff for minutes; shorten this job's budget so its next failure is
    // its last and the queue moves it to the failed deliveries, as it would after the last retry.
    await expect
      .poll(
        async () => {
          await productSql(
            `update pgboss.job set retry_limit = retry_count, start_after = least(start_after, now())
             where name = 'partner.dispatch-order' and data->>'orderId' = $1 and state < 'completed'`,
            [orderId],
          );
          const letters = await callTrpc<{ rows: { orderId: string | null }[] }>(
            analyst,
            "admin",
            "queues.deadLetters",
            { pageSize: 200 },
            "query",
          );
          return letters.rows.some((row) => row.orderId === orderId);
        },
        { timeout: 120_000, intervals: [1000] },
      )
      .toBe(true);
  } finally {
    await simulator("/sim/faults", {});
  }
  expect((await readCustomerOrder(customer, orderId)).order.pon).toBeNull();
  await open(analyst, "/queues/failed-deliveries");
  const row = analyst.getByRole("row").filter({ has: analyst.getByRole("link", { name: orderId.slice(0, 8) }) });
  await expect(row).toHaveCount(1, { timeout: 60_000 });
  await expect(row).toContainText("partner.dispatch-order");
  await expectNoSeriousViolations(analyst, "failed-deliveries-queue");
  await analyst.screenshot({ path: testInfo.outputPath("failed-deliveries.png"), fullPage: true });
  await row.getByRole("button", { name: /^Retry partner.dispatch-order/ }).click();
  await expect(analyst.getByRole("status").filter({ hasText: "Sent again" })).toBeVisible();
  const delivered = await waitForCustomerOrder(customer, orderId, (o) => o.pon !== null, 90_000);
  expect(delivered.pon).toMatch(/^\d{9}$/);
  const showRetried = analyst.getByRole("checkbox", { name: "Show retried" });
  await showRetried.click();
  await expect(showRetried).toBeChecked();
  await expect(
    analyst.getByRole("row").filter({ hasText: "Retried" }).filter({ hasText: "Ana Analyst" }).first(),
  ).toBeVisible();
  await open(analyst, `/orders/${orderId}`);
  await expect(analyst.getByRole("region", { name: "Job history" })).toContainText("failed delivery");
  await analyst.screenshot({ path: testInfo.outputPath("workbench-job-history.png"), fullPage: true });
});
