/** Seeded generators shared by the parser's property, differential and benchmark code. */

export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every accepted way of writing one number (SPEC 3), from its 10 digits. */
export const TN_FORMATS: readonly ((d: string) => string)[] = [
  (d) => d,
  (d) => `(${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}`,
  (d) => `${d.slice(0, 3)}.${d.slice(3, 6)}.${d.slice(6)}`,
  (d) => `${d.slice(0, 3)}/${d.slice(3, 6)}-${d.slice(6)}`,
  (d) => `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`,
  (d) => `1-${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`,
  (d) => `1${d}`,
  (d) => `+1 ${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}`,
  (d) => `+1${d}`,
  (d) => `+1 (${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}`,
  (d) => `+1 ${d}`,
  (d) => `1 ${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}`,
  (d) => `1 ${d}`,
];

/** A 10-digit string: mostly plausible numbers, some anywhere in the digit space. */
export function randomDigits(random: () => number): string {
  if (random() < 0.7) {
    const npa = 200 + Math.floor(random() * 800);
    const nxx = 200 + Math.floor(random() * 800);
    const line = Math.floor(random() * 10_000);
    return `${npa}${nxx}${String(line).padStart(4, "0")}`;
  }
  return String(Math.floor(random() * 10_000_000_000)).padStart(10, "0");
}

/** A flat (non-rope) copy, as text read from a file or a form would be. */
export function flatten(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}
