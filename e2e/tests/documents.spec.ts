import { type Browser, expect, type Page, test } from "@playwright/test";
import { adminUrl, customerUrl } from "../ports";
import { expectNoSeriousViolations, waitForReady } from "./customer-a11y";
import { pdfText } from "./pdf-text";
import { signIn } from "./sign-in";
import { callTrpc, easternInstant, loaPdf, productSql, submitOrderViaApi } from "./trpc";

async function signedIn(browser: Browser, baseUrl: string, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, baseUrl, email);
  await expect(page).not.toHaveURL(/sign-in/);
  return page;
}

/**
 * The signing link of the newest email to an address, as the signer's mailbox receives it (the worker sends the
 * queue to the local mail capture; the queue's own row never holds the link's token).
 */
async function signingLinkSentTo(address: string): Promise<string> {
  let body = "";
  await expect
    .poll(
      async () => {
        const rows = await productSql(
          "select body_text from mail_captures where $1 = any(to_addresses) and subject like 'Portway: please sign%' order by received_at desc, id desc limit 1",
          [address],
        );
        body = String(rows[0]?.body_text ?? "");
        return body;
      },
      { timeout: 20_000 },
    )
    .toMatch(/\/sign\/[A-Za-z0-9_-]+/);
  const queued = await productSql(
    "select body_text from emails where to_address = $1 and kind = 'SIGNING_LINK' order by created_at desc limit 1",
    [address],
  );
  const match = /(\/sign\/[A-Za-z0-9_-]+)/.exec(body);
  if (!match?.[1]) {
    throw new Error(`no signing link sent to ${address}`);
  }
  expect(String(queued[0]?.body_text)).not.toContain(match[1]);
  return `${customerUrl}${match[1]}`;
}

test("an uploaded LOA opens from both portals, another account's does not", async ({ browser }) => {
  const customer = await signedIn(browser, customerUrl, "admin@acme.test");
  const orderId = await submitOrderViaApi(customer, { tns: ["+16172538801"], reference: "DOCS-OPEN-1" });
  await customer.goto(`${customerUrl}/orders/${orderId}`);
  await waitForReady(customer);
  const documents = customer.getByRole("region", { name: /Documents/ });
  await documents.getByLabel("Kind").selectOption("LOA");
  await documents
    .getByLabel(/^File/)
    .setInputFiles({ name: "LOA Zoë Müller.pdf", mimeType: "application/pdf", buffer: loaPdf });
  await documents.getByRole("button", { name: "Upload" }).click();
  const download = documents.getByRole("link", { name: "Download LOA Zoë Müller.pdf" });
  await expect(download).toBeVisible();
  const href = (await download.getAttribute("href")) ?? "";
  expect(href).toMatch(/^\/documents\/[0-9a-f-]{36}$/);

  const own = await customer.request.get(`${customerUrl}${href}`);
  expect(own.status()).toBe(200);
  expect(own.headers()["content-type"]).toBe("application/pdf");
  expect(own.headers()["content-disposition"]).toBe(
    `attachment; filename="LOA Zoe Muller.pdf"; filename*=UTF-8''LOA%20Zo%C3%AB%20M%C3%BCller.pdf`,
  );
  expect(own.headers()["x-content-type-options"]).toBe("nosniff");
  expect(own.headers()["content-security-policy"]).toContain("sandbox");
  expect(Buffer.from(await own.body())).toEqual(loaPdf);
  const preview = await customer.request.get(`${customerUrl}${href}?inline=1`);
  expect(preview.headers()["content-disposition"]).toMatch(/^inline; /);

  const other = await signedIn(browser, customerUrl, "admin@blueharbor.test");
  expect((await other.request.get(`${customerUrl}${href}`)).status()).toBe(404);

  const analyst = await signedIn(browser, adminUrl, "analyst@portway.test");
  await analyst.goto(`${adminUrl}/orders/${orderId}`);
  const adminDocuments = analyst.getByRole("region", { name: /Documents/ });
  const adminDownload = adminDocuments.getByRole("link", { name: "Download LOA Zoë Müller.pdf" });
  await expect(adminDownload).toBeVisible();
  const staff = await analyst.request.get(`${adminUrl}${(await adminDownload.getAttribute("href")) ?? ""}`);
  expect(staff.status()).toBe(200);
  expect(staff.headers()["content-security-policy"]).toContain("sandbox");
  expect(Buffer.from(await staff.body())).toEqual(loaPdf);
});

