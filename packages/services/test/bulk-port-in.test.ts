import { createDb, type DbHandle, portOrders, portRequests } from "@portway/db";
import type { OrderDetails } from "@portway/domain";
import { eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { fixedClock } from "../src/clock";
import {
  BULK_COLUMNS,
  bulkTemplateCsv,
  getDraft,
  previewBulkPortIn,
  seedDemoData,
  seedNumberingData,
  submitBulkPortIn,
  submitPortRequest,
} from "../src/index";
import { demoCustomer, failure, mondayMorning, submissionData, tnRange } from "./order-fixtures";

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
    expect(good.orders.map((o) => [o.group, o.btn, o.portType, o.tnCount])).toEqual([
      [1, "(312) 286-5500", "ON_NET", 20],
      [2, "312-286-5520", "ON_NET", 20],
    ]);
    expect(good.reference).toBe("BULK-1");
    const created = await submitBulkPortIn(handle.db, clock, acme, { ...fixed, mode: "SUBMIT" });
    expect(created.orders).toHaveLength(2);
    expect(created.created).toBe(true);
    const stored = await handle.db.select().from(portOrders).where(like(portOrders.customerReference, "BULK-1%"));
    // One port request holds both LSP accounts' orders, each with its own account's details.
    expect(new Set(stored.map((o) => o.portRequestId))).toEqual(new Set([created.portRequestId]));
    expect(
      stored
        .map((o) => [
          o.customerReference,
          o.sequence,
          o.tnCount,
          o.status,
          o.btn,
          (o.details as OrderDetails).accountNumber,
        ])
        .sort((a, b) => Number(a[1]) - Number(b[1])),
    ).toEqual([
      ["BULK-1", 1, 20, "SUBMITTED", "+13122865500", "ACCT-A"],
      ["BULK-1", 2, 20, "SUBMITTED", "+13122865520", "ACCT-B"],
    ]);
    const [request] = await handle.db
      .select()
      .from(portRequests)
      .where(eq(portRequests.id, created.portRequestId ?? ""));
    expect(request).toMatchObject({ customerReference: "BULK-1", tnCount: 40 });
    const again = await submitBulkPortIn(handle.db, clock, acme, { ...fixed, mode: "SUBMIT" });
    expect(again).toMatchObject({ created: false, portRequestId: created.portRequestId });
    expect(again.orders.map((o) => o.id).sort()).toEqual(created.orders.map((o) => o.id).sort());
  });

  it("creates nothing when one LSP account's row is refused at submission; the error names its line", async () => {
    // Line 25 (account B) ports a number already in an active order: only the database knows, at submission.
    const file = rows(8300);
    const taken = `+1${(file[23] as string[])[tnAt]}`;
    await submitPortRequest(handle.db, clock, acme, { submission: submissionData([taken], "BULK-TAKEN-FIRST") });
    const input = { fileName: "ports.csv", contentBase64: b64(csv(file)), reference: "BULK-HALF" };
    const refused = await failure(() => submitBulkPortIn(handle.db, clock, acme, { ...input, mode: "SUBMIT" }));
    expect(refused.kind).toBe("INVALID");
    expect(refused.issues.map((i) => i.field)).toEqual(["rows.25.tn"]);
    expect(refused.issues[0]?.message).toMatch(/^Line 25: \+13122868323/);
    expect(await handle.db.select().from(portOrders).where(like(portOrders.customerReference, "BULK-HALF%"))).toEqual(
      [],
    );
    expect(await handle.db.select().from(portRequests).where(eq(portRequests.customerReference, "BULK-HALF"))).toEqual(
      [],
    );
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
    // Each draft is submitted as a port request of its own, so each takes a reference of its own.
    const references = await Promise.all(
      saved.drafts.map(async (d) => (await getDraft(handle.db, acme, d.id)).data.customerOrderRef),
    );
    expect(references).toEqual(["BULK-XLSX-1", "BULK-XLSX-2"]);
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
