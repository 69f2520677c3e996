/**
 * The 53-bit string hash behind every line comparison and copy/paste window. Its steps are
 * exported so a scanner can hash a line's normalised form while reading the raw text and get
 * exactly the value {@link hashString} gives for the normalised string.
 *
 * The hash reads UTF-16 code units two at a time as one 32-bit word (`first | second << 16`; a
 * trailing odd unit alone) and feeds each word to two independent 32-bit lanes: lane A is the
 * MurmurHash3 (x86, 32-bit) block step, lane B the xxHash32 accumulator round. Each lane is
 * finished with the MurmurHash3 avalanche; 32 bits of one and 21 of the other form the result.
 *
 * Why two units per step: hashing runs over every character of a repository's history, and a
 * multiply chain per character was the single largest cost of line analysis; one step per two
 * characters halves the dependent-multiply chain while each step still mixes every input bit.
 *
 * Why 53 bits: the copy/paste history keeps millions of window hashes and compares them
 * exactly; at 53 bits a false match among ten million entries has a chance near one in a
 * billion per lookup, while 32 bits would give one in four hundred. 53 bits is what a
 * JavaScript number holds exactly.
 */

const TWO_POW_32 = 4294967296;

/** Start value of lane A. */
export const HASH_SEED_A = 0x811c9dc5;
/** Start value of lane B. */
export const HASH_SEED_B = 0x3c6ef372;

/**
 * Lane A: one MurmurHash3 block step over the 32-bit `word`.
 *
 * @example
 * let a = HASH_SEED_A;
 * a = mixLaneA(a, 0x61 | (0x62 << 16)); // the units of 'ab'
 */
export function mixLaneA(lane: number, word: number): number {
  let k = Math.imul(word, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  let h = lane ^ k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/**
 * Lane B: one xxHash32 accumulator round over the 32-bit `word`.
 *
 * @example
 * let b = HASH_SEED_B;
 * b = mixLaneB(b, 0x61 | (0x62 << 16)); // the units of 'ab'
 */
export function mixLaneB(lane: number, word: number): number {
  let h = (lane + Math.imul(word, 0x85ebca77)) | 0;
  h = (h << 13) | (h >>> 19);
  return Math.imul(h, 0x9e3779b1);
}

/**
 * A fast non-cryptographic 53-bit hash of a string: an integer in `[0, 2^53)`, exact in a
 * JavaScript number (see the module comment for the construction).
 *
 * @example
 * hashString('return a + b;') === hashString('return a + b;') // true
 */
export function hashString(text: string): number {
  let a = HASH_SEED_A;
  let b = HASH_SEED_B;
  const length = text.length;
  let i = 0;
  for (; i + 1 < length; i += 2) {
    const word = text.charCodeAt(i) | (text.charCodeAt(i + 1) << 16);
    a = mixLaneA(a, word);
    b = mixLaneB(b, word);
  }
  if (i < length) {
    const word = text.charCodeAt(i);
    a = mixLaneA(a, word);
    b = mixLaneB(b, word);
  }
  return finishHash(a, b, length);
}

/**
 * Turns the two lanes after `length` hashed code units into the 53-bit result of
 * {@link hashString}. The length is mixed in, so a trailing odd unit cannot be confused with
 * the same unit followed by a NUL.
 */
export function finishHash(laneA: number, laneB: number, length: number): number {
  const a = avalanche32(laneA ^ length);
  const b = avalanche32(laneB ^ a);
  return (b & 0x1fffff) * TWO_POW_32 + (a >>> 0);
}

/** The 32-bit finaliser popularised by MurmurHash3: every input bit affects every output bit. */
export function avalanche32(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}