test("the generated LOA prints the end user's name with every letter", async ({ browser }) => {
  const customer = await signedIn(browser, customerUrl, "admin@acme.test");
  const draft = await callTrpc<{ id: string }>(
    customer,
    "customer",
    "drafts.save",
    {
      data: {
        tns: ["+16172538811", "+16172538812"],
        subscriber: { type: "RESIDENTIAL", firstName: "Zoë", lastName: "Müller-Łukasik" },
        loaAuthorizingPerson: "Zoë Müller-Łukasik",
        customerOrderRef: "DOCS-LOA-UNICODE",
      },
    },
    "mutation",
  );
  const loa = await callTrpc<{ contentBase64: string; mediaType: string }>(
    customer,
    "customer",
    "drafts.generateLoa",
    { draftId: draft.id },
    "mutation",
  );
  expect(loa.mediaType).toBe("application/pdf");
  const text = await pdfText(Buffer.from(loa.contentBase64, "base64"));
  expect(text).toContain("Zoë Müller-Łukasik");
  expect(text).toContain("(617) 253-8812");
});

test("the authorizing person signs by link on a phone; the signed LOA is on the order; used and revoked links are refused", async ({
  browser,
}) => {
  const customer = await signedIn(browser, customerUrl, "admin@acme.test");
  const orderId = await submitOrderViaApi(customer, { tns: ["+16172538821"], reference: "DOCS-SIGN-1" });
  await customer.goto(`${customerUrl}/orders/${orderId}`);
  await waitForReady(customer);
  const send = customer.getByRole("form", { name: "Send the LOA for signature" });
  await send.getByLabel("Their email").fill("jordan@bakery.test");
  await send.getByLabel("Their title (optional)").fill("Owner");
  await send.getByRole("button", { name: "Send for signature" }).click();
  await expect(customer.getByRole("status")).toContainText("Signing link sent to jordan@bakery.test");
  const link = await signingLinkSentTo("jordan@bakery.test");

  await customer.goto(`${customerUrl}/`);
  const missing = customer.getByRole("region", { name: /Missing documents/ });
  await expect(missing.getByRole("link", { name: "DOCS-SIGN-1" })).toBeVisible();
  await expect(missing).toContainText("Waiting for Jordan Baker to sign");

  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true })).newPage();
  await phone.goto(link);
  await expect(phone.getByRole("heading", { name: "Sign the letter of authorization" })).toBeVisible();
  const letter = await phone.request.get(`${link}/loa`);
  expect(letter.headers()["content-type"]).toBe("application/pdf");
  expect(await pdfText(await letter.body())).toContain("Harbor Lights Bakery");
  await expectNoSeriousViolations(phone, "signing page");
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await phone.getByRole("button", { name: "Sign the letter" }).click();
  await expect(phone.getByText("Type your signature.")).toBeVisible();
  await phone.getByLabel("Your full name").fill("Jordan Baker");
  await phone.getByLabel("Typed signature").fill("Jordan Baker");
  await phone.getByRole("checkbox").check();
  await phone.getByRole("button", { name: "Sign the letter" }).click();
  await expect(phone.getByRole("heading", { name: "Thank you, the letter is signed" })).toBeVisible();
  await expectNoSeriousViolations(phone, "signing page, signed");

  await phone.goto(link);
  await expect(phone.getByTestId("signing-closed")).toContainText("already signed");

  await customer.goto(`${customerUrl}/orders/${orderId}`);
  await waitForReady(customer);
  const documents = customer.getByRole("region", { name: /Documents/ });
  await expect(documents.getByRole("link", { name: /Download LOA-DOCS-SIGN-1-signed\.pdf/ })).toBeVisible();
  await expect(documents.getByTestId("signing-links")).toContainText("signed");
  const signedHref =
    (await documents.getByRole("link", { name: /Download LOA-DOCS-SIGN-1-signed\.pdf/ }).getAttribute("href")) ?? "";
  const signed = await pdfText(await (await customer.request.get(`${customerUrl}${signedHref}`)).body());
  expect(signed).toContain("Signature audit");
  expect(signed).toContain("Jordan Baker");
  await customer.goto(`${customerUrl}/`);
  await expect(
    customer.getByRole("region", { name: /Missing documents/ }).getByRole("link", { name: "DOCS-SIGN-1" }),
  ).toHaveCount(0);

  await customer.goto(`${customerUrl}/orders/${orderId}`);
  await waitForReady(customer);
  await send.getByLabel("Their email").fill("second@bakery.test");
  await send.getByRole("button", { name: "Send for signature" }).click();
  await expect(customer.getByRole("status")).toContainText("second@bakery.test");
  const revoked = await signingLinkSentTo("second@bakery.test");
  await customer.getByRole("button", { name: "Revoke the link" }).click();
  await expect(documents.getByTestId("signing-links")).toContainText("revoked");
  await phone.goto(revoked);
  await expect(phone.getByTestId("signing-closed")).toContainText("withdrawn");
});

