/**
 * An insertion-only hash set of 10-digit numbers (as doubles), open addressing over a Float64Array. The parser's
 * de-duplication runs once per token, and a Set<number> of values above 2^31 boxes every key.
 */
export interface NumberSet {
  keys: Float64Array;
  size: number;
  mask: number;
}

export function createNumberSet(capacity = 1024): NumberSet {
  let size = 16;
  while (size < capacity * 2) {
    size *= 2;
  }
  return { keys: new Float64Array(size).fill(-1), size: 0, mask: size - 1 };
}

function slotOf(v: number, mask: number): number {
  return Math.imul((v | 0) ^ ((v / 4294967296) | 0), 0x9e3779b1) & mask;
}

function grow(set: NumberSet): void {
  const old = set.keys;
  const keys = new Float64Array(old.length * 2).fill(-1);
  const mask = keys.length - 1;
  for (const v of old) {
    if (v >= 0) {
      let slot = slotOf(v, mask);
      while (keys[slot] !== -1) {
        slot = (slot + 1) & mask;
      }
      keys[slot] = v;
    }
  }
  set.keys = keys;
  set.mask = mask;
}

/** Adds a non-negative integer; false when it was already there. */
export function addToNumberSet(set: NumberSet, v: number): boolean {
  if (set.size * 2 >= set.keys.length) {
    grow(set);
  }
  const keys = set.keys;
  const mask = set.mask;
  let slot = slotOf(v, mask);
  for (;;) {
    const k = keys[slot];
    if (k === v) {
      return false;
    }
    if (k === -1) {
      keys[slot] = v;
      set.size++;
      return true;
    }
    slot = (slot + 1) & mask;
  }
}
