import { carriers, type DbHandle, holidays, numberBlocks, rateCenters } from "@portway/db";
import { parseTn, parseTns } from "@portway/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSampleNumberingDataset, sampleTns, seedNumberingData } from "../src/numbering/index";
import { createNumberingDatabase } from "./numbering-helpers";

let handle: DbHandle;

beforeAll(async () => {
  handle = await createNumberingDatabase("seed");
});
afterAll(async () => {
  await handle.close();
});

describe("sample numbering dataset", () => {
  const dataset = buildSampleNumberingDataset();

  it("is the same on every build", () => {
    expect(buildSampleNumberingDataset()).toEqual(dataset);
    expect(dataset.blocks.length).toBeGreaterThan(500);
  });

  it("covers every US time zone with real NPAs and the named areas", () => {
    const zones = new Set(dataset.blocks.map((b) => b.timeZone));
    for (const zone of [
      "America/New_York",
      "America/Chicago",
      "America/Denver",
      "America/Phoenix",
      "America/Los_Angeles",
      "America/Anchorage",
      "Pacific/Honolulu",
    ]) {
      expect(zones).toContain(zone);
    }
    const stateOf = new Map(dataset.blocks.map((b) => [b.npa, b.state]));
    expect(
      Object.fromEntries(
        ["212", "312", "415", "617", "202", "305", "512", "206", "303", "602", "808", "907"].map((n) => [
          n,
          stateOf.get(n),
        ]),
      ),
    ).toEqual({
      "212": "NY",
      "312": "IL",
      "415": "CA",
      "617": "MA",
      "202": "DC",
      "305": "FL",
      "512": "TX",
      "206": "WA",
      "303": "CO",
      "602": "AZ",
      "808": "HI",
      "907": "AK",
    });
    expect(dataset.blocks.find((b) => b.npa === "602")?.timeZone).toBe("America/Phoenix");
  });

  it("has only valid, unique blocks whose numbers parse without warnings", () => {
    const codes = dataset.blocks.map((b) => `${b.npa}${b.nxx}`);
    expect(new Set(codes).size).toBe(codes.length);
    const parsed = parseTns(codes.map((code) => `${code}4321`).join("\n"));
    expect(parsed.errors).toEqual([]);
    expect(parsed.warnings).toEqual([]);
    expect(parsed.tns).toHaveLength(codes.length);
  });

  it("has carriers of each type, wireless ones needing PIN, long intervals, a carrier holiday and every coverage", () => {
    expect(new Set(dataset.carriers.map((c) => c.type))).toEqual(new Set(["WIRELINE", "WIRELESS", "VOIP"]));
    expect(dataset.carriers.every((c) => /^[0-9A-Z]{4}$/.test(c.spid))).toBe(true);
    const wireless = dataset.carriers.filter((c) => c.type === "WIRELESS");
    expect(wireless.every((c) => c.requiresPin && c.requiresAccountNumber)).toBe(true);
    expect(dataset.carriers.filter((c) => c.minBusinessDays >= 5).length).toBeGreaterThanOrEqual(2);
    expect(dataset.holidays.filter((h) => h.carrierSpid === "6102").map((h) => h.date)).toContain("2026-11-27");
    const kinds = new Set(dataset.rateCenters.map((r) => `${r.onNet}/${r.partnerSupported}`));
    expect(kinds).toEqual(new Set(["true/false", "false/true", "true/true", "false/false"]));
  });

  it("documents sample numbers that parse (all but the toll-free one are valid local numbers)", () => {
    for (const [name, tn] of Object.entries(sampleTns)) {
      const parsed = parseTn(tn);
      if (name === "tollFree") {
        expect(parsed.ok ? "ok" : parsed.error.code).toBe("TOLL_FREE");
      } else {
        expect(parsed.ok ? parsed.tn : parsed.error.code).toBe(tn);
      }
    }
    const inPlan = new Set(dataset.blocks.map((b) => `+1${b.npa}${b.nxx}`));
    expect(inPlan.has(sampleTns.onNet.slice(0, 8))).toBe(true);
    expect(inPlan.has(sampleTns.notInPlan.slice(0, 8))).toBe(false);
    expect(dataset.blocks.some((b) => b.npa === "202")).toBe(true);
  });
});

describe("seedNumberingData", () => {
  it("loads the dataset once, even when two starts race, and then changes nothing", async () => {
    const dataset = buildSampleNumberingDataset();
    const results = await Promise.all([seedNumberingData(handle.db), seedNumberingData(handle.db)]);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const counts = async () => ({
      carriers: await handle.db.$count(carriers),
      rateCenters: await handle.db.$count(rateCenters),
      blocks: await handle.db.$count(numberBlocks),
      holidays: await handle.db.$count(holidays),
    });
    const expected = {
      carriers: dataset.carriers.length,
      rateCenters: dataset.rateCenters.length,
      blocks: dataset.blocks.length,
      holidays: dataset.holidays.length,
    };
    expect(await counts()).toEqual(expected);
    await expect(seedNumberingData(handle.db)).resolves.toMatchObject({ created: false });
    expect(await counts()).toEqual(expected);
  });

  it("stores exactly the generated blocks", async () => {
    const rows = await handle.db
      .select({ npa: numberBlocks.npa, nxx: numberBlocks.nxx, tz: numberBlocks.timeZone })
      .from(numberBlocks);
    const stored = rows.map((r) => `${r.npa}-${r.nxx}-${r.tz}`).sort();
    const generated = buildSampleNumberingDataset()
      .blocks.map((b) => `${b.npa}-${b.nxx}-${b.timeZone}`)
      .sort();
    expect(stored).toEqual(generated);
  });
});
