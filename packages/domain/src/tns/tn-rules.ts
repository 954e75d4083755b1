/**
 * NANP rules of SPEC 3, as lookup tables over the three-digit NPA and NXX so that the parser's hot path is two
 * array reads. The codes are a closed set; every invalid class has its own code.
 */

export const TN_ERROR_CODES = [
  "INVALID_CHARACTER",
  "LETTERS",
  "EXTENSION",
  "INVALID_LENGTH",
  "NON_NANP_COUNTRY_CODE",
  "NPA_FIRST_DIGIT",
  "NPA_N11",
  "NPA_N9X_RESERVED",
  "NPA_37X_96X_RESERVED",
  "TOLL_FREE",
  "NON_GEOGRAPHIC_NPA",
  "NXX_FIRST_DIGIT",
  "NXX_N11",
  "SERVICE_NXX",
  "FICTIONAL_555_01XX",
  "RANGE_END_INVALID",
  "RANGE_NOT_SAME_EXCHANGE",
  "RANGE_REVERSED",
  "RANGE_TOO_LARGE",
  "INPUT_TOO_LARGE",
] as const;
export type TnErrorCode = (typeof TN_ERROR_CODES)[number];

/**
 * Most numbers one input (a portability check, a paste in a form) holds once its ranges are expanded; the parser
 * refuses a range that would pass it before expanding it.
 */
export const MAX_TNS_PER_INPUT = 50_000;

export const TN_WARNING_CODES = ["DUPLICATE", "SUSPICIOUS_555", "PAY_PER_CALL_976"] as const;
export type TnWarningCode = (typeof TN_WARNING_CODES)[number];

export const TOLL_FREE_NPAS: readonly number[] = [800, 833, 844, 855, 866, 877, 888];
/** 500-series personal communications, 600 (Canadian services), 700 (interexchange), 710 (US government), 900. */
export const NON_GEOGRAPHIC_NPAS: readonly number[] = [
  500, 521, 522, 523, 524, 525, 526, 527, 528, 529, 533, 544, 566, 577, 588, 600, 700, 710, 900,
];
/** 950: Feature Group B carrier access; 958 and 959: plant test exchanges. */
export const SERVICE_NXXS: readonly number[] = [950, 958, 959];

export const TN_MESSAGES: Readonly<Record<TnErrorCode | TnWarningCode, string>> = {
  INVALID_CHARACTER: "Contains a character that is not part of a telephone number.",
  LETTERS: "Contains letters; enter the number with digits only.",
  EXTENSION: "Extensions cannot be ported; enter the number without the extension.",
  INVALID_LENGTH: "A US number has 10 digits (or 11 starting with 1).",
  NON_NANP_COUNTRY_CODE: "Only North American numbers (+1) can be ported.",
  NPA_FIRST_DIGIT: "The area code cannot start with 0 or 1.",
  NPA_N11: "N11 codes (211, 311, ... 911) are service codes, never area codes.",
  NPA_N9X_RESERVED: "Area codes with 9 as the second digit are reserved.",
  NPA_37X_96X_RESERVED: "Area codes 37X and 96X are reserved.",
  TOLL_FREE:
    "Toll-free numbers cannot be ported in a local port-in; they move by RespOrg change, which is not supported yet.",
  NON_GEOGRAPHIC_NPA: "Non-geographic area codes (500-series, 600, 700, 710, 900) cannot be ported in.",
  NXX_FIRST_DIGIT: "The exchange (digits 4-6) cannot start with 0 or 1.",
  NXX_N11: "N11 (211, 311, ... 911) cannot be an exchange.",
  SERVICE_NXX: "Exchanges 950, 958 and 959 are carrier-access and test codes, not subscriber numbers.",
  FICTIONAL_555_01XX: "555-0100 through 555-0199 are reserved for fictional use.",
  RANGE_END_INVALID: "The end of a range must be 4 digits or a full 10-digit number.",
  RANGE_NOT_SAME_EXCHANGE: "Both ends of a range must share the area code and exchange (NPA-NXX).",
  RANGE_REVERSED: "The start of a range must not be after its end.",
  RANGE_TOO_LARGE: "A range can hold at most 10,000 numbers.",
  INPUT_TOO_LARGE: `One input holds at most ${MAX_TNS_PER_INPUT.toLocaleString("en-US")} numbers once its ranges are expanded.`,
  DUPLICATE: "Entered more than once; counted once.",
  SUSPICIOUS_555: "555 numbers are rarely assigned; check that this number is really in service.",
  PAY_PER_CALL_976: "Exchange 976 was used for pay-per-call services; check that this number is really in service.",
};

