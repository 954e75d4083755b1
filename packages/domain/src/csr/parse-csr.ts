import { parseTn, parseTns } from "../tns/parse-tns";

export type CsrAddressField = "houseNumber" | "street" | "unit" | "city" | "state" | "zip";
/** The service address as the CSR gives it (values as written, not validated). */
export type CsrAddress = Partial<Record<CsrAddressField, string>>;

/** A CSR as fields; what the text did not say is null (or an empty TN list). */
export interface ParsedCsr {
  name: string | null;
  serviceAddress: CsrAddress | null;
  btn: string | null;
  accountNumber: string | null;
  /** The TNs on the account, E.164. */
  tns: string[];
  /** Lines the parser did not understand, kept for the reader. */
  unparsed: string[];
}

type CsrField = "name" | "address" | "cityStateZip" | "btn" | "accountNumber" | "tns" | CsrAddressField;

/** Accepted labels (case and punctuation ignored), before a `:` or `=`. */
export const CSR_LABELS: Readonly<Record<string, CsrField>> = {
  NAME: "name",
  ACCOUNT_NAME: "name",
  CUSTOMER_NAME: "name",
  BUSINESS_NAME: "name",
  END_USER_NAME: "name",
  EU_NAME: "name",
  SUBSCRIBER_NAME: "name",
  LISTED_NAME: "name",
  BILLING_NAME: "name",
  SERVICE_ADDRESS: "address",
  SVC_ADDRESS: "address",
  SA: "address",
  ADDRESS: "address",
  HOUSE_NUMBER: "houseNumber",
  SANO: "houseNumber",
  STREET: "street",
  SASN: "street",
  UNIT: "unit",
  SUITE: "unit",
  CITY: "city",
  STATE: "state",
  ZIP: "zip",
  ZIP_CODE: "zip",
  CITY_STATE_ZIP: "cityStateZip",
  CITY_ST_ZIP: "cityStateZip",
  BTN: "btn",
  ATN: "btn",
  BILLING_TELEPHONE_NUMBER: "btn",
  BILLING_TN: "btn",
  MAIN_NUMBER: "btn",
  ACCOUNT_NUMBER: "accountNumber",
  ACCOUNT_NO: "accountNumber",
  ACCOUNT: "accountNumber",
  ACCT: "accountNumber",
  ACCT_NO: "accountNumber",
  AN: "accountNumber",
  BAN: "accountNumber",
  TNS: "tns",
  TN: "tns",
  WTN: "tns",
  WTNS: "tns",
  WORKING_TNS: "tns",
  WORKING_TELEPHONE_NUMBERS: "tns",
  TELEPHONE_NUMBERS: "tns",
  NUMBERS: "tns",
  LINES: "tns",
};

