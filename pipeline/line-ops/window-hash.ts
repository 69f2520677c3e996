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

/**
 * Combines `length` consecutive 53-bit line hashes, starting at `start`, into one 53-bit
 * window hash. Order matters: the same lines in another order give another hash.
 *
 * @example
 * const lines = Float64Array.from(['a()', 'b()', 'c()'].map(hashString));
 * windowHash(lines, 0, 2) !== windowHash(lines, 1, 2) // true
 */
export function windowHash(lineHashes: ArrayLike<number>, start: number, length: number): number {
  let a = 0x9e3779b9 ^ length;
  let b = 0x7f4a7c15;
  for (let k = 0; k < length; k++) {
    const hash = lineHashes[start + k]!;
    const low = hash >>> 0;
    const high = (hash / TWO_POW_32) >>> 0;
    a = mixWindowLaneA(a, low);
    b = mixWindowLaneB(b, low, high);
  }
  return finishWindowHash(a, b);
}

function mixWindowLaneA(lane: number, low: number): number {
  const a = Math.imul(lane ^ low, 0xcc9e2d51);
  return (a << 13) | (a >>> 19);
}

function mixWindowLaneB(lane: number, low: number, high: number): number {
  const b = Math.imul(lane ^ high, 0x1b873593) ^ Math.imul(low, 0x85ebca77);
  return (b << 17) | (b >>> 15);
}

function finishWindowHash(laneA: number, laneB: number): number {
  const a = avalanche32(laneA);
  const b = avalanche32(laneB ^ a);
  return (b & 0x1fffff) * TWO_POW_32 + (a >>> 0);
}

/**
 * A growable sequence of line hashes from which windows are hashed, the same values as
 * {@link windowHash} gives. Each line hash is split into its 32-bit halves once, when pushed,
 * instead of once per window that covers it; the buffers are reused across hunks and commits.
 *
 * @example
 * const sequence = new WindowSequence();
 * for (const line of ['a()', 'b()', 'c()']) sequence.push(hashString(line));
 * sequence.windowHash(1, 2) === windowHash(Float64Array.from(['a()', 'b()', 'c()'].map(hashString)), 1, 2) // true
 */
export class WindowSequence {
  private lows = new Int32Array(256);
  private highs = new Int32Array(256);
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
    if (this.count === this.lows.length) this.grow();
    this.lows[this.count] = lineHash >>> 0;
    this.highs[this.count] = (lineHash / TWO_POW_32) >>> 0;
    this.count++;
  }

  /** The window hash of the `size` line hashes from `start` (`start + size <= length`). */
  windowHash(start: number, size: number): number {
    const lows = this.lows;
    const highs = this.highs;
    let a = 0x9e3779b9 ^ size;
    let b = 0x7f4a7c15;
    for (let k = start; k < start + size; k++) {
      // The halves were stored as int32; `>>> 0` restores the unsigned view windowHash uses.
      const low = lows[k]! >>> 0;
      a = mixWindowLaneA(a, low);
      b = mixWindowLaneB(b, low, highs[k]! >>> 0);
    }
    return finishWindowHash(a, b);
  }

  private grow(): void {
    const lows = new Int32Array(this.lows.length * 2);
    const highs = new Int32Array(this.highs.length * 2);
    lows.set(this.lows);
    highs.set(this.highs);
    this.lows = lows;
    this.highs = highs;
  }
}
