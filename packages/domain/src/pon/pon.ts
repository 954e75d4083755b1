import type { Issue } from "../issue";
import type { PortType } from "../port-type/port-type";
import { isCivilDate } from "../schedule/civil-date";

/**
 * PON formats (at most 16 alphanumeric characters, as LSR PONs are):
 * - AUTOMATED: the partner's 9-digit parent order ID, as given (SPEC 5).
 * - ON_NET: `PWN` + the submission date `YYMMDD` + a 6-digit daily sequence, e.g. `PWN250315000042`.
 * - PROJECT: the partner's 9-digit parent order ID when the porting team placed the port with the partner (the seed:
 *   that ID is the PON), else ours: `PWP` + `YYMMDD` + a 6-digit daily sequence.
 */
export const PON_FORMATS: Readonly<Record<PortType, { pattern: RegExp; description: string }>> = {
  AUTOMATED: { pattern: /^\d{9}$/, description: "the partner's 9-digit parent order ID" },
  ON_NET: {
    pattern: /^PWN\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{6}$/,
    description: "PWN, YYMMDD and a 6-digit sequence",
  },
  PROJECT: {
    pattern: /^(\d{9}|PWP\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{6})$/,
    description: "the partner's 9-digit parent order ID, or PWP, YYMMDD and a 6-digit sequence",
  },
};

const PREFIXES: Readonly<Record<"ON_NET" | "PROJECT", string>> = { ON_NET: "PWN", PROJECT: "PWP" };
export const MAX_PON_SEQUENCE = 999_999;

/**
 * A PON as typed or pasted, in the form it is stored: trimmed, upper case; an ID of digits written with spaces or
 * dashes (`412 345 678`, `412-345-678`) as its digits.
 */
export function normalizePon(pon: string): string {
  const trimmed = pon.trim().toUpperCase();
  return /^[\d\s-]+$/.test(trimmed) ? trimmed.replace(/\D/g, "") : trimmed;
}

/** Null when the PON has the format of its port type, else the problem. */
export function validatePon(portType: PortType, pon: string): Issue | null {
  const format = PON_FORMATS[portType];
  if (format.pattern.test(pon)) {
    return null;
  }
  return { input: pon, code: "INVALID_PON", message: `A ${portType} PON is ${format.description}.` };
}

/** Our PON for an ON_NET or PROJECT order, from the submission's ET date and a daily sequence number. */
export function createPon(input: {
  portType: "ON_NET" | "PROJECT";
  date: string;
  sequence: number;
}): { ok: true; pon: string } | { ok: false; error: Issue } {
  if (!isCivilDate(input.date)) {
    return { ok: false, error: { input: input.date, code: "INVALID_DATE", message: "Enter the date as YYYY-MM-DD." } };
  }
  if (!Number.isInteger(input.sequence) || input.sequence < 0 || input.sequence > MAX_PON_SEQUENCE) {
    return {
      ok: false,
      error: {
        input: String(input.sequence),
        code: "SEQUENCE_OUT_OF_RANGE",
        message: `The sequence must be 0 to ${MAX_PON_SEQUENCE}.`,
      },
    };
  }
  const yymmdd = input.date.slice(2, 4) + input.date.slice(5, 7) + input.date.slice(8, 10);
  return { ok: true, pon: `${PREFIXES[input.portType]}${yymmdd}${String(input.sequence).padStart(6, "0")}` };
}
