/**
 * The deterministic sample numbering dataset, loaded on first start (`seedNumberingData`). Same rows on every run:
 * a seeded PRNG, no `Math.random`, no clock.
 *
 * Contents: 39 real US NPAs (sample-areas.ts) in every US time zone, 2-3 rate centers each with a LATA, about 8
 * generated exchanges (NXX) per rate center, 10 fictional carriers (4 wireline, 3 wireless, 3 VoIP; SPIDs 9201-9204,
 * 6101-6103, 7A01-7A03). Rate center coverage is a mix of on-net, partner-supported (off-net), both, and neither.
 *
 * Anchor blocks with fixed properties, for demos and tests (`sampleTns` below picks one number of each):
 *
 * | NPA-NXX | rate center           | coverage               | carrier (SPID, type)                  | sample TN    |
 * |---------|-----------------------|------------------------|---------------------------------------|--------------|
 * | 312-286 | Chicago, IL           | on-net only            | Great Lakes Bell (9201, WIRELINE)     | onNet        |
 * | 202-263 | Washington Zone 1, DC | on-net and partner     | Atlantic Telephone (9202, WIRELINE)   | onNetAndPartner (on-net wins; account number) |
 * | 617-253 | Boston, MA            | partner only (off-net) | Atlantic Telephone (9202, WIRELINE)   | offNet (account number) |
 * | 415-577 | San Francisco, CA     | partner only (off-net) | Summit Wireless (6101, WIRELESS)      | wirelessPin (account number and PIN) |
 * | 512-236 | Austin, TX            | partner only (off-net) | Prairie Telephone Coop (9203, WIRELINE) | longInterval (5 business days) |
 * | 602-258 | Phoenix, AZ           | on-net only            | Canyon Cellular (6103, WIRELESS)      | wirelessLongInterval (5 business days) |
 * | 303-222 | Denver, CO            | on-net only            | Bluewave Mobile (6102, WIRELESS)      | carrierHoliday |
 * | 206-467 | Seattle, WA           | on-net only            | Keystone VoIP (7A01, VOIP)            | voip         |
 * | 907-222 | Anchorage, AK         | neither: no coverage   | Pacific Coast Telephone (9204, WIRELINE) | uncovered |
 *
 * Carrier holidays: Bluewave Mobile (6102) adds the day after Thanksgiving and Christmas Eve (when a weekday),
 * 2025-2030. No company-wide holidays are seeded: the six porting holidays of SPEC 6 are built into the calendar.
 * NPA 757 (Virginia) is not in the plan at all.
 */
import { addDays, checkExchange, checkWarning, dayOfWeek, nthWeekdayOfMonth } from "@portway/domain";
import { SAMPLE_AREAS, SAMPLE_CARRIERS, type SampleCarrier } from "./sample-areas";

export interface SampleRateCenter {
  name: string;
  state: string;
  lata: string;
  onNet: boolean;
  partnerSupported: boolean;
}

export interface SampleBlock {
  npa: string;
  nxx: string;
  rateCenter: string;
  state: string;
  lata: string;
  timeZone: string;
  carrierSpid: string;
}

export interface SampleHoliday {
  date: string;
  name: string;
  /** Null for a company-wide holiday. */
  carrierSpid: string | null;
}

export interface NumberingDataset {
  carriers: SampleCarrier[];
  rateCenters: SampleRateCenter[];
  blocks: SampleBlock[];
  holidays: SampleHoliday[];
}

/** One number of each class of the sample dataset (see the table above). */
export const sampleTns = {
  onNet: "+13122864000",
  onNetAndPartner: "+12022631000",
  offNet: "+16172531000",
  wirelessPin: "+14155771234",
  longInterval: "+15122361000",
  wirelessLongInterval: "+16022581000",
  carrierHoliday: "+13032221000",
  voip: "+12064671000",
  uncovered: "+19072221000",
  notInPlan: "+17572345678",
  tollFree: "+18002345678",
} as const;

type Coverage = "ON_NET" | "PARTNER" | "BOTH" | "NONE";

interface Anchor {
  npa: string;
  nxx: string;
  coverage: Coverage;
  carrierSpid: string;
}

