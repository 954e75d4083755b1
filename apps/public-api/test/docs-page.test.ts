import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { type Browser, chromium } from "@playwright/test";
import type { DbHandle } from "@portway/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSeededDb, startApi, testClock } from "./helpers";

let handle: DbHandle;
let api: Awaited<ReturnType<typeof startApi>>;
let browser: Browser;

/** Debian's Chromium, as the browser tests use it (npm test installs it when missing). */
const chromiumPath = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find(
  (candidate) => candidate && existsSync(candidate),
);

beforeAll(async () => {
  handle = await openSeededDb();
  api = await startApi(handle, testClock());
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
});
afterAll(async () => {
  await browser?.close();
  await api.close();
  await handle.close();
});

describe("the API reference at /docs", () => {
  it("renders the document in Chromium from this server alone (no CDN), with every tag and the webhooks", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const outside: string[] = [];
    page.on("request", (request) => {
      if (!request.url().startsWith(api.url) && !request.url().startsWith("data:")) {
        outside.push(request.url());
      }
    });
    await page.route(
      (url) => !url.href.startsWith(api.url),
      (route) => route.abort(),
    );
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    const response = await page.goto(`${api.url}/docs`);
    expect(response?.status()).toBe(200);
    await expect
      .poll(async () => ((await page.locator("body").textContent()) ?? "").includes("Check numbers"), {
        timeout: 30_000,
      })
      .toBe(true);
    const text = (await page.locator("body").textContent()) ?? "";
    expect(text).toContain("Portway API");
    expect(text).toContain("OpenAPI 3.1.0");
    for (const tag of ["Portability", "Port-ins", "Notes", "Documents", "Tickets", "Webhooks"]) {
      expect(text).toContain(tag);
    }
    const dir = path.join(import.meta.dirname, "..", "test-results");
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: path.join(dir, "docs-page.png") });
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
  });
});