test("a draft's LOA sent for signature from the wizard: signed on a phone, it is on the draft and counts at submission", async ({
  browser,
}) => {
  const customer = await signedIn(browser, customerUrl, "admin@acme.test");
  const foc = await callTrpc<{ dates: string[] }>(
    customer,
    "customer",
    "foc.forSubmission",
    { orders: [{ carrierSpid: "9202", portType: "AUTOMATED" }] },
    "query",
  );
  const data = {
    tns: ["+16172538831", "+16172538832"],
    btn: "+16172538831",
    partialPort: false,
    subscriber: { type: "BUSINESS", businessName: "Harbor Lights Bakery" },
    accountNumber: "ACCT-55031",
    serviceAddress: { houseNumber: "12", street: "Atlantic Ave", city: "Boston", state: "MA", zip: "02110" },
    loaAuthorizingPerson: "Jordan Baker",
    requestedFoc: easternInstant(foc.dates[0] ?? "", "12:00"),
    onDemandActivation: false,
    customerOrderRef: "DOCS-DRAFT-SIGN",
  };
  const draft = await callTrpc<{ id: string }>(customer, "customer", "drafts.save", { data }, "mutation");
  await customer.goto(`${customerUrl}/orders/new?draft=${draft.id}&step=5`);
  await expect(customer.getByText("Automated off-net orders need a signed LOA.")).toBeVisible();

  await customer.goto(`${customerUrl}/orders/new?draft=${draft.id}&step=3`);
  await expect(customer.getByRole("heading", { name: "Step 3 of 5: Documents" })).toBeVisible();
  await waitForReady(customer);
  const send = customer.getByRole("form", { name: "Send the LOA for signature" });
  await expect(send.getByLabel("Authorizing person")).toHaveValue("Jordan Baker");
  await send.getByLabel("Their email").fill("first@bakery.test");
  await send.getByRole("button", { name: "Send for signature" }).click();
  await expect(customer.getByText("Signing link sent to first@bakery.test")).toBeVisible();
  const links = customer.getByTestId("signing-links");
  await expect(links).toContainText("first@bakery.test");
  await expect(links).toContainText("waiting for the signature");
  const revoked = await signingLinkSentTo("first@bakery.test");
  await links.getByRole("button", { name: "Revoke the link" }).click();
  await expect(links).toContainText("revoked");
  await expectNoSeriousViolations(customer, "wizard documents, signing links");

  await send.getByLabel("Their email").fill("owner@bakery.test");
  await send.getByRole("button", { name: "Send for signature" }).click();
  await expect(customer.getByText("Signing link sent to owner@bakery.test")).toBeVisible();
  const link = await signingLinkSentTo("owner@bakery.test");

  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true })).newPage();
  await phone.goto(revoked);
  await expect(phone.getByTestId("signing-closed")).toContainText("withdrawn");
  await phone.goto(link);
  await expect(phone.getByRole("heading", { name: "Sign the letter of authorization" })).toBeVisible();
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await phone.getByLabel("Your full name").fill("Jordan Baker");
  await phone.getByLabel("Typed signature").fill("Jordan Baker");
  await phone.getByRole("checkbox").check();
  await phone.getByRole("button", { name: "Sign the letter" }).click();
  await expect(phone.getByRole("heading", { name: "Thank you, the letter is signed" })).toBeVisible();

  // The wizard shows the signature without a reload: the signed LOA among the draft's documents.
  await expect(customer.getByRole("list", { name: "Uploaded documents" })).toContainText(
    "LOA-DOCS-DRAFT-SIGN-signed.pdf",
  );
  await expect(links).toContainText("signed");
  await customer.getByRole("button", { name: "Continue" }).click();
  await expect(customer.getByRole("heading", { name: "Step 4 of 5: Requested FOC" })).toBeVisible();
  await customer.goto(`${customerUrl}/orders/new?draft=${draft.id}&step=5`);
  await expect(customer.getByText("Everything checks out.")).toBeVisible();
  await customer.getByRole("button", { name: "Submit port-in" }).click();
  await expect(customer).toHaveURL(/\/orders\/[0-9a-f-]{36}$/);
  await waitForReady(customer);
  const documents = customer.getByRole("region", { name: /Documents/ });
  const signedLoa = documents.getByRole("link", { name: "Download LOA-DOCS-DRAFT-SIGN-signed.pdf" });
  await expect(signedLoa).toBeVisible();
  const signed = await pdfText(
    await (await customer.request.get(`${customerUrl}${await signedLoa.getAttribute("href")}`)).body(),
  );
  expect(signed).toContain("Signature audit");
  expect(signed).toContain("(617) 253-8832");
});

const bulkColumns =
  "tn,btn,account_number,pin,subscriber_type,business_name,first_name,last_name,house_number,street,unit,city,state,zip,authorizing_person,requested_foc_date,requested_foc_time,partial_port";

