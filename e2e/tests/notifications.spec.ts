import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, type Page, test } from "@playwright/test";
import { adminUrl, customerUrl } from "../ports";
import { expectNoSeriousViolations } from "./customer-a11y";
import { signIn } from "./sign-in";
import { submitOrderViaApi } from "./trpc";

interface Hit {
  headers: IncomingHttpHeaders;
  body: string;
}

/** The customer's receiver: a real HTTP server that records each webhook request. */
async function startReceiver() {
  const hits: Hit[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      hits.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(200, { "content-type": "text/plain" }).end("thanks");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/portway/events`,
    hits,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** What the customer's code does: HMAC-SHA256 over "<timestamp>.<body>" with the endpoint's secret. */
function signatureValid(hit: Hit, secret: string): boolean {
  const timestamp = String(hit.headers["portway-timestamp"] ?? "");
  const signature = String(hit.headers["portway-signature"] ?? "");
  const expected = Buffer.from(
    `sha256=${createHmac("sha256", secret).update(`${timestamp}.${hit.body}`).digest("hex")}`,
  );
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** A script's read of the account's webhook endpoints with an API key: the HTTP status the customer API answers. */
async function listWebhooksWithKey(key: string) {
  const response = await fetch(`${customerUrl}/api/trpc/webhooks.list`, {
    headers: { authorization: `Bearer ${key}` },
  });
  return { status: response.status, body: await response.text() };
}

/** A script's call to the customer API with an API key: plain fetch, no browser, no cookie. */
async function listOrdersWithKey(key: string) {
  const input = encodeURIComponent(JSON.stringify({ json: { pageSize: 100 } }));
  const response = await fetch(`${customerUrl}/api/trpc/orders.list?input=${input}`, {
    headers: { authorization: `Bearer ${key}` },
  });
  const body = (await response.json()) as {
    result?: { data: { json: { rows: { customerReference: string | null }[] } } };
  };
  return { status: response.status, references: body.result?.data.json.rows.map((r) => r.customerReference) ?? [] };
}

async function screen(page: Page, name: string, testInfo: { outputPath: (n: string) => string }) {
  await expectNoSeriousViolations(page, name);
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
}

test("an account admin adds a webhook endpoint, sends a test event, sees it delivered, and lists orders with an API key", async ({
  page,
}, testInfo) => {
  test.setTimeout(420_000);
  const receiver = await startReceiver();
  page.on("dialog", (dialog) => dialog.accept());
  try {
    await signIn(page, customerUrl, "admin@acme.test");
    await expect(page.getByRole("link", { name: /Unread updates/ })).toBeVisible({ timeout: 90_000 });
    await submitOrderViaApi(page, { tns: ["+16172534871"], reference: "NOTIFY-E2E-1" });

    // Webhook endpoint: created from the form, its secret shown once on creation.
    await page.goto(`${customerUrl}/account/webhooks`, { timeout: 90_000 });
    await expect(page.getByRole("heading", { name: "Webhooks", level: 1 })).toBeVisible({ timeout: 90_000 });
    await expect(page.getByRole("checkbox", { name: "order.foc" })).toBeChecked({ timeout: 30_000 });
    await page.getByRole("button", { name: "Create endpoint" }).click();
    await expect(page.getByText("Enter the URL that receives the events.")).toBeVisible();
    await page.getByLabel("Endpoint URL").fill(receiver.url);
    await page.getByLabel("Description (optional)").fill("Order events for our ERP");
    await page.getByRole("button", { name: "Create endpoint" }).click();
    const created = page.getByRole("status").filter({ hasText: "Endpoint created" });
    await expect(created).toBeVisible();
    const secret = (await created.locator("code").textContent())?.trim() ?? "";
    expect(secret).toMatch(/^whsec_/);
    await screen(page, "customer-webhooks", testInfo);

    await created.getByRole("link", { name: "Open the endpoint" }).click();
    await expect(page.getByRole("heading", { name: receiver.url })).toBeVisible({ timeout: 90_000 });
    await page.getByRole("button", { name: "Send test event" }).click();
    await expect(page.getByText(/Test event .* queued/)).toBeVisible();
    await expect
      .poll(() => receiver.hits.filter((h) => h.headers["portway-event-type"] === "webhook.test").length, {
        timeout: 30_000,
      })
      .toBe(1);
    const hit = receiver.hits.find((h) => h.headers["portway-event-type"] === "webhook.test");
    expect(hit && signatureValid(hit, secret)).toBe(true);
    const event = JSON.parse(hit?.body ?? "{}") as { id: string; type: string };
    expect(event.type).toBe("webhook.test");
    const row = page.getByRole("row").filter({ hasText: "webhook.test" });
    await expect(row.getByText("delivered")).toBeVisible({ timeout: 30_000 });
    await expect(row.getByText(/#1: 200/)).toBeVisible();
    await expect(row.getByRole("button", { name: event.id, exact: true })).toBeVisible();
    // The secret is not shown again on the endpoint's page, nor can it be revealed.
    await expect(page.getByRole("button", { name: "Show secret" })).toHaveCount(0);
    await expect(page.getByText(/whsec_/)).toHaveCount(0);
    await screen(page, "customer-webhook-endpoint", testInfo);

    // Rotating answers a new secret once: deliveries are signed with it, and a reload shows it no more.
    await page.getByRole("button", { name: "Rotate secret" }).click();
    const rotatedNotice = page.getByRole("status").filter({ hasText: "New secret in effect" });
    await expect(rotatedNotice).toContainText("shown only this once");
    const rotated = (await page.getByTestId("rotated-webhook-secret").textContent())?.trim() ?? "";
    expect(rotated).toMatch(/^whsec_/);
    expect(rotated).not.toBe(secret);
    await page.getByRole("button", { name: "Send test event" }).click();
    await expect
      .poll(() => receiver.hits.filter((h) => h.headers["portway-event-type"] === "webhook.test").length, {
        timeout: 30_000,
      })
      .toBe(2);
    const second = receiver.hits.filter((h) => h.headers["portway-event-type"] === "webhook.test")[1];
    expect(second && signatureValid(second, rotated)).toBe(true);
    await page.reload();
    await expect(page.getByRole("heading", { name: receiver.url })).toBeVisible({ timeout: 90_000 });
    await expect(page.getByText(/whsec_/)).toHaveCount(0);

    // API key: created, shown once, used by a script to list orders, refused once revoked.
    await page.goto(`${customerUrl}/account/api-keys`, { timeout: 90_000 });
    await expect(page.getByRole("heading", { name: "API keys", level: 1 })).toBeVisible({ timeout: 90_000 });
    await page.getByRole("button", { name: "Create key" }).click();
    await expect(page.getByText(/Name the key after what uses it/)).toBeVisible();
    await page.getByLabel("Name").fill("ERP order sync");
    await page.getByRole("button", { name: "Create key" }).click();
    const key = (await page.getByTestId("new-api-key").textContent())?.trim() ?? "";
    expect(key).toMatch(/^pwk_[a-z0-9]{8}_/);
    await expect(page.getByRole("cell", { name: "ERP order sync", exact: true })).toBeVisible();
    await screen(page, "customer-api-keys", testInfo);

    const listed = await listOrdersWithKey(key);
    expect(listed.status).toBe(200);
    expect(listed.references).toContain("NOTIFY-E2E-1");
    expect((await listOrdersWithKey(`${key.slice(0, -4)}AAAA`)).status).toBe(401);

    // A member key (the default) is refused the webhooks.
    expect((await listWebhooksWithKey(key)).status).toBe(403);

    await page.getByRole("button", { name: "Revoke key ERP order sync" }).click();
    await expect(page.getByText(/^revoked /)).toBeVisible();
    expect((await listOrdersWithKey(key)).status).toBe(401);

    // An admin key, chosen at creation, reads the webhook endpoints (never their secret).
    await page.getByLabel("Name").fill("ERP webhook admin");
    await page.getByRole("radio", { name: /^Admin:/ }).check();
    await page.getByRole("button", { name: "Create key" }).click();
    await expect(page.getByRole("status").filter({ hasText: "(admin) created" })).toBeVisible();
    const adminKey = (await page.getByTestId("new-api-key").textContent())?.trim() ?? "";
    await expect(
      page.getByRole("row").filter({ hasText: "ERP webhook admin" }).getByRole("cell", { name: "admin", exact: true }),
    ).toBeVisible();
    const hooks = await listWebhooksWithKey(adminKey);
    expect(hooks.status).toBe(200);
    expect(hooks.body).toContain(receiver.url);
    expect(hooks.body).not.toContain("whsec_");
    await page.getByRole("button", { name: "Revoke key ERP webhook admin" }).click();
    await expect(page.getByText(/^revoked /)).toHaveCount(2);
    expect((await listWebhooksWithKey(adminKey)).status).toBe(401);

    // The other new screens pass axe too.
    await page.goto(`${customerUrl}/notifications`, { timeout: 90_000 });
    await expect(page.getByRole("heading", { name: "Notifications", level: 1 })).toBeVisible({ timeout: 90_000 });
    await screen(page, "customer-notifications", testInfo);
    await page.goto(`${customerUrl}/account/notifications`, { timeout: 90_000 });
    await page.getByLabel("Daily digest").check();
    await page.getByRole("button", { name: "Save preference" }).click();
    await expect(page.getByText("Saved.")).toBeVisible();
    await screen(page, "customer-email-preferences", testInfo);
  } finally {
    await receiver.close();
  }
});

test("a member sees that webhooks are for account admins, and no endpoint", async ({ page }) => {
  test.setTimeout(300_000);
  await signIn(page, customerUrl, "member@acme.test");
  await expect(page.getByRole("link", { name: /Unread updates/ })).toBeVisible({ timeout: 90_000 });
  await page.goto(`${customerUrl}/account/webhooks`, { timeout: 90_000 });
  await expect(page.getByRole("heading", { name: "Webhooks", level: 1 })).toBeVisible({ timeout: 90_000 });
  await expect(page.getByText("Only account admins can see and change webhooks")).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Create endpoint" })).toHaveCount(0);
  await page.goto(`${customerUrl}/account/api-keys`, { timeout: 90_000 });
  await expect(page.getByText("Only account admins can create, see or revoke API keys.")).toBeVisible({
    timeout: 90_000,
  });
});

test("the porting team sees its notifications and the captured mail", async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  await signIn(page, adminUrl, "lead@portway.test");
  await expect(page.getByRole("link", { name: /Unread updates/ })).toBeVisible({ timeout: 90_000 });
  await page.goto(`${adminUrl}/mail`, { timeout: 90_000 });
  await expect(page.getByRole("heading", { name: "Mail", level: 1 })).toBeVisible({ timeout: 90_000 });
  // The member of Acme was told of the order the admin submitted in the other journey (or in the demo data).
  await page.getByLabel("Recipient").fill("member@acme.test");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByText(/^Portway: .* is now /).first()).toBeVisible({ timeout: 30_000 });
  await screen(page, "admin-mail", testInfo);
  await page.goto(`${adminUrl}/notifications`, { timeout: 90_000 });
  await expect(page.getByRole("heading", { name: "Notifications", level: 1 })).toBeVisible({ timeout: 90_000 });
  await screen(page, "admin-notifications", testInfo);
  await page.goto(`${adminUrl}/notifications/preferences`, { timeout: 90_000 });
  await expect(page.getByRole("radio", { name: "Off" })).toBeChecked({ timeout: 30_000 });
  await screen(page, "admin-email-preferences", testInfo);
});
