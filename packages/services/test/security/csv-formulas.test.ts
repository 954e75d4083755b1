import { randomInt, randomUUID } from "node:crypto";
import { createDb, type DbHandle } from "@portway/db";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { fixedClock } from "../../src/clock";
import { csvRecords, neutraliseFormula } from "../../src/csv/cell-writer";
import { buildReports, createCustomerAccount, exportOrdersCsv, exportStaffOrdersCsv, reportCsv } from "../../src/index";

/** Every way a cell may start a formula (or a DDE command): each leading character, also behind spaces and quotes. */
const hostile = [
  '=HYPERLINK("http://evil.test","x")',
  "+1+cmd|' /C calc'!A0",
  "-2+3",
  "@SUM(A1:A2)",
  "\t=1+1",
  "\r=1+1",
  "  =1+1",
  '"=1+1',
  "'=1+1",
  " \t@x",
];
/** Text that only contains those characters further on stays as it is. */
const harmless = ["A=B", "ACME-1", "x+y", "mail@acme.test", "Order 12, second part"];

let handle: DbHandle;
let orderId = "";
let tn = "";

beforeAll(async () => {
  handle = createDb(inject("databaseUrl"));
  const slug = `csv-${randomUUID().slice(0, 8)}`;
  const acme = {
    accountId: (await createCustomerAccount(handle.db, { name: `CSV ${slug}`, slug, onNetOnly: false })).id,
  };
  tn = `+1617255${String(randomInt(0, 10_000)).padStart(4, "0")}`;
  const row = await handle.pool.query<{ id: string }>(
    `insert into port_orders (account_id, status, port_type, customer_reference, btn, tn_count, created_at)
     values ($1, 'FOC', 'AUTOMATED', 'CSV-FORMULA', $2, 1, now()) returning id`,
    [acme.accountId, tn],
  );
  orderId = row.rows[0]?.id ?? "";
  await handle.pool.query("insert into port_order_tns (order_id, account_id, tn, active) values ($1, $2, $3, false)", [
    orderId,
    acme.accountId,
    tn,
  ]);
});
afterAll(async () => {
  await handle.close();
});

async function collect(chunks: AsyncGenerator<string>): Promise<string> {
  let csv = "";
  for await (const chunk of chunks) {
    csv += chunk;
  }
  return csv;
}

/** The cell a spreadsheet reads for the order's reference, with the header naming the column. */
function referenceCell(csv: string): string {
  const [header, ...rows] = parse(csv, { relax_column_count: false }) as string[][];
  const column = header?.indexOf("Customer reference") ?? -1;
  expect(column).toBeGreaterThanOrEqual(0);
  expect(rows).toHaveLength(1);
  return rows[0]?.[column] ?? "";
}

describe("the one CSV cell writer", () => {
  it.each(hostile)("neutralises %j with a leading apostrophe", (value) => {
    expect(neutraliseFormula(value)).toBe(`'${value}`);
  });
  it.each(harmless)("leaves %j as it is", (value) => {
    expect(neutraliseFormula(value)).toBe(value);
  });
  it("writes numbers as numbers (a negative count is not text) and quotes commas, quotes and line breaks", () => {
    expect(csvRecords([[-5, 1.5, null, "a,b", 'say "hi"', "two\nlines"]])).toBe(
      '-5,1.5,,"a,b","say ""hi""","two\nlines"\r\n',
    );
  });
});

describe("every CSV export neutralises each formula start", () => {
  it.each(hostile)("the customer's and the staff's orders CSV, the customer reference %j", async (value) => {
    await handle.pool.query("update port_orders set customer_reference = $1 where id = $2", [value, orderId]);
    const customer = await collect(exportOrdersCsv(handle.db, { allAccounts: true }, { tn }));
    expect(referenceCell(customer)).toBe(`'${value}`);
    const staff = await collect(exportStaffOrdersCsv(handle.db, { tn }));
    expect(referenceCell(staff)).toBe(`'${value}`);
  });

  it.each(hostile)("the reports CSV, a carrier named %j", async (value) => {
    const view = await buildReports(handle.db, fixedClock(new Date("2026-12-07T15:00:00Z")), {
      from: "2026-11-01",
      to: "2026-11-30",
    });
    const csv = reportCsv(
      { ...view, rejectionsByCarrier: [{ carrier: value, spid: "1234", rejections: 3 }] },
      "rejections-by-carrier",
    );
    const [header, row] = parse(csv) as string[][];
    expect(header).toEqual(["carrier", "spid", "rejections"]);
    expect(row).toEqual([`'${value}`, "1234", "3"]);
  });
});
