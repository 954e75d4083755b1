import type { CarrierTypeValue } from "@portway/db/schema";
import { checkExchange, TN_MESSAGES, US_STATES } from "@portway/domain";
import { parseCsv } from "./csv";

/**
 * The numbering CSV (blocks and coverage), one row per NPA-NXX block, with a header row naming the columns in any
 * order (case-insensitive):
 *
 * | column                    | required | format                                                              |
 * |---------------------------|----------|---------------------------------------------------------------------|
 * | `npa`                     | yes      | 3 digits, a geographic area code (SPEC 3)                           |
 * | `nxx`                     | yes      | 3 digits, a subscriber exchange (SPEC 3)                            |
 * | `rate_center`             | yes      | name, at most 50 characters; with `state` it identifies the center  |
 * | `state`                   | yes      | 2-letter US state or territory code                                 |
 * | `lata`                    | yes      | 3 digits                                                            |
 * | `time_zone`               | yes      | IANA name, e.g. `America/Chicago`                                   |
 * | `carrier_name`            | yes      | at most 100 characters                                              |
 * | `carrier_spid`            | yes      | 4 characters 0-9 / A-Z; identifies the carrier                      |
 * | `carrier_type`            | yes      | `WIRELINE`, `WIRELESS` or `VOIP`                                    |
 * | `on_net`                  | yes      | boolean: `true`/`false`, `yes`/`no`, `y`/`n`, `1`/`0`               |
 * | `partner_supported`       | yes      | boolean                                                             |
 * | `requires_account_number` | no       | boolean; blank keeps the carrier's current rule                     |
 * | `requires_pin`            | no       | boolean; blank keeps the carrier's current rule                     |
 * | `min_business_days`       | no       | whole number 0-30; blank keeps the carrier's current rule           |
 *
 * Fields may be quoted; blank lines, a byte-order mark and CRLF line ends are accepted. Row numbers in reports are
 * the line the record starts on, the header being row 1. At most 100,000 rows and 10 MB.
 */
export const NUMBERING_CSV_REQUIRED_COLUMNS = [
  "npa",
  "nxx",
  "rate_center",
  "state",
  "lata",
  "time_zone",
  "carrier_name",
  "carrier_spid",
  "carrier_type",
  "on_net",
  "partner_supported",
] as const;
export const NUMBERING_CSV_OPTIONAL_COLUMNS = ["requires_account_number", "requires_pin", "min_business_days"] as const;
type Column = (typeof NUMBERING_CSV_REQUIRED_COLUMNS)[number] | (typeof NUMBERING_CSV_OPTIONAL_COLUMNS)[number];

export const NUMBERING_CSV_MAX_ROWS = 100_000;
export const NUMBERING_CSV_MAX_BYTES = 10 * 1024 * 1024;

export interface ImportIssue {
  /** A CSV column, or `file` for a problem with the file as a whole. */
  field: string;
  code: string;
  message: string;
}

export interface NumberingImportRow {
  row: number;
  npa: string;
  nxx: string;
  rateCenter: string;
  state: string;
  lata: string;
  timeZone: string;
  carrierName: string;
  carrierSpid: string;
  carrierType: CarrierTypeValue;
  onNet: boolean;
  partnerSupported: boolean;
  requiresAccountNumber: boolean | null;
  requiresPin: boolean | null;
  minBusinessDays: number | null;
}

export interface RowCheck {
  row: number;
  /** Present when the row's own fields are valid (cross-row problems may still be listed in `issues`). */
  value: NumberingImportRow | null;
  issues: ImportIssue[];
}

export interface CsvCheck {
  fileIssues: ImportIssue[];
  rows: RowCheck[];
}

const CARRIER_TYPES: readonly CarrierTypeValue[] = ["WIRELINE", "WIRELESS", "VOIP"];
const STATES: ReadonlySet<string> = new Set(US_STATES);
const TRUE_WORDS = new Set(["true", "yes", "y", "1"]);
const FALSE_WORDS = new Set(["false", "no", "n", "0"]);
let timeZones: ReadonlySet<string> | null = null;

function isTimeZone(zone: string): boolean {
  if (timeZones === null) {
    timeZones = new Set(Intl.supportedValuesOf("timeZone"));
  }
  return timeZones.has(zone);
}

