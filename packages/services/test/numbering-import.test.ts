import { carriers, countNumberingRows, type DbHandle, numberBlocks, rateCenters } from "@portway/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  applyNumberingImport,
  checkNumbers,
  NUMBERING_CSV_MAX_ROWS,
  previewNumberingImport,
} from "../src/numbering/index";
import { createNumberingDatabase } from "./numbering-helpers";

let handle: DbHandle;

beforeAll(async () => {
  handle = await createNumberingDatabase("import");
});
afterAll(async () => {
  await handle.close();
});

const header =
  "npa,nxx,rate_center,state,lata,time_zone,carrier_name,carrier_spid,carrier_type,on_net,partner_supported";
const good = [
  header,
  "339,234,Lynn,MA,128,America/New_York,Harbor Test Telephone,T001,WIRELINE,true,false",
  '339,235,Lynn,MA,128,America/New_York,"Harbor Test Telephone",T001,wireline,yes,no',
  "339,236,Salem,MA,128,America/New_York,Test Mobile,T002,WIRELESS,false,true",
  "559,242,Fresno,CA,740,America/Los_Angeles,Valley Test VoIP,T003,VOIP,1,1",
].join("\n");

describe("previewNumberingImport", () => {
  it("reports each bad row with its field and message, and applying it writes nothing", async () => {
    const csv = [
      header,
      "339,240,Lynn,MA,128,America/New_York,Harbor Test Telephone,T001,WIRELINE,true,false",
      "339,1X1,Lynn,MA,128,America/Eastern,Harbor Test Telephone,T001,WIRELINE,true,false",
      "339,241,Lynn,MA,128,America/New_York,Harbor Test Telephone,T001,WIRELINE,true,false",
      "339,242,Peabody,ZZ,128,America/New_York,Harbor Test Telephone,T001,PAGING,maybe,false",
    ].join("\n");
    const before = await countNumberingRows(handle.db);
    const preview = await previewNumberingImport(handle.db, csv);
    expect(preview.ok).toBe(false);
    expect(preview.rows.map((r) => [r.row, r.status])).toEqual([
      [2, "ok"],
      [3, "error"],
      [4, "ok"],
      [5, "error"],
    ]);
    expect(preview.rows[1]?.issues.map((i) => [i.field, i.code])).toEqual([
      ["nxx", "INVALID_FORMAT"],
      ["time_zone", "INVALID_TIME_ZONE"],
    ]);
    expect(preview.rows[3]?.issues.map((i) => [i.field, i.code])).toEqual([
      ["state", "INVALID_STATE"],
      ["carrier_type", "INVALID_CARRIER_TYPE"],
      ["on_net", "INVALID_BOOLEAN"],
    ]);
    expect(preview.rows[3]?.issues[0]?.message).toContain('"ZZ"');
    expect(preview.summary).toMatchObject({ rows: 4, okRows: 2, errorRows: 2 });
    expect(preview.summary.blocks).toEqual({ create: 2, update: 0, unchanged: 0 });

    const applied = await applyNumberingImport(handle.db, csv);
    expect(applied).toMatchObject({ ok: false, applied: false });
    expect(applied.rows.filter((r) => r.status === "error").map((r) => r.row)).toEqual([3, 5]);
    expect(await countNumberingRows(handle.db)).toEqual(before);
  });

  it("finds problems between rows: a block twice, one SPID with two names, a rate center described two ways", async () => {
    const csv = [
      header,
      "339,250,Lynn,MA,128,America/New_York,Harbor Test Telephone,T001,WIRELINE,true,false",
      "339,250,Lynn,MA,128,America/New_York,Harbor Test Telephone,T001,WIRELINE,true,false",
      "339,251,Lynn,MA,128,America/New_York,Harbour Telephone,T001,WIRELINE,true,false",
      "339,252,Lynn,MA,128,America/New_York,Harbor Test Telephone,T001,WIRELINE,false,false",
    ].join("\n");
    const preview = await previewNumberingImport(handle.db, csv);
    expect(preview.rows.map((r) => r.issues.map((i) => `${i.field}:${i.code}`))).toEqual([
      [],
      ["nxx:DUPLICATE_BLOCK"],
      ["carrier_name:CONFLICTING_CARRIER"],
      ["on_net:CONFLICTING_RATE_CENTER"],
    ]);
    expect(preview.rows[1]?.issues[0]?.message).toBe("Block 339-250 is already on row 2; list each block once.");
  });

  it("refuses non-geographic and reserved codes with the SPEC 3 reason", async () => {
    const csv = [
      header,
      "800,234,Nowhere,MA,128,America/New_York,X,T001,WIRELINE,true,false",
      "339,555,Lynn,MA,128,America/New_York,X,T001,WIRELINE,true,false",
      "339,958,Lynn,MA,128,America/New_York,X,T001,WIRELINE,true,false",
    ].join("\n");
    const preview = await previewNumberingImport(handle.db, csv);
    expect(preview.rows.map((r) => r.issues.map((i) => `${i.field}:${i.code}`))).toEqual([
      ["npa:TOLL_FREE"],
      [],
      ["nxx:SERVICE_NXX"],
    ]);
  });

  it("rejects a file with a bad header, or too large, as a whole", async () => {
    const missing = await previewNumberingImport(handle.db, "npa,nxx,colour\n339,234,red");
    expect(missing.ok).toBe(false);
    expect(missing.fileIssues.map((i) => `${i.field}:${i.code}`)).toContain("colour:UNKNOWN_COLUMN");
    expect(missing.fileIssues.map((i) => `${i.field}:${i.code}`)).toContain("carrier_spid:MISSING_COLUMN");
    const row = "339,234,Lynn,MA,128,America/New_York,Harbor Test Telephone,T001,WIRELINE,true,false\n";
    const tooMany = await previewNumberingImport(handle.db, `${header}\n${row.repeat(NUMBERING_CSV_MAX_ROWS + 1)}`);
    expect(tooMany.fileIssues.map((i) => i.code)).toEqual(["TOO_MANY_ROWS"]);
    const tooBig = await previewNumberingImport(handle.db, `${header}\n${"x".repeat(11 * 1024 * 1024)}`);
    expect(tooBig.fileIssues[0]?.message).toContain("10 MB");
    const unclosed = await previewNumberingImport(handle.db, `${header}\n339,"234`);
    expect(unclosed.fileIssues.map((i) => i.code)).toEqual(["UNCLOSED_QUOTE"]);
  });

  it("reads a BOM, CRLF, blank lines, quoted fields and columns in any order", async () => {
    const csv = [
      "\uFEFFCarrier_Name,carrier_spid,carrier_type,NPA,nxx,rate_center,state,lata,time_zone,on_net,partner_supported",
      "",
      '"Quote ""Test"" Telephone, Inc.",T009,WIRELINE,339,260,"St. Lynn",MA,128,America/New_York,true,false',
      "   ",
      "",
    ].join("\r\n");
    const preview = await previewNumberingImport(handle.db, csv);
    expect(preview.fileIssues).toEqual([]);
    expect(preview.rows).toEqual([{ row: 3, status: "ok", block: "339-260", issues: [] }]);
  });
});

