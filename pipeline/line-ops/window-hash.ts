/**
 * Hashes of windows of consecutive lines, shared by copy/paste detection and the history it
 * reads, so both sides compute exactly the same keys.
 */
import { avalanche32 } from './normalise.js';

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
  return normalised.length > 0 && alphanumerics >= minAlphanumeric;
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
    a = Math.imul(a ^ low, 0xcc9e2d51);
    a = (a << 13) | (a >>> 19);
    b = Math.imul(b ^ high, 0x1b873593) ^ Math.imul(low, 0x85ebca77);
    b = (b << 17) | (b >>> 15);
  }
  a = avalanche32(a);
  b = avalanche32(b ^ a);
  return (b & 0x1fffff) * TWO_POW_32 + (a >>> 0);
}
