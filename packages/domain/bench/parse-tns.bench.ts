/**
 * Benchmark (not a test): parseTns against libphonenumber-js (parsePhoneNumberFromString + isValid) on the same
 * 1,000,000 mixed-format inputs, in the same process, several rounds; prints the median rates and their ratio.
 * Run: pnpm --filter @portway/domain bench   (ROUNDS=5 INPUTS=1000000 by default)
 */
import { parsePhoneNumberFromString } from "libphonenumber-js";
import { parseTns } from "../src/index";
import { createRandom, flatten, TN_FORMATS } from "../test/tn-generators";

const INPUTS = Number(process.env.INPUTS ?? 1_000_000);
const ROUNDS = Number(process.env.ROUNDS ?? 5);

/** Realistic paste: plausible US numbers (a few invalid ones) in every accepted format, as flat strings. */
function generateInputs(count: number): string[] {
  const random = createRandom(42);
  const inputs: string[] = [];
  for (let i = 0; i < count; i++) {
    const npa = 201 + Math.floor(random() * 780);
    const nxx = 201 + Math.floor(random() * 780);
    const line = String(Math.floor(random() * 10_000)).padStart(4, "0");
    const format = TN_FORMATS[i % TN_FORMATS.length] ?? ((d: string) => d);
    inputs.push(flatten(format(`${npa}${nxx}${line}`)));
  }
  return inputs;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function timeRate(run: () => number): { rate: number; accepted: number } {
  const start = performance.now();
  const accepted = run();
  const seconds = (performance.now() - start) / 1000;
  return { rate: INPUTS / seconds, accepted };
}

const inputs = generateInputs(INPUTS);
const runOurs = () => parseTns(inputs).tns.length;
const runTheirs = () => {
  let valid = 0;
  for (const input of inputs) {
    if (parsePhoneNumberFromString(input, "US")?.isValid() === true) {
      valid++;
    }
  }
  return valid;
};

// Warm both up on a slice, so that neither pays the JIT in the first measured round.
parseTns(inputs.slice(0, 50_000));
for (const input of inputs.slice(0, 20_000)) {
  parsePhoneNumberFromString(input, "US")?.isValid();
}

const ours: number[] = [];
const theirs: number[] = [];
let acceptedOurs = 0;
let acceptedTheirs = 0;
for (let round = 1; round <= ROUNDS; round++) {
  const a = timeRate(runOurs);
  const b = timeRate(runTheirs);
  ours.push(a.rate);
  theirs.push(b.rate);
  acceptedOurs = a.accepted;
  acceptedTheirs = b.accepted;
  console.log(
    `round ${round}: parseTns ${Math.round(a.rate).toLocaleString("en-US")}/s, libphonenumber-js ${Math.round(b.rate).toLocaleString("en-US")}/s`,
  );
}
const medianOurs = median(ours);
const medianTheirs = median(theirs);
console.log(`inputs: ${INPUTS.toLocaleString("en-US")} mixed-format (${TN_FORMATS.length} formats), rounds: ${ROUNDS}`);
console.log(
  `accepted: parseTns ${acceptedOurs.toLocaleString("en-US")}, libphonenumber-js ${acceptedTheirs.toLocaleString("en-US")}`,
);
console.log(`median parseTns:          ${Math.round(medianOurs).toLocaleString("en-US")} inputs/s`);
console.log(`median libphonenumber-js: ${Math.round(medianTheirs).toLocaleString("en-US")} inputs/s`);
console.log(`ratio: ${(medianOurs / medianTheirs).toFixed(1)}x (goal: at least 50x)`);
console.log(`node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