describe("applyNumberingImport", () => {
  it("applies a good file in one go, then re-applying it changes nothing", async () => {
    const before = await countNumberingRows(handle.db);
    const first = await applyNumberingImport(handle.db, good);
    expect(first).toMatchObject({ ok: true, applied: true });
    expect(first.summary).toMatchObject({
      carriers: { create: 3, update: 0, unchanged: 0 },
      rateCenters: { create: 3, update: 0, unchanged: 0 },
      blocks: { create: 4, update: 0, unchanged: 0 },
    });
    expect(await countNumberingRows(handle.db)).toEqual({
      ...before,
      carriers: before.carriers + 3,
      rateCenters: before.rateCenters + 3,
      blocks: before.blocks + 4,
    });
    const wireless = await handle.db.select().from(carriers).where(eq(carriers.spid, "T002"));
    expect(wireless[0]).toMatchObject({
      name: "Test Mobile",
      type: "WIRELESS",
      requiresPin: true,
      requiresAccountNumber: true,
    });

    const afterFirst = await countNumberingRows(handle.db);
    const again = await applyNumberingImport(handle.db, good);
    expect(again.summary).toMatchObject({
      carriers: { create: 0, update: 0, unchanged: 3 },
      rateCenters: { create: 0, update: 0, unchanged: 3 },
      blocks: { create: 0, update: 0, unchanged: 4 },
    });
    expect(again.applied).toBe(true);
    expect(await countNumberingRows(handle.db)).toEqual(afterFirst);
  });

  it("updates coverage and carrier rules, and the portability check sees the change", async () => {
    const now = new Date("2026-03-03T15:00:00Z");
    const before = await checkNumbers(handle.db, { input: "3392344000", accountId: crypto.randomUUID(), now });
    expect(before.numbers[0]).toMatchObject({ portable: true, onNet: true, portType: "ON_NET" });
    const csv = [
      `${header},min_business_days`,
      "339,234,Lynn,MA,128,America/New_York,Harbor Test Telephone,T001,WIRELINE,false,true,5",
    ].join("\n");
    const result = await applyNumberingImport(handle.db, csv);
    expect(result.summary).toMatchObject({
      carriers: { update: 1 },
      rateCenters: { update: 1 },
      blocks: { unchanged: 1 },
    });
    const center = await handle.db
      .select()
      .from(rateCenters)
      .where(and(eq(rateCenters.name, "Lynn"), eq(rateCenters.state, "MA")));
    expect(center[0]).toMatchObject({ onNet: false, partnerSupported: true });
    const after = await checkNumbers(handle.db, { input: "3392344000", accountId: crypto.randomUUID(), now });
    // Off-net now, and the carrier's 5 business days beat the partner's 3: Tue 3 March + 5 = Tue 10 March.
    expect(after.numbers[0]).toMatchObject({ onNet: false, portType: "AUTOMATED", earliestFocDate: "2026-03-10" });
    const blocks = await handle.db.select().from(numberBlocks).where(eq(numberBlocks.npa, "339"));
    expect(blocks).toHaveLength(3);
  });
});
