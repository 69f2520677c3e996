/**
 * Hashes of windows of consecutive lines, shared by copy/paste detection and the history it
 * reads, so both sides compute exactly the same keys.
 */
import { avalanche32 } from './line-hash.js';

const TWO_POW_32 = 4294967296;

/**
 * Whether a normalised line takes part in copy/paste windows.
 *
 * Why this filter: windows must be computed identically over earlier file contents (which
 * carry no comment or keyword flags) and over a commit's added lines, so the test uses the
 * line's content alone. Blank lines and punctuation-only lines (`}`, `);`) are skipped, so a
 * pasted block still matches after gaining or losing blank lines or braces.
 */
export function isWindowLine(normalised: string, alphanumerics: number, minAlphanumeric: number): boolean {
  return isWindowLineOfLength(normalised.length, alphanumerics, minAlphanumeric);
}

/**
 * {@link isWindowLine} from the normalised line's length alone (as `scanLine` reports it), for
 * callers that never build the normalised string.
 *
 * @example
 * isWindowLineOfLength(0, 0, 3)  // false: blank
 * isWindowLineOfLength(12, 9, 3) // true
 */
export function isWindowLineOfLength(normalisedLength: number, alphanumerics: number, minAlphanumeric: number): boolean {
  return normalisedLength > 0 && alphanumerics >= minAlphanumeric;
}

/** Multipliers of the two polynomial lanes (odd, so multiplying by them is invertible mod 2^32). */
const LANE_A_BASE = 0x9e3779b1;
const LANE_B_BASE = 0x85ebca77;

/** Lane A reads a line hash's low 32 bits. */
function laneAInput(hash: number): number {
  return hash | 0;
}

/** Lane B reads the high 21 bits mixed with a multiple of the low bits, so it sees all 53 bits differently from lane A. */
function laneBInput(hash: number): number {
  return ((hash / TWO_POW_32) >>> 0) ^ Math.imul(hash | 0, 0xcc9e2d51);
}

/** `base^exponent` mod 2^32. */
function power(base: number, exponent: number): number {
  let result = 1;
  for (let k = 0; k < exponent; k++) result = Math.imul(result, base);
  return result;
}

function finishWindowHash(laneA: number, laneB: number, length: number): number {
  const a = avalanche32(laneA ^ length);
  const b = avalanche32(laneB ^ a);
  return (b & 0x1fffff) * TWO_POW_32 + (a >>> 0);
}

/**
 * Combines `length` consecutive 53-bit line hashes, starting at `start`, into one 53-bit
 * window hash. Order matters: the same lines in another order give another hash.
 *
 * Construction: two 32-bit polynomial lanes, `Σ input(h_k) × base^(length−1−k)` mod 2^32 over
 * different views of each line hash, each finished with an avalanche mix. Why polynomial: the
 * next window's lanes follow from the previous ones in constant time (drop the oldest term,
 * shift, add the newest), which {@link WindowSequence} uses to hash every window of a long
 * block at the cost of one step per line instead of one per line and window.
 *
 * @example
 * const lines = Float64Array.from(['a()', 'b()', 'c()'].map(hashString));
 * windowHash(lines, 0, 2) !== windowHash(lines, 1, 2) // true
 */
export function windowHash(lineHashes: ArrayLike<number>, start: number, length: number): number {
  let a = 0;
  let b = 0;
  for (let k = start; k < start + length; k++) {
    const hash = lineHashes[k]!;
    a = (Math.imul(a, LANE_A_BASE) + laneAInput(hash)) | 0;
    b = (Math.imul(b, LANE_B_BASE) + laneBInput(hash)) | 0;
  }
  return finishWindowHash(a, b, length);
}

/**
 * A growable sequence of line hashes whose windows are hashed in one rolling pass, with the
 * same values as {@link windowHash}. Each line hash is split into its two lane inputs once,
 * when pushed; the buffers are reused across hunks and commits.
 *
 * @example
 * const sequence = new WindowSequence();
 * for (const line of ['a()', 'b()', 'c()']) sequence.push(hashString(line));
 * const hashes = new Float64Array(2);
 * sequence.windowHashesInto(2, hashes); // hashes[1] === windowHash(Float64Array.from(['a()', 'b()', 'c()'].map(hashString)), 1, 2)
 */
export class WindowSequence {
  private laneA = new Int32Array(256);
  private laneB = new Int32Array(256);
  private count = 0;

  /** Number of line hashes in the sequence. */
  get length(): number {
    return this.count;
  }

  /** Empties the sequence (keeping its buffers). */
  clear(): void {
    this.count = 0;
  }

  /** Appends a 53-bit line hash. */
  push(lineHash: number): void {
    if (this.count === this.laneA.length) this.grow();
    this.laneA[this.count] = laneAInput(lineHash);
    this.laneB[this.count] = laneBInput(lineHash);
    this.count++;
  }

  /**
   * Writes the hash of every window of `size` consecutive line hashes, the window starting at
   * `start` into `out[start]`, and returns the number of windows (`length − size + 1`, or 0).
   * `out` must hold that many entries.
   */
  windowHashesInto(size: number, out: Float64Array): number {
    const windows = this.count - size + 1;
    if (size < 1 || windows <= 0) return 0;
    const { laneA, laneB } = this;
    // Weight of the oldest line of a window: base^(size − 1).
    const oldestA = power(LANE_A_BASE, size - 1);
    const oldestB = power(LANE_B_BASE, size - 1);
    let a = 0;
    let b = 0;
    for (let k = 0; k < size; k++) {
      a = (Math.imul(a, LANE_A_BASE) + laneA[k]!) | 0;
      b = (Math.imul(b, LANE_B_BASE) + laneB[k]!) | 0;
    }
    out[0] = finishWindowHash(a, b, size);
    for (let start = 1; start < windows; start++) {
      const leaving = start - 1;
      const entering = start + size - 1;
      a = (Math.imul((a - Math.imul(laneA[leaving]!, oldestA)) | 0, LANE_A_BASE) + laneA[entering]!) | 0;
      b = (Math.imul((b - Math.imul(laneB[leaving]!, oldestB)) | 0, LANE_B_BASE) + laneB[entering]!) | 0;
      out[start] = finishWindowHash(a, b, size);
    }
    return windows;
  }

  private grow(): void {
    const laneA = new Int32Array(this.laneA.length * 2);
    const laneB = new Int32Array(this.laneB.length * 2);
    laneA.set(this.laneA);
    laneB.set(this.laneB);
    this.laneA = laneA;
    this.laneB = laneB;
  }
}
