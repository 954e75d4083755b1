import type { CarrierTypeValue } from "@portway/db/schema";

/** A real US area code with its state, IANA time zone, LATA and the rate centers the sample gives it. */
export interface SampleArea {
  npa: string;
  state: string;
  timeZone: string;
  lata: string;
  rateCenters: readonly string[];
}

/**
 * Real NPAs with their states and time zones (every US zone: Eastern, Central, Mountain, Arizona without DST,
 * Pacific, Alaska, Hawaii, and the Indiana/Kentucky/Michigan/Idaho variants). LATAs are close to the real ones;
 * rate center names are towns of the area. The first rate center of an area is where its anchor block sits.
 */
export const SAMPLE_AREAS: readonly SampleArea[] = [
  {
    npa: "212",
    state: "NY",
    timeZone: "America/New_York",
    lata: "132",
    rateCenters: ["New York City Zone 1", "New York City Zone 5"],
  },
  { npa: "718", state: "NY", timeZone: "America/New_York", lata: "132", rateCenters: ["Brooklyn", "Queens"] },
  { npa: "518", state: "NY", timeZone: "America/New_York", lata: "140", rateCenters: ["Albany", "Schenectady"] },
  {
    npa: "202",
    state: "DC",
    timeZone: "America/New_York",
    lata: "236",
    rateCenters: ["Washington Zone 1", "Washington Zone 2"],
  },
  { npa: "617", state: "MA", timeZone: "America/New_York", lata: "128", rateCenters: ["Boston", "Cambridge"] },
  { npa: "215", state: "PA", timeZone: "America/New_York", lata: "228", rateCenters: ["Philadelphia", "Norristown"] },
  { npa: "973", state: "NJ", timeZone: "America/New_York", lata: "224", rateCenters: ["Newark", "Paterson"] },
  { npa: "410", state: "MD", timeZone: "America/New_York", lata: "238", rateCenters: ["Baltimore", "Towson"] },
  { npa: "305", state: "FL", timeZone: "America/New_York", lata: "460", rateCenters: ["Miami", "Homestead"] },
  { npa: "404", state: "GA", timeZone: "America/New_York", lata: "438", rateCenters: ["Atlanta", "Decatur"] },
  { npa: "704", state: "NC", timeZone: "America/New_York", lata: "422", rateCenters: ["Charlotte", "Gastonia"] },
  { npa: "313", state: "MI", timeZone: "America/Detroit", lata: "340", rateCenters: ["Detroit", "Dearborn"] },
  {
    npa: "317",
    state: "IN",
    timeZone: "America/Indiana/Indianapolis",
    lata: "336",
    rateCenters: ["Indianapolis", "Carmel"],
  },
  {
    npa: "502",
    state: "KY",
    timeZone: "America/Kentucky/Louisville",
    lata: "462",
    rateCenters: ["Louisville", "Shepherdsville"],
  },
  { npa: "312", state: "IL", timeZone: "America/Chicago", lata: "358", rateCenters: ["Chicago", "Evanston"] },
  {
    npa: "773",
    state: "IL",
    timeZone: "America/Chicago",
    lata: "358",
    rateCenters: ["Chicago North", "Chicago South"],
  },
  { npa: "512", state: "TX", timeZone: "America/Chicago", lata: "558", rateCenters: ["Austin", "Round Rock"] },
  { npa: "214", state: "TX", timeZone: "America/Chicago", lata: "552", rateCenters: ["Dallas", "Irving"] },
  { npa: "713", state: "TX", timeZone: "America/Chicago", lata: "560", rateCenters: ["Houston", "Pasadena"] },
  { npa: "612", state: "MN", timeZone: "America/Chicago", lata: "628", rateCenters: ["Minneapolis", "Saint Paul"] },
  { npa: "615", state: "TN", timeZone: "America/Chicago", lata: "470", rateCenters: ["Nashville", "Franklin"] },
  { npa: "504", state: "LA", timeZone: "America/Chicago", lata: "490", rateCenters: ["New Orleans", "Metairie"] },
  { npa: "816", state: "MO", timeZone: "America/Chicago", lata: "524", rateCenters: ["Kansas City", "Independence"] },
  { npa: "402", state: "NE", timeZone: "America/Chicago", lata: "644", rateCenters: ["Omaha", "Lincoln"] },
  { npa: "303", state: "CO", timeZone: "America/Denver", lata: "656", rateCenters: ["Denver", "Aurora"] },
  { npa: "801", state: "UT", timeZone: "America/Denver", lata: "660", rateCenters: ["Salt Lake City", "Provo"] },
  { npa: "505", state: "NM", timeZone: "America/Denver", lata: "664", rateCenters: ["Albuquerque", "Santa Fe"] },
  { npa: "406", state: "MT", timeZone: "America/Denver", lata: "648", rateCenters: ["Billings", "Missoula"] },
  { npa: "208", state: "ID", timeZone: "America/Boise", lata: "652", rateCenters: ["Boise", "Nampa"] },
  { npa: "602", state: "AZ", timeZone: "America/Phoenix", lata: "666", rateCenters: ["Phoenix", "Scottsdale"] },
  { npa: "520", state: "AZ", timeZone: "America/Phoenix", lata: "668", rateCenters: ["Tucson", "Sierra Vista"] },
  {
    npa: "415",
    state: "CA",
    timeZone: "America/Los_Angeles",
    lata: "722",
    rateCenters: ["San Francisco", "Sausalito"],
  },
  { npa: "213", state: "CA", timeZone: "America/Los_Angeles", lata: "730", rateCenters: ["Los Angeles", "Vernon"] },
  { npa: "619", state: "CA", timeZone: "America/Los_Angeles", lata: "732", rateCenters: ["San Diego", "Chula Vista"] },
  { npa: "206", state: "WA", timeZone: "America/Los_Angeles", lata: "674", rateCenters: ["Seattle", "Bellevue"] },
  { npa: "503", state: "OR", timeZone: "America/Los_Angeles", lata: "672", rateCenters: ["Portland", "Beaverton"] },
  { npa: "702", state: "NV", timeZone: "America/Los_Angeles", lata: "721", rateCenters: ["Las Vegas", "Henderson"] },
  {
    npa: "907",
    state: "AK",
    timeZone: "America/Anchorage",
    lata: "832",
    rateCenters: ["Anchorage", "Fairbanks", "Juneau"],
  },
  { npa: "808", state: "HI", timeZone: "Pacific/Honolulu", lata: "834", rateCenters: ["Honolulu", "Hilo"] },
];

