import type { Issue } from "../issue";
import type { NumberSet } from "./number-set";
import { addToNumberSet } from "./number-set";
import {
  checkExchange as checkExchangeRule,
  checkWarning as checkWarningRule,
  isFictional as isFictionalRule,
  TN_MESSAGES,
  type TnErrorCode,
  type TnWarningCode,
} from "./tn-rules";

/** What a token turns into once the scanner has read it: a number, a range, an error or a warning. */

// Module-local aliases: some loaders compile imports to getters, which would sit in the hot path.
const checkExchange = checkExchangeRule;
const checkWarning = checkWarningRule;
const isFictional = isFictionalRule;
const addToSet = addToNumberSet;

export interface Sink {
  tns: string[];
  errors: Issue[];
  warnings: Issue[];
  seen: NumberSet;
  maxRangeSize: number;
  maxTotalTns: number;
}

/** Scanner state of the token being read; one object per call, reset per token. */
export interface TokenState {
  plus: boolean;
  nd: number;
  first: number;
  value: number;
  inRange: boolean;
  endNd: number;
  endFirst: number;
  end: number;
  letter: boolean;
  ext: boolean;
  bad: boolean;
  digitsSinceLetter: number;
}

export function createState(): TokenState {
  return {
    plus: false,
    nd: 0,
    first: -1,
    value: 0,
    inRange: false,
    endNd: 0,
    endFirst: -1,
    end: 0,
    letter: false,
    ext: false,
    bad: false,
    digitsSinceLetter: 0,
  };
}

export function resetState(st: TokenState): void {
  st.plus = false;
  st.nd = 0;
  st.first = -1;
  st.value = 0;
  st.inRange = false;
  st.endNd = 0;
  st.endFirst = -1;
  st.end = 0;
  st.letter = false;
  st.ext = false;
  st.bad = false;
  st.digitsSinceLetter = 0;
}

/** Digits expected in a complete number, given how it starts. */
function fail(sink: Sink, input: string, code: TnErrorCode, message?: string): void {
  sink.errors.push({ input, code, message: message ?? TN_MESSAGES[code] });
}

function warn(sink: Sink, input: string, code: TnWarningCode, message?: string): void {
  sink.warnings.push({ input, code, message: message ?? TN_MESSAGES[code] });
}

/** The start number as 10 digits, or the error of its format. */
function readStart(st: TokenState): number | TnErrorCode {
  if (st.ext) {
    return "EXTENSION";
  }
  if (st.letter) {
    return "LETTERS";
  }
  if (st.bad) {
    return "INVALID_CHARACTER";
  }
  if (st.plus && st.nd > 0 && st.first !== 1) {
    return "NON_NANP_COUNTRY_CODE";
  }
  if (st.nd === 11 && st.first === 1) {
    return st.value - 1e10;
  }
  return st.nd === 10 && !st.plus ? st.value : "INVALID_LENGTH";
}

function readEnd(st: TokenState, start: number): number | null {
  if (st.endNd === 4) {
    return start - (start % 10_000) + st.end;
  }
  if (st.endNd === 10) {
    return st.end;
  }
  return st.endNd === 11 && st.endFirst === 1 ? st.end - 1e10 : null;
}

function addNumber(sink: Sink, v: number): boolean {
  if (!addToSet(sink.seen, v)) {
    return false;
  }
  sink.tns.push(`+1${v}`);
  return true;
}

export function finishToken(s: string, from: number, to: number, st: TokenState, sink: Sink): void {
  const start = readStart(st);
  if (typeof start === "string") {
    fail(sink, s.slice(from, to), start);
    return;
  }
  const nxx = Math.floor(start / 10_000) % 1000;
  if (!st.inRange) {
    const code = checkExchange(Math.floor(start / 10_000_000), nxx);
    if (code !== null || isFictional(nxx, start % 10_000)) {
      fail(sink, s.slice(from, to), code ?? "FICTIONAL_555_01XX");
      return;
    }
    const warning = checkWarning(nxx);
    if (warning !== null) {
      warn(sink, s.slice(from, to), warning);
    }
    if (!addNumber(sink, start)) {
      warn(sink, s.slice(from, to), "DUPLICATE");
    }
    return;
  }
  finishRange(s.slice(from, to), start, readEnd(st, start), sink);
}

function finishRange(input: string, start: number, end: number | null, sink: Sink): void {
  if (end === null) {
    fail(sink, input, "RANGE_END_INVALID");
    return;
  }
  if (Math.floor(end / 10_000) !== Math.floor(start / 10_000)) {
    fail(sink, input, "RANGE_NOT_SAME_EXCHANGE");
    return;
  }
  if (end < start) {
    fail(sink, input, "RANGE_REVERSED");
    return;
  }
  const count = end - start + 1;
  if (count > sink.maxRangeSize) {
    const message = `A range can hold at most ${sink.maxRangeSize.toLocaleString("en-US")} numbers; this one has ${count.toLocaleString("en-US")}.`;
    fail(sink, input, "RANGE_TOO_LARGE", message);
    return;
  }
  const nxx = Math.floor(start / 10_000) % 1000;
  const code = checkExchange(Math.floor(start / 10_000_000), nxx);
  if (code !== null) {
    fail(sink, input, code);
    return;
  }
  const total = sink.tns.length + count;
  if (total > sink.maxTotalTns) {
    const message = `The range ${input} holds ${count.toLocaleString("en-US")} numbers and would bring the input to ${total.toLocaleString("en-US")}; one input holds at most ${sink.maxTotalTns.toLocaleString("en-US")} numbers. Check the rest separately.`;
    fail(sink, input, "INPUT_TOO_LARGE", message);
    return;
  }
  let fictional = 0;
  let duplicates = 0;
  let added = 0;
  for (let v = start; v <= end; v++) {
    if (isFictional(nxx, v % 10_000)) {
      fictional++;
    } else if (addNumber(sink, v)) {
      added++;
    } else {
      duplicates++;
    }
  }
  if (fictional > 0) {
    const message =
      fictional === count
        ? TN_MESSAGES.FICTIONAL_555_01XX
        : `${fictional} numbers of this range are in 555-0100..0199, which is reserved for fictional use; they were left out.`;
    fail(sink, input, "FICTIONAL_555_01XX", message);
  }
  const warning = checkWarning(nxx);
  if (warning !== null && added + duplicates > 0) {
    warn(sink, input, warning);
  }
  if (duplicates > 0) {
    warn(sink, input, "DUPLICATE", `${duplicates} numbers of this range were entered more than once; counted once.`);
  }
}
