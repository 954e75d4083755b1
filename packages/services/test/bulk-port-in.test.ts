import { createDb, type DbHandle, portOrders } from "@portway/db";
import { like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { fixedClock } from "../src/clock";
import {
  BULK_COLUMNS,
  bulkTemplateCsv,
  previewBulkPortIn,
  seedDemoData,
  seedNumberingData,
  submitBulkPortIn,
} from "../src/index";
import { demoCustomer, failure, mondayMorning, tnRange } from "./order-fixtures";

let handle: DbHandle;
let acme: Awaited<ReturnType<typeof demoCustomer>>;
const clock = fixedClock(mondayMorning);

beforeAll(async () => {
  handle = createDb(inject("databaseUrl"));
  await seedDemoData(handle.db, { production: false });
  await seedNumberingData(handle.db);
  acme = await demoCustomer(handle.db, "acme-voice");
});
afterAll(async () => {
  await handle.close();
});

/** 40 on-net rows of two LSP accounts (20 each), as a spreadsheet exports them. */
function rows(first = 5500): string[][] {
  const tns = tnRange("312286", first, 40);
  return tns.map((tn, i) => {
    const second = i >= 20;
    const values: Record<string, string> = {
      tn: tn.slice(2),
      btn: second ? `312-286-${first + 20}` : `(312) 286-${first}`,
      account_number: second ? "ACCT-B" : "ACCT-A",
      subscriber_type: "BUSINESS",
      business_name: second ? "Loop Bagels" : "Wacker Dental, LLC",
      house_number: second ? "200" : "100",
      street: "Wacker Dr",
      city: "Chicago",
      state: "IL",
      zip: "60601",
      authorizing_person: second ? "Bo Bagel" : "Zoë Müller-Łukasik",
      partial_port: "no",
    };
    return BULK_COLUMNS.map((c) => values[c] ?? "");
  });
}

function csv(data: string[][]): string {
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return `${BULK_COLUMNS.join(",")}\r\n${data.map((r) => r.map(quote).join(",")).join("\r\n")}\r\n`;
}

const b64 = (text: string | Buffer) => Buffer.from(text).toString("base64");
const tnAt = BULK_COLUMNS.indexOf("tn");
const cityAt = BULK_COLUMNS.indexOf("city");

describe("bulk port-in", () => {
  it("shows every bad row with its line and creates nothing; fixed, submits two orders", async () => {
    const bad = rows();
    (bad[4] as string[])[tnAt] = "312-286-55XX";
    (bad[9] as string[])[cityAt] = "";
    (bad[30] as string[])[tnAt] = (bad[2] as string[])[tnAt] ?? "";
    const input = { fileName: "ports.csv", contentBase64: b64(csv(bad)), reference: "BULK-1" };
    const preview = await previewBulkPortIn(handle.db, clock, acme, input);
    expect(preview.ok).toBe(false);
    expect(preview.rowCount).toBe(40);
    expect(preview.issues.map((i) => [i.line, i.field, i.code])).toEqual([
      [6, "tn", expect.any(String)],
      [11, "city", "REQUIRED"],
      [32, "tn", "DUPLICATE_TN"],
    ]);
    const refused = await failure(() => submitBulkPortIn(handle.db, clock, acme, { ...input, mode: "SUBMIT" }));
    expect(refused.kind).toBe("INVALID");
    expect(refused.issues[0]?.field).toBe("rows.6.tn");
    expect(await handle.db.select().from(portOrders).where(like(portOrders.customerReference, "BULK-1%"))).toEqual([]);

    const fixed = { ...input, contentBase64: b64(csv(rows())) };
    const good = await previewBulkPortIn(handle.db, clock, acme, fixed);
    expect(good.issues).toEqual([]);
    expect(good.accounts).toBe(2);
    expect(good.orders.map((o) => [o.portType, o.tnCount])).toEqual([
      ["ON_NET", 20],
      ["ON_NET", 20],
    ]);
    const created = await submitBulkPortIn(handle.db, clock, acme, { ...fixed, mode: "SUBMIT" });
    expect(created.orders).toHaveLength(2);
    const stored = await handle.db.select().from(portOrders).where(like(portOrders.customerReference, "BULK-1%"));
    expect(stored.map((o) => [o.customerReference, o.tnCount, o.status]).sort()).toEqual([
      ["BULK-1-1", 20, "SUBMITTED"],
      ["BULK-1-2", 20, "SUBMITTED"],
    ]);
  });

  it("reads the same rows from an XLSX workbook and saves them as drafts", async () => {
    const { default: ExcelJS } = await import("exceljs");
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Port-ins");
    sheet.addRow([...BULK_COLUMNS]);
    for (const row of rows(5600)) {
      sheet.addRow(row);
    }
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const input = { fileName: "ports.xlsx", contentBase64: b64(bytes), reference: "BULK-XLSX" };
    const preview = await previewBulkPortIn(handle.db, clock, acme, input);
    expect(preview.issues).toEqual([]);
    expect(preview.accounts).toBe(2);
    const saved = await submitBulkPortIn(handle.db, clock, acme, { ...input, mode: "DRAFTS" });
    expect(saved.drafts).toHaveLength(2);
  });

  it("refuses a file without the template's columns, naming them", async () => {
    const error = await failure(() =>
      previewBulkPortIn(handle.db, clock, acme, {
        fileName: "x.csv",
        contentBase64: b64("phone,name\n1,2\n"),
        reference: "X",
      }),
    );
    expect(error.code).toBe("MISSING_COLUMNS");
    expect(error.message).toContain("tn, btn");
    expect(bulkTemplateCsv().split("\n")[0]).toBe(BULK_COLUMNS.join(","));
  });
});