export interface SampleCarrier {
  name: string;
  spid: string;
  type: CarrierTypeValue;
  requiresAccountNumber: boolean;
  requiresPin: boolean;
  minBusinessDays: number;
}

/** Fictional carriers of each type; every wireless one needs account number and PIN (SPEC 5). */
export const SAMPLE_CARRIERS: readonly SampleCarrier[] = [
  {
    name: "Great Lakes Bell",
    spid: "9201",
    type: "WIRELINE",
    requiresAccountNumber: false,
    requiresPin: false,
    minBusinessDays: 0,
  },
  {
    name: "Atlantic Telephone Company",
    spid: "9202",
    type: "WIRELINE",
    requiresAccountNumber: true,
    requiresPin: false,
    minBusinessDays: 0,
  },
  {
    name: "Prairie Telephone Cooperative",
    spid: "9203",
    type: "WIRELINE",
    requiresAccountNumber: true,
    requiresPin: false,
    minBusinessDays: 5,
  },
  {
    name: "Pacific Coast Telephone",
    spid: "9204",
    type: "WIRELINE",
    requiresAccountNumber: false,
    requiresPin: false,
    minBusinessDays: 0,
  },
  {
    name: "Summit Wireless",
    spid: "6101",
    type: "WIRELESS",
    requiresAccountNumber: true,
    requiresPin: true,
    minBusinessDays: 0,
  },
  {
    name: "Bluewave Mobile",
    spid: "6102",
    type: "WIRELESS",
    requiresAccountNumber: true,
    requiresPin: true,
    minBusinessDays: 0,
  },
  {
    name: "Canyon Cellular",
    spid: "6103",
    type: "WIRELESS",
    requiresAccountNumber: true,
    requiresPin: true,
    minBusinessDays: 5,
  },
  {
    name: "Keystone VoIP",
    spid: "7A01",
    type: "VOIP",
    requiresAccountNumber: false,
    requiresPin: false,
    minBusinessDays: 0,
  },
  {
    name: "Harborline Cloud Voice",
    spid: "7A02",
    type: "VOIP",
    requiresAccountNumber: true,
    requiresPin: false,
    minBusinessDays: 3,
  },
  {
    name: "Nimbus Telecom",
    spid: "7A03",
    type: "VOIP",
    requiresAccountNumber: false,
    requiresPin: true,
    minBusinessDays: 0,
  },
];
