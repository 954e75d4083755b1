import type { Issue } from "../issue";
import {
  createState as createStateImpl,
  finishToken as finishTokenImpl,
  resetState as resetStateImpl,
  type Sink,
  type TokenState,
} from "./finish-token";
import { createNumberSet } from "./number-set";
import { MAX_TNS_PER_INPUT } from "./tn-rules";

/**
 * The telephone-number parser of SPEC 3, written as a single-pass character scanner: the input is walked once,
 * tokens are recognised and parsed in the same pass, numbers are kept as integers and only the accepted ones
 * become strings. No regular expressions or splitting in the hot path (see BENCHMARKS.md).
 */

export interface ParseTnsOptions {
  /** Largest range accepted, checked before expansion. Default 10,000. */
  maxRangeSize?: number;
  /**
   * Most numbers one input may hold once its ranges are expanded, checked before each range is expanded (a few
   * bytes of ranges would otherwise become millions of numbers). Default MAX_TNS_PER_INPUT.
   */
  maxTotalTns?: number;
}

export interface ParsedTns {
  /** Unique E.164 numbers in first-seen order. */
  tns: string[];
  errors: Issue[];
  warnings: Issue[];
}

export const DEFAULT_MAX_RANGE_SIZE = 10_000;

// Module-local aliases: some loaders compile imports to getters, which would sit in the hot path.
const createState = createStateImpl;
const finishToken = finishTokenImpl;
const resetState = resetStateImpl;

const SPACE = 32;
const NBSP = 160;
const DASH = 45;
const PLUS = 43;
const HASH = 35;

function isHardSeparator(c: number): boolean {
  return c === 10 || c === 13 || c === 44 || c === 59 || c === 9 || c === 11 || c === 12;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function targetDigits(st: TokenState): number {
  if (st.plus && st.first !== 1 && st.nd > 0) {
    return 15;
  }
  return st.plus || st.first === 1 ? 11 : 10;
}

function countWordDigits(s: string, k: number): number {
  let digits = 0;
  for (let i = k; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === SPACE || c === NBSP || isHardSeparator(c)) {
      break;
    }
    if (c >= 48 && c <= 57) {
      digits++;
    }
  }
  return digits;
}

/**
 * Spaces separate numbers and also sit inside them (`+1 202 555 0123`, `(312) 286-4000 6172531000`). At a space
 * before character `k`, decides whether the current token is complete.
 */
function splitsAtSpace(s: string, k: number, lastSig: number, st: TokenState): boolean {
  const c = s.charCodeAt(k);
  if (lastSig === DASH || c === DASH) {
    return false;
  }
  if (st.inRange) {
    return st.endNd === 4 || st.endNd >= 10;
  }
  if (st.letter) {
    return !st.ext || st.digitsSinceLetter > 0;
  }
  if (isLetter(c) || c === HASH) {
    return st.nd === 0;
  }
  if (st.nd >= targetDigits(st) || c === PLUS) {
    return true;
  }
  if ((st.plus && st.nd <= 3) || (st.nd === 1 && st.first === 1)) {
    // A country code or the trunk prefix 1: the national number follows.
    return false;
  }
  if (c === 40 && st.nd > 0 && !(st.nd === 1 && st.first === 1)) {
    return true;
  }
  const next = countWordDigits(s, k);
  // The next word is a number on its own, or it would overshoot this one while the words from it make a number.
  return next >= 10 || (st.nd + next > targetDigits(st) && startsNumberAhead(s, k));
}

/** True when the space-separated words from `k` (up to a hard separator) add up to exactly one complete number. */
function startsNumberAhead(s: string, k: number): boolean {
  let digits = 0;
  let first = -1;
  let i = k;
  while (i < s.length && digits <= 11) {
    const c = s.charCodeAt(i);
    if (isHardSeparator(c)) {
      break;
    }
    if (c >= 48 && c <= 57) {
      first = digits === 0 ? c - 48 : first;
      digits++;
    } else if (c === SPACE || c === NBSP) {
      if (digits === 10 || (digits === 11 && first === 1)) {
        return true;
      }
    } else if (c === PLUS || isLetter(c) || c === HASH) {
      return false;
    }
    i++;
  }
  return digits === 10 || (digits === 11 && first === 1);
}

function readChar(s: string, j: number, c: number, st: TokenState, tokenStart: number): void {
  if (c === PLUS) {
    if (j === tokenStart) {
      st.plus = true;
    } else {
      st.bad = true;
    }
  } else if (isLetter(c) || c === HASH) {
    if (!st.letter && st.nd >= 10) {
      const next = s.charCodeAt(j + 1) | 32;
      const lower = c | 32;
      st.ext = c === HASH || lower === 120 || (lower === 101 && next === 120);
    }
    if (c === HASH && !st.ext) {
      st.bad = true;
    } else {
      st.letter = true;
    }
  } else {
    st.bad = true;
  }
}