const LABEL_LINE = /^\s*([A-Za-z][A-Za-z .#/_-]{0,40}?)\s*[:=]\s*(.*)$/;
const UNIT_SUFFIX = /\s+((?:APT|APARTMENT|STE|SUITE|UNIT|FL|FLOOR|RM|ROOM|BLDG|#)\.?\s*[\w-]+)$/i;
const STATE_ZIP = /^([A-Za-z]{2})\s+(\d{5}(?:-\d{4})?)$/;
const CITY_STATE_ZIP = /^(.+?),?\s+([A-Za-z]{2})\s+(\d{5}(?:-\d{4})?)$/;
/** A value that says there is none (`ACCOUNT NUMBER: NONE ON FILE`). */
const NONE_VALUE = /^(NONE(\s+ON\s+FILE)?|N\/?A|-+)$/i;
/** The count a TN-list header may carry (`WORKING TELEPHONE NUMBERS: 3`), then one TN per line. */
const TN_COUNT = /^\d{1,5}$/;
const HOUSE_AND_STREET = /^(\d+[A-Za-z]?(?:-\d+[A-Za-z]?)?(?:\s+\d\/\d)?)\s+(.+)$/;

function labelKey(label: string): string {
  return label
    .toUpperCase()
    .replace(/#/g, " NO")
    .replace(/[^A-Z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

/** Splits `123 N Main St Ste 4, Springfield, IL 62701` into address fields. */
export function parseAddressLine(line: string): CsrAddress {
  const parts = line
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  const out: CsrAddress = {};
  const last = parts[parts.length - 1];
  const stateZip = last === undefined ? null : STATE_ZIP.exec(last);
  if (stateZip !== null && parts.length >= 3) {
    out.state = (stateZip[1] ?? "").toUpperCase();
    out.zip = stateZip[2] ?? "";
    out.city = parts[parts.length - 2] ?? "";
    if (parts.length >= 4) {
      out.unit = parts.slice(1, parts.length - 2).join(", ");
    }
  }
  let street = parts[0] ?? "";
  const unit = UNIT_SUFFIX.exec(street);
  if (unit !== null && out.unit === undefined) {
    out.unit = unit[1] ?? "";
    street = street.slice(0, unit.index);
  }
  const houseStreet = HOUSE_AND_STREET.exec(street);
  if (houseStreet !== null) {
    out.houseNumber = houseStreet[1] ?? "";
    out.street = houseStreet[2] ?? "";
  } else if (street.length > 0) {
    out.street = street;
  }
  return out;
}

/** `Springfield, IL 62701` (a CSR's city, state and ZIP on one line). */
function parseCityStateZip(value: string): CsrAddress {
  const match = CITY_STATE_ZIP.exec(value.trim());
  if (match === null) {
    return { city: value.trim() };
  }
  return { city: (match[1] ?? "").trim(), state: (match[2] ?? "").toUpperCase(), zip: match[3] ?? "" };
}

/** The TN a line of a TN list starts with (`201-555-7001  BTN  1FB`: the TN, then its role and features). */
function leadingTn(line: string): string | null {
  const whole = parseTns(line);
  if (whole.errors.length === 0 && whole.tns.length > 0) {
    return line;
  }
  const first = line.split(/\s{2,}|\t/)[0] ?? "";
  const tn = parseTn(first);
  return tn.ok ? tn.tn : null;
}

/**
 * Parses the CSR that arrives as an order note or as the partner's raw text (SPEC 9): `Label: value` lines for name,
 * service address (one line, its parts, or a `CITY/STATE/ZIP` line), BTN, account number (`NONE ON FILE` is none)
 * and the TNs on the account, which may continue on the following lines, one TN per line with its role and
 * features after it (the partner's `WORKING TELEPHONE NUMBERS: 3` layout).
 */
export function parseCsr(text: string): ParsedCsr {
  const csr: ParsedCsr = { name: null, serviceAddress: null, btn: null, accountNumber: null, tns: [], unparsed: [] };
  const tnTexts: string[] = [];
  let inTns = false;
  const setAddress = (patch: CsrAddress) => {
    csr.serviceAddress = { ...csr.serviceAddress, ...patch };
  };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.length === 0) {
      continue;
    }
    const match = LABEL_LINE.exec(line);
    const field = match === null ? undefined : CSR_LABELS[labelKey(match[1] ?? "")];
    const value = (match?.[2] ?? "").trim();
    if (field === undefined) {
      const tn = inTns && match === null ? leadingTn(line) : null;
      if (tn !== null) {
        tnTexts.push(tn);
      } else {
        inTns = false;
        csr.unparsed.push(line);
      }
      continue;
    }
    inTns = field === "tns";
    if (field === "name") {
      csr.name = value;
    } else if (field === "address") {
      setAddress(parseAddressLine(value));
    } else if (field === "cityStateZip") {
      setAddress(parseCityStateZip(value));
    } else if (field === "btn") {
      const btn = parseTn(value);
      csr.btn = btn.ok ? btn.tn : null;
    } else if (field === "accountNumber") {
      csr.accountNumber = NONE_VALUE.test(value) ? null : value;
    } else if (field === "tns") {
      if (!TN_COUNT.test(value)) {
        tnTexts.push(value);
      }
    } else if (field === "state") {
      setAddress({ state: value.toUpperCase() });
    } else {
      setAddress({ [field]: value });
    }
  }
  csr.tns = parseTns(tnTexts).tns;
  return csr;
}