function normalizeHeader(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

const NPA_CODES = new Set(["NPA_FIRST_DIGIT", "NPA_N11", "NPA_N9X_RESERVED", "NPA_37X_96X_RESERVED"]);
const NPA_CODES_NOT_GEOGRAPHIC = new Set(["TOLL_FREE", "NON_GEOGRAPHIC_NPA"]);

/** Checks one record's fields; returns the typed row when every field is valid. */
function checkRecord(row: number, get: (column: Column) => string, issues: ImportIssue[]): NumberingImportRow | null {
  const add = (field: string, code: string, message: string) => {
    issues.push({ field, code, message });
  };
  const text = (column: Column, max: number, label: string): string => {
    const value = get(column).trim();
    if (value === "") {
      add(column, "REQUIRED", `${label} is required.`);
    } else if (value.length > max) {
      add(column, "TOO_LONG", `${label} has at most ${max} characters; this has ${value.length}.`);
    }
    return value;
  };
  const bool = (column: Column, required: boolean): boolean | null => {
    const value = get(column).trim().toLowerCase();
    if (value === "" && !required) {
      return null;
    }
    if (TRUE_WORDS.has(value)) {
      return true;
    }
    if (FALSE_WORDS.has(value)) {
      return false;
    }
    add(column, value === "" ? "REQUIRED" : "INVALID_BOOLEAN", `Enter true or false (got "${get(column).trim()}").`);
    return null;
  };
  const npa = get("npa").trim();
  const nxx = get("nxx").trim();
  const npaFormat = /^\d{3}$/.test(npa);
  const nxxFormat = /^\d{3}$/.test(nxx);
  if (!npaFormat) {
    add("npa", "INVALID_FORMAT", `The NPA (area code) is 3 digits (got "${npa}").`);
  }
  if (!nxxFormat) {
    add("nxx", "INVALID_FORMAT", `The NXX (exchange) is 3 digits (got "${nxx}").`);
  }
  if (npaFormat && nxxFormat) {
    const code = checkExchange(Number(npa), Number(nxx));
    if (code !== null) {
      const field = NPA_CODES.has(code) || NPA_CODES_NOT_GEOGRAPHIC.has(code) ? "npa" : "nxx";
      const message = NPA_CODES_NOT_GEOGRAPHIC.has(code)
        ? `NPA ${npa} is not a geographic area code and has no blocks in the numbering plan.`
        : TN_MESSAGES[code];
      add(field, code, message);
    }
  }
  const rateCenter = text("rate_center", 50, "The rate center");
  const state = get("state").trim().toUpperCase();
  if (!STATES.has(state)) {
    add("state", "INVALID_STATE", `Enter a 2-letter US state code such as NY (got "${get("state").trim()}").`);
  }
  const lata = get("lata").trim();
  if (!/^\d{3}$/.test(lata)) {
    add("lata", "INVALID_LATA", `The LATA is 3 digits (got "${lata}").`);
  }
  const timeZone = get("time_zone").trim();
  if (!isTimeZone(timeZone)) {
    add("time_zone", "INVALID_TIME_ZONE", `Enter an IANA time zone such as America/Chicago (got "${timeZone}").`);
  }
  const carrierName = text("carrier_name", 100, "The carrier name");
  const carrierSpid = get("carrier_spid").trim().toUpperCase();
  if (!/^[0-9A-Z]{4}$/.test(carrierSpid)) {
    add("carrier_spid", "INVALID_SPID", `The SPID is 4 letters or digits (got "${get("carrier_spid").trim()}").`);
  }
  const type = get("carrier_type").trim().toUpperCase();
  const carrierType = CARRIER_TYPES.find((t) => t === type);
  if (carrierType === undefined) {
    add("carrier_type", "INVALID_CARRIER_TYPE", `The carrier type is WIRELINE, WIRELESS or VOIP (got "${type}").`);
  }
  const onNet = bool("on_net", true);
  const partnerSupported = bool("partner_supported", true);
  const requiresAccountNumber = bool("requires_account_number", false);
  const requiresPin = bool("requires_pin", false);
  const days = get("min_business_days").trim();
  let minBusinessDays: number | null = null;
  if (days !== "") {
    minBusinessDays = /^\d{1,2}$/.test(days) ? Number(days) : -1;
    if (minBusinessDays < 0 || minBusinessDays > 30) {
      add("min_business_days", "INVALID_NUMBER", `Enter a whole number of business days, 0 to 30 (got "${days}").`);
    }
  }
  if (issues.length > 0 || carrierType === undefined || onNet === null || partnerSupported === null) {
    return null;
  }
  return {
    row,
    npa,
    nxx,
    rateCenter,
    state,
    lata,
    timeZone,
    carrierName,
    carrierSpid,
    carrierType,
    onNet,
    partnerSupported,
    requiresAccountNumber,
    requiresPin,
    minBusinessDays,
  };
}

/** Problems between rows: a block twice, one SPID with two names or types, one rate center described two ways. */
function checkAcrossRows(rows: RowCheck[]): void {
  const blocks = new Map<string, number>();
  const carriers = new Map<string, NumberingImportRow>();
  const centers = new Map<string, NumberingImportRow>();
  for (const check of rows) {
    const r = check.value;
    if (r === null) {
      continue;
    }
    const add = (field: string, code: string, message: string) => check.issues.push({ field, code, message });
    const firstBlock = blocks.get(r.npa + r.nxx);
    if (firstBlock === undefined) {
      blocks.set(r.npa + r.nxx, r.row);
    } else {
      add("nxx", "DUPLICATE_BLOCK", `Block ${r.npa}-${r.nxx} is already on row ${firstBlock}; list each block once.`);
    }
    const carrier = carriers.get(r.carrierSpid);
    if (carrier === undefined) {
      carriers.set(r.carrierSpid, r);
    } else {
      const clash = (field: string, label: string, a: unknown, b: unknown) => {
        if (a !== null && b !== null && a !== b) {
          add(
            field,
            "CONFLICTING_CARRIER",
            `SPID ${r.carrierSpid} has ${label} "${String(b)}" on row ${carrier.row}; one SPID is one carrier.`,
          );
        }
      };
      clash("carrier_name", "the name", r.carrierName, carrier.carrierName);
      clash("carrier_type", "the type", r.carrierType, carrier.carrierType);
      clash(
        "requires_account_number",
        "requires_account_number",
        r.requiresAccountNumber,
        carrier.requiresAccountNumber,
      );
      clash("requires_pin", "requires_pin", r.requiresPin, carrier.requiresPin);
      clash("min_business_days", "min_business_days", r.minBusinessDays, carrier.minBusinessDays);
    }
    const centerKey = `${r.state}\u0000${r.rateCenter}`;
    const center = centers.get(centerKey);
    if (center === undefined) {
      centers.set(centerKey, r);
    } else {
      const where = `Rate center ${r.rateCenter}, ${r.state} is described differently on row ${center.row}`;
      if (center.lata !== r.lata) {
        add("lata", "CONFLICTING_RATE_CENTER", `${where} (LATA ${center.lata}).`);
      }
      if (center.onNet !== r.onNet) {
        add("on_net", "CONFLICTING_RATE_CENTER", `${where} (on_net ${center.onNet}).`);
      }
      if (center.partnerSupported !== r.partnerSupported) {
        add("partner_supported", "CONFLICTING_RATE_CENTER", `${where} (partner_supported ${center.partnerSupported}).`);
      }
    }
  }
}

/** Parses and validates the whole file, every row, every field. Reads nothing from the database. */
export function checkNumberingCsv(csvText: string): CsvCheck {
  const fileIssue = (code: string, message: string): CsvCheck => ({
    fileIssues: [{ field: "file", code, message }],
    rows: [],
  });
  const bytes = Buffer.byteLength(csvText, "utf8");
  if (bytes > NUMBERING_CSV_MAX_BYTES) {
    return fileIssue("FILE_TOO_LARGE", `The file has ${(bytes / 1048576).toFixed(1)} MB; the limit is 10 MB.`);
  }
  const parsed = parseCsv(csvText, NUMBERING_CSV_MAX_ROWS + 1);
  if (!parsed.ok) {
    return fileIssue("UNCLOSED_QUOTE", parsed.message);
  }
  const [header, ...records] = parsed.records;
  if (header === undefined) {
    return fileIssue("EMPTY_FILE", "The file is empty; it needs a header row and at least one block.");
  }
  if (records.length > NUMBERING_CSV_MAX_ROWS) {
    return fileIssue("TOO_MANY_ROWS", `A file holds at most ${NUMBERING_CSV_MAX_ROWS.toLocaleString("en-US")} rows.`);
  }
  const known: readonly string[] = [...NUMBERING_CSV_REQUIRED_COLUMNS, ...NUMBERING_CSV_OPTIONAL_COLUMNS];
  const names = header.fields.map(normalizeHeader);
  const fileIssues: ImportIssue[] = [];
  names.forEach((name, index) => {
    if (!known.includes(name)) {
      fileIssues.push({ field: name, code: "UNKNOWN_COLUMN", message: `Column ${index + 1} "${name}" is not known.` });
    } else if (names.indexOf(name) !== index) {
      fileIssues.push({ field: name, code: "DUPLICATE_COLUMN", message: `Column "${name}" appears twice.` });
    }
  });
  for (const column of NUMBERING_CSV_REQUIRED_COLUMNS) {
    if (!names.includes(column)) {
      fileIssues.push({ field: column, code: "MISSING_COLUMN", message: `The header has no "${column}" column.` });
    }
  }
  if (records.length === 0) {
    fileIssues.push({ field: "file", code: "NO_ROWS", message: "The file has a header but no blocks." });
  }
  if (fileIssues.length > 0) {
    return { fileIssues, rows: [] };
  }
  const indexOf = new Map(names.map((name, index) => [name, index]));
  const rows = records.map((record): RowCheck => {
    const issues: ImportIssue[] = [];
    if (record.fields.length !== names.length) {
      issues.push({
        field: "row",
        code: "WRONG_FIELD_COUNT",
        message: `The row has ${record.fields.length} fields; the header has ${names.length}.`,
      });
      return { row: record.line, value: null, issues };
    }
    const get = (column: Column) => {
      const index = indexOf.get(column);
      return index === undefined ? "" : (record.fields[index] ?? "");
    };
    return { row: record.line, value: checkRecord(record.line, get, issues), issues };
  });
  checkAcrossRows(rows);
  return { fileIssues: [], rows };
}