function scanText(s: string, sink: Sink, st: TokenState): void {
  const n = s.length;
  let i = 0;
  while (i < n) {
    const c0 = s.charCodeAt(i);
    if (c0 === SPACE || c0 === NBSP || isHardSeparator(c0)) {
      i++;
      continue;
    }
    const start = i;
    let last = i;
    resetState(st);
    // The digit loop keeps its state in locals; `st` is synchronised only around the rarer characters.
    let nd = 0;
    let value = 0;
    let endNd = 0;
    let end = 0;
    let j = i;
    while (j < n) {
      const c = s.charCodeAt(j);
      if (c >= 48 && c <= 57) {
        if (st.inRange) {
          if (endNd === 0) {
            st.endFirst = c - 48;
          }
          if (endNd < 15) {
            end = end * 10 + c - 48;
          }
          endNd++;
        } else {
          if (nd === 0) {
            st.first = c - 48;
          }
          if (nd < 15) {
            value = value * 10 + c - 48;
          }
          nd++;
        }
        if (st.letter) {
          st.digitsSinceLetter++;
        }
        last = j;
        j++;
        continue;
      }
      if (c === 46 || c === 40 || c === 41 || c === 47) {
        last = j;
        j++;
        continue;
      }
      st.nd = nd;
      st.endNd = endNd;
      if (c === DASH) {
        // 10 digits (an NPA starting with 1 too, so that the range reports its NPA) or 1 + 10 digits.
        if (!st.inRange && !st.letter && (nd === 10 || (nd === 11 && st.first === 1))) {
          st.inRange = true;
        }
        last = j;
        j++;
        continue;
      }
      if (c === SPACE || c === NBSP) {
        let k = j + 1;
        while (k < n && (s.charCodeAt(k) === SPACE || s.charCodeAt(k) === NBSP)) {
          k++;
        }
        j = k;
        if (k >= n || isHardSeparator(s.charCodeAt(k)) || splitsAtSpace(s, k, s.charCodeAt(last), st)) {
          break;
        }
        continue;
      }
      if (isHardSeparator(c)) {
        break;
      }
      readChar(s, j, c, st, start);
      last = j;
      j++;
    }
    st.nd = nd;
    st.value = value;
    st.endNd = endNd;
    st.end = end;
    finishToken(s, start, last + 1, st, sink);
    i = j;
  }
}

/**
 * Parses every accepted format of SPEC 3: one number per line or separated by commas, semicolons, tabs or spaces;
 * ranges in long and short form. Returns unique E.164 numbers in first-seen order, with an error per invalid
 * token and warnings (duplicates, 555, 976).
 */
export function parseTns(input: string | readonly string[], options?: ParseTnsOptions): ParsedTns {
  const sink: Sink = {
    tns: [],
    errors: [],
    warnings: [],
    seen: createNumberSet(typeof input === "string" ? input.length / 12 : input.length),
    maxRangeSize: options?.maxRangeSize ?? DEFAULT_MAX_RANGE_SIZE,
    maxTotalTns: options?.maxTotalTns ?? MAX_TNS_PER_INPUT,
  };
  const st = createState();
  if (typeof input === "string") {
    scanText(input, sink, st);
  } else {
    for (const text of input) {
      scanText(text, sink, st);
    }
  }
  return { tns: sink.tns, errors: sink.errors, warnings: sink.warnings };
}

export type ParsedTn = { ok: true; tn: string; warnings: Issue[] } | { ok: false; error: Issue };

/** Parses exactly one number (no ranges, no lists). */
export function parseTn(input: string): ParsedTn {
  const result = parseTns(input, { maxRangeSize: 1 });
  const error = result.errors[0];
  if (error !== undefined) {
    return { ok: false, error };
  }
  const tn = result.tns[0];
  if (tn === undefined || result.tns.length > 1) {
    return { ok: false, error: { input, code: "INVALID_LENGTH", message: "Enter exactly one telephone number." } };
  }
  return { ok: true, tn, warnings: result.warnings };
}

/** True when the string is a canonical E.164 NANP number that passes every rule of SPEC 3. */
export function isValidTn(tn: string): boolean {
  if (tn.length !== 12 || !tn.startsWith("+1")) {
    return false;
  }
  const result = parseTn(tn);
  return result.ok && result.tn === tn;
}