/** 40 on-net rows (Chicago) of two LSP accounts, 20 TNs each; `broken` spoils three rows. */
function bulkCsv(broken: boolean): string {
  const rows = Array.from({ length: 40 }, (_, i) => {
    const second = i >= 20;
    const tn = `312286${String(5800 + i).padStart(4, "0")}`;
    const cells = [
      broken && i === 4 ? "312-286-58XX" : broken && i === 30 ? "3122865802" : tn,
      second ? "312-286-5820" : "(312) 286-5800",
      second ? "ACCT-LOOP" : "ACCT-WACKER",
      "",
      "BUSINESS",
      second ? "Loop Bagels" : '"Wacker Dental, LLC"',
      "",
      "",
      second ? "200" : "100",
      "Wacker Dr",
      "",
      broken && i === 9 ? "" : "Chicago",
      "IL",
      "60601",
      second ? "Bo Bagel" : "Zoë Müller-Łukasik",
      "",
      "",
      "no",
    ];
    return cells.join(",");
  });
  return `${bulkColumns}\n${rows.join("\n")}\n`;
}

test("a 40-row CSV with three bad rows creates nothing; fixed, it submits two orders in one port request", async ({
  browser,
}) => {
  const customer = await signedIn(browser, customerUrl, "admin@acme.test");
  await customer.goto(`${customerUrl}/orders/bulk`);
  await waitForReady(customer);
  await expectNoSeriousViolations(customer, "bulk port-in");
  const form = customer.getByRole("form", { name: "Check the file" });
  await form.getByLabel("Customer order reference").fill("DOCS-BULK");
  const file = form.getByLabel("CSV or XLSX file");
  await file.setInputFiles({ name: "ports.csv", mimeType: "text/csv", buffer: Buffer.from(bulkCsv(true)) });
  await form.getByRole("button", { name: "Check the file" }).click();
  await expect(customer.getByRole("heading", { name: "3 problems in 40 rows — nothing was created" })).toBeVisible();
  const errors = customer.getByRole("table", { name: "Row errors" });
  await expect(errors.getByRole("row")).toHaveCount(4);
  await expect(errors).toContainText("312-286-58XX");
  await expect(errors).toContainText("city is required.");
  await expect(errors).toContainText("already on line 4");
  expect(await productSql("select id from port_orders where customer_reference like 'DOCS-BULK%'")).toEqual([]);

  await file.setInputFiles({ name: "ports-fixed.csv", mimeType: "text/csv", buffer: Buffer.from(bulkCsv(false)) });
  await form.getByRole("button", { name: "Check the file" }).click();
  await expect(customer.getByRole("heading", { name: "40 rows, 2 accounts, 2 orders" })).toBeVisible();
  await expect(customer.getByRole("table", { name: "Resulting orders" }).getByRole("row")).toHaveCount(3);
  await customer.getByRole("button", { name: "Submit 2 orders" }).click();
  await expect(customer.getByRole("status")).toContainText("2 orders submitted in one port request");
  // Submitted: each order's first step is DRAFT to SUBMITTED (the worker may already have taken it further).
  const orders = await productSql(
    `select o.customer_reference, o.tn_count, o.btn, o.port_request_id, o.sequence,
            (select h.to_status from order_history h where h.order_id = o.id order by h.id limit 1) as first_status
       from port_orders o where o.customer_reference like 'DOCS-BULK%' order by o.sequence`,
  );
  expect(orders.map(({ port_request_id: _, ...order }) => order)).toEqual([
    { customer_reference: "DOCS-BULK", tn_count: 20, first_status: "SUBMITTED", btn: "+13122865800", sequence: 1 },
    { customer_reference: "DOCS-BULK", tn_count: 20, first_status: "SUBMITTED", btn: "+13122865820", sequence: 2 },
  ]);
  const requests = await productSql(
    "select id, tn_count from port_requests where customer_reference like 'DOCS-BULK%'",
  );
  expect(requests).toEqual([{ id: orders[0]?.port_request_id, tn_count: 40 }]);
  expect(orders[1]?.port_request_id).toBe(orders[0]?.port_request_id);
  // Each order of the port request reads as its own LSP account's, and leads to the others.
  await customer.getByRole("link", { name: /^Order 2 of 2/ }).click();
  await waitForReady(customer);
  const summary = customer.getByRole("region", { name: "Summary" });
  await expect(summary).toContainText("Loop Bagels");
  await expect(summary).toContainText("(312) 286-5820");
  await summary.getByRole("link", { name: "all orders of this port request" }).click();
  await expect(customer.getByRole("row").filter({ hasText: "DOCS-BULK" })).toHaveCount(2);
});