function classifyNpa(npa: number): TnErrorCode | null {
  const a = Math.floor(npa / 100);
  const b = Math.floor(npa / 10) % 10;
  const c = npa % 10;
  if (a < 2) {
    return "NPA_FIRST_DIGIT";
  }
  if (b === 1 && c === 1) {
    return "NPA_N11";
  }
  if (b === 9) {
    return "NPA_N9X_RESERVED";
  }
  if ((a === 3 && b === 7) || (a === 9 && b === 6)) {
    return "NPA_37X_96X_RESERVED";
  }
  if (TOLL_FREE_NPAS.includes(npa)) {
    return "TOLL_FREE";
  }
  return NON_GEOGRAPHIC_NPAS.includes(npa) ? "NON_GEOGRAPHIC_NPA" : null;
}

function classifyNxx(nxx: number): TnErrorCode | null {
  if (nxx < 200) {
    return "NXX_FIRST_DIGIT";
  }
  if (nxx % 100 === 11) {
    return "NXX_N11";
  }
  return SERVICE_NXXS.includes(nxx) ? "SERVICE_NXX" : null;
}

/** The answer for every three-digit code, so that the parser's check is two array reads. */
const npaCodes: readonly (TnErrorCode | null)[] = Array.from({ length: 1000 }, (_, i) => classifyNpa(i));
const nxxCodes: readonly (TnErrorCode | null)[] = Array.from({ length: 1000 }, (_, i) => classifyNxx(i));

/** The first rule of SPEC 3 that the area code and exchange break, or null (both are 0-999). */
export function checkExchange(npa: number, nxx: number): TnErrorCode | null {
  return npaCodes[npa] ?? nxxCodes[nxx] ?? null;
}

export function isFictional(nxx: number, line: number): boolean {
  return nxx === 555 && line >= 100 && line <= 199;
}

export function checkWarning(nxx: number): TnWarningCode | null {
  if (nxx === 555) {
    return "SUSPICIOUS_555";
  }
  return nxx === 976 ? "PAY_PER_CALL_976" : null;
}

export type TnKind = "GEOGRAPHIC" | "TOLL_FREE" | "NON_GEOGRAPHIC" | "INVALID";

export interface TnClassification {
  kind: TnKind;
  npa: string;
  nxx: string;
  line: string;
  /** The SPEC 3 rule the number breaks, if any. */
  code: TnErrorCode | null;
}

/** Classifies a canonical number (`+1NPANXXXXXX` or 10 digits) by the rules of SPEC 3. */
export function classifyTn(tn: string): TnClassification {
  const digits = tn.startsWith("+1") ? tn.slice(2) : tn;
  if (!/^\d{10}$/.test(digits)) {
    return { kind: "INVALID", npa: "", nxx: "", line: "", code: "INVALID_LENGTH" };
  }
  const npa = Number(digits.slice(0, 3));
  const nxx = Number(digits.slice(3, 6));
  const line = Number(digits.slice(6));
  const exchangeCode = checkExchange(npa, nxx);
  const code = exchangeCode ?? (isFictional(nxx, line) ? "FICTIONAL_555_01XX" : null);
  let kind: TnKind = code === null ? "GEOGRAPHIC" : "INVALID";
  if (code === "TOLL_FREE") {
    kind = "TOLL_FREE";
  } else if (code === "NON_GEOGRAPHIC_NPA") {
    kind = "NON_GEOGRAPHIC";
  }
  return { kind, npa: digits.slice(0, 3), nxx: digits.slice(3, 6), line: digits.slice(6), code };
}