/** Anchor blocks: the first rate center of their NPA, with a fixed coverage and carrier. */
const ANCHORS: readonly Anchor[] = [
  { npa: "312", nxx: "286", coverage: "ON_NET", carrierSpid: "9201" },
  { npa: "202", nxx: "263", coverage: "BOTH", carrierSpid: "9202" },
  { npa: "617", nxx: "253", coverage: "PARTNER", carrierSpid: "9202" },
  { npa: "415", nxx: "577", coverage: "PARTNER", carrierSpid: "6101" },
  { npa: "512", nxx: "236", coverage: "PARTNER", carrierSpid: "9203" },
  { npa: "602", nxx: "258", coverage: "ON_NET", carrierSpid: "6103" },
  { npa: "303", nxx: "222", coverage: "ON_NET", carrierSpid: "6102" },
  { npa: "206", nxx: "467", coverage: "ON_NET", carrierSpid: "7A01" },
  { npa: "907", nxx: "222", coverage: "NONE", carrierSpid: "9204" },
];

const HOLIDAY_CARRIER_SPID = "6102";
const HOLIDAY_YEARS = [2025, 2026, 2027, 2028, 2029, 2030] as const;
const BLOCKS_PER_RATE_CENTER = 8;
const SEED = 0x50_52_54_57;

/** mulberry32: a small, well-distributed 32-bit PRNG; the same seed gives the same sequence everywhere. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function pick<T>(items: readonly T[], random: () => number): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) {
    throw new Error("pick from an empty list");
  }
  return item;
}

function coverageFlags(coverage: Coverage): { onNet: boolean; partnerSupported: boolean } {
  return {
    onNet: coverage === "ON_NET" || coverage === "BOTH",
    partnerSupported: coverage === "PARTNER" || coverage === "BOTH",
  };
}

/** Exchanges a subscriber block may use: valid by SPEC 3 and drawing no warning (no 555, no 976). */
function isUsableExchange(npa: string, nxx: number): boolean {
  return checkExchange(Number(npa), nxx) === null && checkWarning(nxx) === null;
}

function buildHolidays(): SampleHoliday[] {
  const result: SampleHoliday[] = [];
  for (const year of HOLIDAY_YEARS) {
    const thanksgiving = nthWeekdayOfMonth(year, 11, 4, 4);
    result.push({ date: addDays(thanksgiving, 1), name: "Day after Thanksgiving", carrierSpid: HOLIDAY_CARRIER_SPID });
    const christmasEve = `${year}-12-24`;
    const weekday = dayOfWeek(christmasEve);
    if (weekday !== 0 && weekday !== 6) {
      result.push({ date: christmasEve, name: "Christmas Eve", carrierSpid: HOLIDAY_CARRIER_SPID });
    }
  }
  return result;
}

/** Builds the sample dataset; pure and deterministic. */
export function buildSampleNumberingDataset(): NumberingDataset {
  const random = createRandom(SEED);
  const coverages: readonly Coverage[] = ["ON_NET", "ON_NET", "PARTNER", "PARTNER", "PARTNER", "BOTH", "NONE"];
  const rateCenters: SampleRateCenter[] = [];
  const blocks: SampleBlock[] = [];
  for (const area of SAMPLE_AREAS) {
    const anchor = ANCHORS.find((a) => a.npa === area.npa);
    const used = new Set<number>(anchor === undefined ? [] : [Number(anchor.nxx)]);
    area.rateCenters.forEach((name, index) => {
      const anchored = index === 0 ? anchor : undefined;
      const coverage = anchored?.coverage ?? pick(coverages, random);
      rateCenters.push({ name, state: area.state, lata: area.lata, ...coverageFlags(coverage) });
      const block = (nxx: string, carrierSpid: string): SampleBlock => ({
        npa: area.npa,
        nxx,
        rateCenter: name,
        state: area.state,
        lata: area.lata,
        timeZone: area.timeZone,
        carrierSpid,
      });
      if (anchored !== undefined) {
        blocks.push(block(anchored.nxx, anchored.carrierSpid));
      }
      let generated = 0;
      while (generated < BLOCKS_PER_RATE_CENTER) {
        const nxx = 200 + Math.floor(random() * 800);
        if (used.has(nxx) || !isUsableExchange(area.npa, nxx)) {
          continue;
        }
        used.add(nxx);
        blocks.push(block(String(nxx), pick(SAMPLE_CARRIERS, random).spid));
        generated++;
      }
    });
  }
  return {
    carriers: SAMPLE_CARRIERS.map((carrier) => ({ ...carrier })),
    rateCenters,
    blocks,
    holidays: buildHolidays(),
  };
}
